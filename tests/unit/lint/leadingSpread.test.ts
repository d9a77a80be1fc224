import { lintAs } from '../../helpers/lint';

/**
 * Server code never writes an object literal that begins with a spread and adds fields after it: in Node 20's
 * V8 each such object gets a map of its own (`withFields` in server/objects.ts says why). The lint
 * configuration refuses it; these cases show what it refuses and what it lets through.
 */
const RULE_TEXT = 'beginning with a spread';

/** Lints each snippet as server/engine/x.ts (`lintAs`); true when the rule refuses it. */
function refused(snippets: string[]): boolean[] {
  const code = (s: string) => `const a = { x: 1 };\nconst b = { y: 2 };\nexport const o = ${s};\n`;
  return lintAs(snippets.map((s) => ['server/engine/x.ts', code(s)] as const)).map((messages) =>
    messages.some((m) => m.message.includes(RULE_TEXT)),
  );
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
