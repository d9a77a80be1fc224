import { lintAs } from '../../helpers/lint';

/**
 * The engine's stages import one way (read → rules → compute → scenarios → tables): the lint configuration
 * enforces it, and these cases show it refuses a backward import and lets the forward ones through.
 */

/** The stage-order messages of each case, linted as the file it names (`lintAs`). */
function stageErrors(cases: [string, string, boolean][]): string[][] {
  return lintAs(cases.map(([file, code]) => [file, `${code}\nvoid [typeof a];\n`] as const)).map((messages) =>
    messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message),
  );
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
