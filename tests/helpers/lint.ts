import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository's root, where the ESLint configuration is. */
const ROOT = join(__dirname, '..', '..');

/** One lint message: the rule that raised it and what it said. */
export interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints each `[file, code]` as if the code were that file (a path from the repository's root), with the
 * repository's own configuration, in one plain Node process: ESLint loads its flat config with a dynamic
 * import, which jest's module sandbox does not allow. Returns each case's messages, in order.
 */
export function lintAs(cases: readonly (readonly [string, string])[]): LintMessage[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of cases) {
        const [result] = await eslint.lintText(code, { filePath: file });
        out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
      }
      process.stdout.write(JSON.stringify(out));
    })();
  `;
  const input = cases.map(([file, code]) => [join(ROOT, file), code]);
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, JSON.stringify(input)], { cwd: ROOT, encoding: 'utf8' }),
  ) as LintMessage[][];
}
