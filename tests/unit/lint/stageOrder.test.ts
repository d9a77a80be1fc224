import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The engine's stages import one way (read → rules → compute → scenarios → tables): the lint configuration
 * enforces it, and these cases show it refuses a backward import and lets the forward ones through.
 */
const root = join(__dirname, '..', '..', '..');

/**
 * Lints each case as if it were the file named, in one plain Node process (ESLint loads its flat config with a
 * dynamic import, which jest's module sandbox does not allow), and returns the stage-order messages per case.
 */
function stageErrors(cases: [string, string, boolean][]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of cases) {
        const [result] = await eslint.lintText(code, { filePath: file });
        out.push(result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();
  `;
  const input = cases.map(([file, code]) => [join(root, file), `${code}\nvoid [typeof a];\n`]);
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, JSON.stringify(input)], { cwd: root, encoding: 'utf8' }),
  ) as string[][];
}

const cases: [string, string, boolean][] = [
  ['server/engine/read/x.ts', "import { a } from '../tables/shape';", false],
  ['server/engine/read/x.ts', "import { a } from '../scenarios/apply';", false],
  ['server/engine/read/x.ts', "import { a } from '../rules/registry';", false],
  ['server/engine/read/x.ts', "import { a } from '../crosswalk';", false],
  ['server/engine/read/x.ts', "import { a } from './crosswalk';", true],
  ['server/engine/read/x.ts', "import { a } from '../money';", true],
  ['server/engine/rules/x.ts', "import { a } from '../crosswalk';", false],
  ['server/engine/rules/x.ts', "import type { A } from '../crosswalk';", true],
  ['server/engine/rules/x.ts', "import { a } from '../tables/shape';", false],
  ['server/engine/rules/x.ts', "import { a } from '../read/budget';", true],
  ['server/engine/x.ts', "import { a } from './tables/shape';", false],
  ['server/engine/x.ts', "import { a } from './scenarios';", false],
  ['server/engine/x.ts', "import { a } from './rules';", true],
  ['server/engine/scenarios/x.ts', "import { a } from '../tables/shape';", false],
  ['server/engine/scenarios/x.ts', "import { a } from '../compute';", true],
  ['server/engine/tables/x.ts', "import { a } from '../scenarios';", true],
  ['server/engine/index.ts', "import { a } from './tables/shape';", true],
];

describe('Given the lint rule that keeps the engine stages in order', () => {
  const errors = stageErrors(cases);
  test.each(cases.map((c, i) => [...c, i] as const))(
    'In %s, %s is allowed: %s',
    (_file, _code, allowed, i) => {
      if (allowed) expect(errors[i]).toEqual([]);
      else expect(errors[i]).toEqual([expect.stringMatching(/stage|before|rules check/i)]);
    },
  );
});
