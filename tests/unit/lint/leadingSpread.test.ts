import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Server code never writes an object literal that begins with a spread and adds fields after it: in Node 20's
 * V8 each such object gets a map of its own (`withFields` in server/objects.ts says why). The lint
 * configuration refuses it; these cases show what it refuses and what it lets through.
 */
const root = join(__dirname, '..', '..', '..');
const RULE_TEXT = 'beginning with a spread';

/** Lints each snippet as server/engine/x.ts in a plain Node process (as stageOrder.test.ts does); true when refused. */
function refused(snippets: string[]): boolean[] {
  const script = `
    const { ESLint } = require('eslint');
    const [file, snippets] = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const code of snippets) {
        const [result] = await eslint.lintText(code, { filePath: file });
        out.push(result.messages.some((m) => m.message.includes(${JSON.stringify(RULE_TEXT)})));
      }
      process.stdout.write(JSON.stringify(out));
    })();
  `;
  const input = [
    join(root, 'server/engine/x.ts'),
    snippets.map((s) => `const a = { x: 1 };\nconst b = { y: 2 };\nexport const o = ${s};\n`),
  ];
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, JSON.stringify(input)], { cwd: root, encoding: 'utf8' }),
  ) as boolean[];
}

describe('lint: no object literal beginning with a spread and adding fields', () => {
  it('refuses { ...a, more } and { ...a, ...b }, and lets the forms V8 keeps on one map through', () => {
    const cases: [string, boolean][] = [
      ['{ ...a, z: 3 }', true],
      ['{ ...a, ...b }', true],
      ['{ ...(a.x ? a : {}), z: 3 }', true],
      ['{ ...a }', false],
      ['{ z: 3, ...a }', false],
      ['Object.assign({}, a, { z: 3 })', false],
    ];
    expect(refused(cases.map(([code]) => code))).toEqual(cases.map(([, bad]) => bad));
  });
});
