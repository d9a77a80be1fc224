import fc from 'fast-check';
import { compute, readWorkbook } from '../../../server/engine';
import { runScenarios } from '../../../server/engine/scenarios';
import { rowsOf } from '../../helpers/outputs';
import { seriesOf, minimalWorkbook, type Row } from '../../helpers/workbook';
import { runEngine } from '../../../server/engine';
import { BASE, scenarios } from './fixtures';

function run(overrides: Record<string, readonly Row[]>) {
  const { model } = readWorkbook(minimalWorkbook({ ...BASE, ...overrides }));
  const c = compute(model);
  const r = runScenarios(c);
  if (!r) throw new Error('no scenario run');
  return { c, r };
}

const POOLS = {
  Budget: [
    ['Account', 'Amount Type', 'FY2018'],
    ['A', 'BA', 1000],
    ['B', 'BA', 3000],
    ['OPS', 'BA', 777.77],
  ],
  Crosswalk: [
    ['Account', 'Objective ID', 'Cost Pool', 'Share'],
    ['A', '1.1', null, '100%'],
    ['B', '1.2', null, '100%'],
    ['OPS', null, 'Mission Support', '100%'],
  ],
  'Cost Pools': [
    ['Cost Pool', 'Method'],
    ['Mission Support', 'Direct Cost'],
  ],
};

describe('Given a scenario run through the crosswalk and support costs', () => {
  test('When account A is cut 10%, Then the scenario full cost equals the changed budget to the cent', () => {
    const { r } = run({ ...POOLS, Scenarios: scenarios(['Cut A', 'Account', 'A', '-10%']) });
    const o = r.outcomes[0];
    expect(o?.funding.change).toBe(-10000); // cents
    const full = ['O:1.1', 'O:1.2'].reduce((s, k) => s + (o?.funding.full(k) ?? 0), 0);
    expect(full).toBe(477777 - 10000);
    expect(o?.funding.budgetTotal).toBe(477777 - 10000);
  });

  test('When objective 1.1 gains $500, Then its full cost rises by exactly that and objective 1.2 keeps its funding to the cent', () => {
    const { c, r } = run({ ...POOLS, Scenarios: scenarios(['More 1.1', 'Objective', '1.1', 500]) });
    const o = r.outcomes[0];
    const base11 = c.support.full.get('Budget Authority', seriesOf(c, 2018), 'O:1.1');
    const after11 = o?.funding.full('O:1.1') ?? 0;
    // Support is not re-spread after the change: the pool's base-year shares hold, so 1.2 does not move.
    expect(after11 - base11).toBe(50000);
    expect(o?.funding.full('O:1.2')).toBe(c.support.full.get('Budget Authority', seriesOf(c, 2018), 'O:1.2'));
    expect((o?.funding.full('O:1.1') ?? 0) + (o?.funding.full('O:1.2') ?? 0)).toBe(477777 + 50000);
    expect(o?.funding.change).toBe(50000);
  });

  test('When an amount is cut across all lines, Then it is spread in proportion to each line and sums exactly', () => {
    const { r } = run({ Scenarios: scenarios(['Cut', 'All', null, -100.01]) });
    const o = r.outcomes[0];
    expect(o?.funding.change).toBe(-10001);
    expect((o?.funding.full('O:1.1') ?? 0) + (o?.funding.full('O:1.2') ?? 0)).toBe(400000 - 10001);
  });

  test('When a goal is cut, Then every objective under it moves by the same percent', () => {
    const { r } = run({ Scenarios: scenarios(['Goal cut', 'Goal', 'G1', '-20%']) });
    expect(r.outcomes[0]?.funding.full('O:1.1')).toBe(80000);
    expect(r.outcomes[0]?.funding.full('O:1.2')).toBe(240000);
  });

  test('When a scenario names a key that matches nothing, Then it is reported at its row and changes nothing', () => {
    const result = runEngine(
      minimalWorkbook({ ...BASE, Scenarios: scenarios(['Typo', 'Account', 'ZZZ', '-10%']) }),
    );
    const issue = result.issues.find((i) => i.code === 'SCENARIO_NO_MATCH');
    expect(issue?.cell).toBe('A2');
    const comparison = rowsOf(result, 'ScenarioComparison').find((row) => row.Level === 'Total');
    expect(comparison?.['Funding Change']).toBe(0);
  });

  test('Property: for random cuts and increases by account, scenario funding always ties out to the changed budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500_000_000, max: 500_000_000 }), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.constantFrom('Step-Down', 'Reciprocal', 'Direct'),
        ([a, b], ppb, method) => {
          const pct = `${(ppb / 1e7).toFixed(7)}%`;
          const { c, r } = run({
            ...POOLS,
            Settings: [
              ['Setting', 'Value'],
              ['Allocation', method],
            ],
            Budget: [
              ['Account', 'Amount Type', 'FY2018'],
              ['A', 'BA', (a as number) / 100],
              ['B', 'BA', (b as number) / 100],
              ['OPS', 'BA', 777.77],
            ],
            Scenarios: scenarios(['S', 'Account', 'A', pct], ['S', 'Account', 'B', 12.34]),
          });
          const o = r.outcomes[0];
          if (!o) return false;
          const total =
            c.crosswalk.budget.get('Budget Authority', seriesOf(c, 2018), 'total') + o.funding.change;
          const allTargets = ['O:1.1', 'O:1.2', 'P:Mission Support', 'U'].reduce(
            (s, k) => s + o.funding.full(k),
            0,
          );
          return allTargets === total && o.funding.budgetTotal === total;
        },
      ),
      { numRuns: 60, seed: 20181001 },
    );
  });
});
