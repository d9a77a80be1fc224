import fc from 'fast-check';
import type { Measure, WorkbookModel } from '../../../models';
import { SHARE_SCALE } from '../../../models';
import { costSharesByObjective, splitByCostShares } from '../../../server/engine/costShares';

/** Fixed, so a failure reproduces; fast-check prints it with the counterexample. */
const RUNS = { numRuns: 300, seed: 20181001 } as const;

const loc = { sheet: 'Measures', cell: 'F2' };
const measure = (id: string, objectiveId: string, ppb: number | null): Measure => ({
  id,
  objectiveId,
  name: id,
  type: 'Outcome',
  unit: 'Raw Count',
  kind: 'Count',
  kindInferred: false,
  kindInferredFrom: null,
  currencyScale: 1,
  direction: 'Increase',
  dataSource: '',
  verification: '',
  leader: '',
  priorityGoal: false,
  costShare: ppb === null ? null : { ppb, loc },
  loc,
});
const modelOf = (measures: Measure[]) => ({ measures }) as unknown as WorkbookModel;

describe('splitting an objective by Cost Shares', () => {
  test('Given shares that sum to at most 100% and any amount, then the parts and the unclaimed rest add back to the amount exactly, and no part is off its share by a minor unit or more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: SHARE_SCALE }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        (raw, amount) => {
          // Scale the shares down so they sum to at most 100%.
          const sum = raw.reduce((s, x) => s + x, 0);
          const shares = sum > SHARE_SCALE ? raw.map((x) => Math.floor((x * SHARE_SCALE) / sum)) : raw;
          const measures = shares.map((ppb, i) => measure(`M${i}`, '1.1', ppb));
          const objective = costSharesByObjective(modelOf(measures)).get('1.1');
          expect(objective?.over).toBe(false);
          const parts = splitByCostShares(amount, objective as NonNullable<typeof objective>);
          const claimed = [...parts.values()].reduce((s, x) => s + x, 0);
          const rest = amount - claimed;
          const unclaimed = SHARE_SCALE - shares.reduce((s, x) => s + x, 0);
          expect(Math.abs(rest - (amount * unclaimed) / SHARE_SCALE)).toBeLessThan(1);
          shares.forEach((ppb, i) =>
            expect(Math.abs((parts.get(`M${i}`) as number) - (amount * ppb) / SHARE_SCALE)).toBeLessThan(1),
          );
        },
      ),
      RUNS,
    );
  });

  test('Given 100.00 split 33.3333333% / 33.3333333% / 33.3333334%, then the odd cent goes to the largest remainder (the third) and nothing is left', () => {
    const third = 333_333_333;
    const measures = [measure('A', '1', third), measure('B', '1', third), measure('C', '1', third + 1)];
    const objective = costSharesByObjective(modelOf(measures)).get('1');
    expect([...splitByCostShares(10_000, objective as NonNullable<typeof objective>).values()]).toEqual([
      3333, 3333, 3334,
    ]);
  });

  test('Given measures of two objectives, one without any share, then only the objective with shares is listed, keyed in any case', () => {
    const byObjective = costSharesByObjective(
      modelOf([measure('A', 'obj-1', 400_000_000), measure('B', 'OBJ-1', null), measure('C', '2', null)]),
    );
    expect([...byObjective.keys()]).toEqual(['OBJ-1']);
    expect(byObjective.get('OBJ-1')).toMatchObject({ total: 400_000_000, over: false });
    expect(byObjective.get('OBJ-1')?.without.map((m) => m.id)).toEqual(['B']);
  });

  test('Given shares of 60% and 50%, then the objective is over 100%', () => {
    const byObjective = costSharesByObjective(
      modelOf([measure('A', '1', 600_000_000), measure('B', '1', 500_000_000)]),
    );
    expect(byObjective.get('1')).toMatchObject({ total: 1_100_000_000, over: true });
  });
});
