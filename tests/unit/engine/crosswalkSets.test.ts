import type { WorkbookModel } from '../../../models';
import { readWorkbook } from '../../../server/engine';
import {
  allocateCrosswalk,
  buildRuleSets,
  knownTargets,
  type RuleSet,
  splitInSet,
} from '../../../server/engine/crosswalk';
import { minimalWorkbook, type Row } from '../../helpers/workbook';

/**
 * Rule sets as buildRuleSets makes them (each set's arrays its own, weighed in reused scratch) and as the
 * allocation lays them out (one flat layout, parts split in target-key order and handed back in row order).
 */

const OBJECTIVES: Row[] = [
  ['Objective ID', 'Goal ID', 'Objective'],
  ['1.1', 'G1', 'One'],
  ['1.2', 'G1', 'Two'],
  ['1.3', 'G1', 'Three'],
];

function modelOf(crosswalk: Row[]): WorkbookModel {
  return readWorkbook(minimalWorkbook({ Objectives: OBJECTIVES, Crosswalk: crosswalk })).model;
}

const setsOf = (model: WorkbookModel) => buildRuleSets(model, knownTargets(model)).sets;
const view = (set: RuleSet) => ({ targets: set.targets.map((t) => t.key), weights: set.weights });

describe('building rule sets', () => {
  test('Given a set of three targets and then a set of one of them, when weighed, then the second set holds only its own part', () => {
    const [first, second] = setsOf(
      modelOf([
        ['Account', 'Objective ID', 'Share'],
        ['023-05-0110', '1.1', '50%'],
        ['023-05-0110', '1.2', '30%'],
        ['023-05-0110', '1.3', '20%'],
        ['023-05-0220', '1.2', '100%'],
      ]),
    ) as [RuleSet, RuleSet];
    expect(view(first)).toEqual({ targets: ['O:1.1', 'O:1.2', 'O:1.3'], weights: [5e8, 3e8, 2e8] });
    expect(view(second)).toEqual({ targets: ['O:1.2'], weights: [1e9] });
    expect(second.shares).toEqual([1e9]);
    expect(second.ruleLocs).toEqual([second.rules[0]?.loc]);
  });

  test('Given one objective on two rows of a set, apart, when weighed, then it is one part with their shares added', () => {
    const [set] = setsOf(
      modelOf([
        ['Account', 'Objective ID', 'Share'],
        ['023-05-0110', '1.1', '40%'],
        ['023-05-0220', '1.3', '100%'],
        ['023-05-0110', '1.1', '60%'],
      ]),
    ) as [RuleSet];
    expect(view(set)).toEqual({ targets: ['O:1.1'], weights: [1e9] });
    expect(set.rules.map((r) => r.loc.cell)).toEqual(['A2', 'A4']);
  });

  test('Given rows of one recast year, when built, then the set names its year and its key is made of the keys of its texts', () => {
    const [set] = setsOf(
      modelOf([
        ['Account', 'Program Activity', 'Object Class', 'Objective ID', 'Share', 'Fiscal Year'],
        ['47-4542', '1', '25.2', '1.1', '100%', 2018],
      ]),
    ) as [RuleSet];
    expect(set.where).toBe('account 47-4542, program activity 1, object class 25.2, FY2018');
    expect(set.key).toBe('2018\u0000047-4542\u00000001\u0000252');
  });
});

describe('splitting by a laid-out set', () => {
  /** The one set of a Crosswalk for account 023-05-0110, laid out by the allocation. */
  function laidOut(crosswalk: Row[]): RuleSet {
    const model = modelOf([['Account', 'Objective ID', 'Share'], ...crosswalk]);
    const set = allocateCrosswalk(model).sets[0] as RuleSet;
    expect(set.layout).not.toBeNull();
    return set;
  }

  test('Given rows out of key order, when one odd unit is split, then it goes to the earlier key and the parts come back in row order', () => {
    const set = laidOut([
      ['023-05-0110', '1.2', '50%'],
      ['023-05-0110', '1.1', '50%'],
    ]);
    expect(splitInSet(1, set)).toEqual([0, 1]);
    expect(splitInSet(-3, set)).toEqual([-1, -2]);
  });

  test('Given an unknown objective and shares short of 100%, when split, then both Unmapped parts keep their rows and ties go by key, then row', () => {
    const set = laidOut([
      ['023-05-0110', '9.9', '30%'],
      ['023-05-0110', '1.1', '30%'],
    ]);
    expect(view(set)).toEqual({ targets: ['U', 'O:1.1', 'U'], weights: [3e8, 3e8, 4e8] });
    // Key order O:1.1, U (row 1), U (row 3): remainders 3, 3, 4 tenths; the unit left goes to the largest.
    expect(splitInSet(1, set)).toEqual([0, 0, 1]);
    // Remainders 6, 6, 8 tenths: one unit to the largest, the next to O:1.1, first in key order of the tie.
    expect(splitInSet(2, set)).toEqual([0, 1, 1]);
    expect(splitInSet(10, set)).toEqual([3, 3, 4]);
  });

  test('Given a set of twelve targets, more than the buffers start with, when the Budget is allocated, then each target gets its part and the odd units go in key order', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `1.${i + 1}`);
    const model = readWorkbook(
      minimalWorkbook({
        Objectives: [OBJECTIVES[0] as Row, ...ids.map((id): Row => [id, 'G1', `Objective ${id}`])],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ...ids.map((id): Row => ['023-05-0110', id, 1 / 12]),
        ],
      }),
    ).model;
    const c = allocateCrosswalk(model);
    // $1,000.00 is 100,000 cents: 8,333 each and 4 left, to 1.1, 1.10, 1.11 and 1.12 (first in key order).
    const expected = ids.map((id) => (['1.1', '1.10', '1.11', '1.12'].includes(id) ? 8334 : 8333));
    expect(splitInSet(100_000, c.sets[0] as RuleSet)).toEqual(expected);
    expect(ids.map((id) => c.direct.get('Budget Authority', 0, `O:${id}`))).toEqual(expected);
  });

  test('Given an amount whose products pass the exact range, when split, then the general path gives parts that still sum exactly', () => {
    const set = laidOut([
      ['023-05-0110', '1.1', '33.3333333%'],
      ['023-05-0110', '1.2', '66.6666667%'],
    ]);
    const whole = Number.MAX_SAFE_INTEGER - 2;
    // Largest remainder, exactly, in BigInt: each part's floor, and the unit left to the larger remainder.
    const big = BigInt(whole);
    const [q0, q1] = [big * 333333333n, big * 666666667n].map((p) => p / 1_000_000_000n) as [bigint, bigint];
    const [r0, r1] = [(big * 333333333n) % 1_000_000_000n, (big * 666666667n) % 1_000_000_000n];
    const left = big - q0 - q1;
    const expected = r0 >= r1 ? [q0 + left, q1] : [q0, q1 + left];
    expect(splitInSet(whole, set)).toEqual(expected.map(Number));
  });
});
