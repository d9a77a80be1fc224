import fc from 'fast-check';
import { compute, readWorkbook, runEngine } from '../../../server/engine';
import { runScenarios } from '../../../server/engine/scenarios';
import { percentOf, percentOfEach } from '../../../server/engine/scenarios/apply';
import { relativeVariation } from '../../../server/engine/scenarios/measures';
import { rowsOf } from '../../helpers/outputs';
import { minimalWorkbook, type Row, seriesOf } from '../../helpers/workbook';
import { buildWorkbook, workbookSpec } from '../../properties/arbitraries';
import { BASE, responses, scenarios } from './fixtures';

/**
 * Scenarios a budget officer can defend (contract: "How a scenario moves money", "How a measure responds").
 * Money moves only where a scenario says; projections stay possible; one funding-change figure everywhere.
 * Expected values are worked by hand in the comments.
 */

const RUNS = { numRuns: 60, seed: 20261203 } as const;

/** Two goals, three objectives, a support pool spread by direct cost. */
const POOLED = {
  Budget: [
    ['Account', 'Amount Type', 'FY2018'],
    ['A', 'BA', 1000],
    ['B', 'BA', 3000],
    ['C', 'BA', 2000],
    ['OPS', 'BA', 600],
  ],
  Goals: [
    ['Goal ID', 'Goal'],
    ['G1', 'Serve'],
    ['G2', 'Build'],
  ],
  Objectives: [
    ['Objective ID', 'Goal ID', 'Objective'],
    ['1.1', 'G1', 'First'],
    ['1.2', 'G1', 'Second'],
    ['2.1', 'G2', 'Third'],
  ],
  Measures: null,
  Results: null,
  Crosswalk: [
    ['Account', 'Objective ID', 'Cost Pool', 'Share'],
    ['A', '1.1', null, '100%'],
    ['B', '1.2', null, '100%'],
    ['C', '2.1', null, '100%'],
    ['OPS', null, 'Mission Support', '100%'],
  ],
  'Cost Pools': [
    ['Cost Pool', 'Method'],
    ['Mission Support', 'Direct Cost'],
  ],
} as const;

const run = (tables: Record<string, readonly Row[] | null>) => {
  const c = compute(readWorkbook(minimalWorkbook(tables)).model);
  const r = runScenarios(c);
  if (!r) throw new Error('no scenario run');
  return { c, r };
};

describe('money moves only where the scenario says', () => {
  // Base full cost: direct 1,000 / 3,000 / 2,000 plus the 600 pool by direct cost: 100 / 300 / 200.
  test('Given "G1 cut 15%", when run, then G1 falls by 15% of its full cost and G2 keeps its funding to the cent', () => {
    const { c, r } = run({ ...POOLED, Scenarios: scenarios(['Cut G1', 'Goal', 'G1', '-15%']) });
    const o = r.outcomes[0];
    const base = (k: string) => c.support.full.get('Budget Authority', seriesOf(c, 2018), k);
    expect([base('O:1.1'), base('O:1.2'), base('O:2.1')]).toEqual([110000, 330000, 220000]);
    expect(o?.funding.full('O:1.1')).toBe(110000 - 16500);
    expect(o?.funding.full('O:1.2')).toBe(330000 - 49500);
    expect(o?.funding.full('O:2.1')).toBe(220000);
    expect(o?.funding.change).toBe(-66000);
  });

  test('Given "Technology plus $250" on one objective, when run, then it gains exactly $250 and no other objective moves', () => {
    const { c, r } = run({ ...POOLED, Scenarios: scenarios(['More 2.1', 'Objective', '2.1', 250]) });
    const o = r.outcomes[0];
    const base = (k: string) => c.support.full.get('Budget Authority', seriesOf(c, 2018), k);
    expect(o?.funding.full('O:2.1')).toBe(base('O:2.1') + 25000);
    expect([o?.funding.full('O:1.1'), o?.funding.full('O:1.2')]).toEqual([base('O:1.1'), base('O:1.2')]);
  });

  test("Given a cut to the support account, when run, then the pool's change reaches objectives in its base-year shares", () => {
    // OPS −10% = −60, spread 1:3:2 as the 600 was: −10, −30, −20.
    const { c, r } = run({ ...POOLED, Scenarios: scenarios(['Cut OPS', 'Account', 'OPS', '-10%']) });
    const o = r.outcomes[0];
    const base = (k: string) => c.support.full.get('Budget Authority', seriesOf(c, 2018), k);
    expect(['O:1.1', 'O:1.2', 'O:2.1'].map((k) => (o?.funding.full(k) ?? 0) - base(k))).toEqual([
      -1000, -3000, -2000,
    ]);
  });

  test('Given an account cut, when run, then the pool is not re-spread: other objectives keep their support', () => {
    // Cutting A (1.1's direct) does not move the pool's shares: 1.2 and 2.1 keep 330 and 220.
    const { r } = run({ ...POOLED, Scenarios: scenarios(['Cut A', 'Account', 'A', '-50%']) });
    const o = r.outcomes[0];
    expect([o?.funding.full('O:1.2'), o?.funding.full('O:2.1')]).toEqual([330000, 220000]);
    expect(o?.funding.change).toBe(-50000);
  });

  test('Property: for random workbooks and random Goal or Objective scenarios, every objective not named keeps its funding to the cent and the named change is realized exactly', () => {
    fc.assert(
      fc.property(
        workbookSpec,
        fc.constantFrom('Goal', 'Objective'),
        fc.nat(),
        fc.integer({ min: -90, max: 90 }),
        (spec, scope, pick, pct) => {
          const g = buildWorkbook(spec);
          const model = readWorkbook(g.grids).model;
          const targets = scope === 'Goal' ? model.goals.map((x) => x.id) : model.objectives.map((x) => x.id);
          const key = targets[pick % targets.length] as string;
          const grids = {
            tables: [
              ...g.grids.tables,
              ...minimalWorkbook({ Scenarios: scenarios(['S', scope, key, `${pct}%`]) }).tables.filter(
                (t) => t.name === 'Scenarios',
              ),
            ],
          };
          const c = compute(readWorkbook(grids).model);
          const basis = c.cost.basis;
          const r = runScenarios(c);
          const o = r?.outcomes[0];
          if (!o || !basis || c.baseYear === null) return;
          const series = seriesOf(c, c.baseYear);
          const named = new Set(
            scope === 'Objective'
              ? [`O:${key}`]
              : [...model.objectives.filter((x) => x.goalId === key).map((x) => `O:${x.id}`), `G:${key}`],
          );
          let namedChange = 0;
          let namedBase = 0;
          for (const obj of model.objectives) {
            const k = `O:${obj.id}`;
            const before = c.support.full.get(basis, series, k);
            const after = o.funding.full(k);
            if (named.has(k)) {
              namedChange += after - before;
              namedBase += before;
            } else expect({ k, after }).toEqual({ k, after: before });
          }
          if (scope === 'Goal') {
            const k = `G:${key}`;
            namedChange += o.funding.full(k) - c.support.full.get(basis, series, k);
          }
          expect(o.funding.change).toBe(namedChange);
          // Each named target changes by pct of its own full cost, rounded half away from zero.
          if (scope === 'Objective')
            expect(namedChange + 0).toBe(
              Math.sign(namedBase * pct) * Math.round(Math.abs(namedBase * pct) / 100 + Number.EPSILON) + 0,
            );
        },
      ),
      RUNS,
    );
  });
});

describe('one funding-change figure everywhere', () => {
  test('Given an across-the-board cut with receipts in the Budget, when run, then the summary, ScenarioResults, ScenarioComparison and BestAllocation totals agree', () => {
    const r = runEngine(
      minimalWorkbook({
        ...POOLED,
        Budget: [
          ['Account', 'Amount Type', 'Line Type', 'FY2018'],
          ...POOLED.Budget.slice(1).map((row) => [row[0], row[1], 'Spending', row[2]] as Row),
          ['R', 'BA', 'Receipt', -300],
        ],
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
          ['M1', '1.1', 'Cases', 'Count', 'Increase'],
          ['M2', '2.1', 'Sites', 'Count', 'Increase'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['M1', 2018, 100, 100],
          ['M2', 2018, 50, 40],
        ],
        Scenarios: scenarios(['Cut 10%', 'All', null, '-10%'], ['Best', 'Best Allocation', null, '-10%']),
        Responses: responses(
          ['M1', 'Proportional', null, null, null, null],
          ['M2', 'Elasticity', 0.5, null, null, null],
        ),
      }),
    );
    // 10% of spending lines (6,600), not of the net Budget with the receipt line.
    expect(r.summary.scenarios.map((s) => [s.name, s.fundingChange])).toEqual([
      ['Cut 10%', -660],
      ['Best', -660],
    ]);
    const comparison = rowsOf(r, 'ScenarioComparison').filter((x) => x.Level === 'Total');
    expect(comparison.map((x) => x['Funding Change'])).toEqual([-660, -660]);
    const best = rowsOf(r, 'BestAllocation').find((x) => x['Objective ID'] === 'Total');
    expect(best?.['Best Change']).toBe(-660);
    const notes = rowsOf(r, 'ScenarioComparison').filter((x) => x.Level === 'Note');
    expect(notes.map((x) => x.Goal)).toEqual([
      expect.stringContaining('Held: receipts, intra-agency amounts'),
      expect.stringContaining('Floors and Ceilings'),
    ]);
  });
});

describe('Best Allocation within its limits', () => {
  test('Property: whatever the limits, realized changes stay within every Floor and Ceiling and sum to the total to the cent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 100, max: 100_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 30 }),
        (amounts, floors, cut) => {
          const r = runEngine(
            minimalWorkbook({
              ...POOLED,
              Budget: [
                ['Account', 'Amount Type', 'FY2018'],
                ['A', 'BA', amounts[0] as number],
                ['B', 'BA', amounts[1] as number],
                ['C', 'BA', amounts[2] as number],
                ['OPS', 'BA', 600],
              ],
              Measures: [
                ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
                ['M1', '1.1', 'One', 'Count', 'Increase'],
                ['M2', '1.2', 'Two', 'Count', 'Increase'],
                ['M3', '2.1', 'Three', 'Count', 'Increase'],
              ],
              Results: [
                ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
                ['M1', 2018, 100, 100],
                ['M2', 2018, 100, 100],
                ['M3', 2018, 100, 100],
              ],
              Responses: responses(
                ['M1', 'Proportional', null, null, null, null],
                ['M2', 'Elasticity', 0.3, null, null, null],
                ['M3', 'Saturating', 0.5, null, null, null],
              ),
              'Allocation Limits': [
                ['Objective ID', 'Floor', 'Ceiling'],
                ['1.1', `-${floors[0]}%`, null],
                ['1.2', `-${floors[1]}%`, null],
                ['2.1', `-${floors[2]}%`, null],
              ],
              Scenarios: scenarios(['Best', 'Best Allocation', null, `-${cut}%`]),
            }),
          );
          const rows = rowsOf(r, 'BestAllocation');
          const objectives = rows.filter((x) => x['Objective ID'] !== 'Total');
          const total = rows.find((x) => x['Objective ID'] === 'Total');
          const infeasible = r.issues.some((i) => i.code === 'ALLOCATION_INFEASIBLE');
          const cents = (v: unknown) => Math.round((v as number) * 100);
          const sum = objectives.reduce((s, x) => s + cents(x['Best Change']), 0);
          expect(sum).toBe(cents(total?.['Best Change']));
          expect(cents(total?.['Best Change'])).toBe(Math.round(r.summary.scenarios[0]!.fundingChange * 100));
          if (infeasible) return;
          for (const x of objectives) {
            const change = cents(x['Best Change']);
            expect(change).toBeLessThanOrEqual(0);
            expect(-change).toBeLessThanOrEqual(Math.floor(cents(x['Base Funding']) * -(x.Floor as number)));
          }
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
  });
});

describe('how a measure responds', () => {
  const one = (measures: Row[], results: Row[], response: Row, change: string | number) => {
    const r = runEngine(
      minimalWorkbook({
        ...BASE,
        Measures: [['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction', 'Unit'], ...measures],
        Results: [['Measure ID', 'Fiscal Year', 'Target', 'Actual'], ...results],
        Scenarios: scenarios(['S', 'Objective', '1.1', change]),
        Responses: responses(response),
      }),
    );
    return rowsOf(r, 'ScenarioResults').find((x) => x['Measure ID'] === 'X');
  };

  test('Given Proportional with Low and High, when projected, then its central elasticity is 1, not the middle of Low and High (regression)', () => {
    // Base 1,000 → 1,100 (+10%): 50 × 1.1 = 55, whatever Low 0.5 and High 1.2 say.
    const row = one(
      [['X', '1.1', 'Cases', 'Count', 'Increase', 'Number']],
      [['X', 2018, 60, 50]],
      ['X', 'Proportional', null, 0.5, 1.2, null],
      '10%',
    );
    expect(row?.['Projected Value']).toBe(55);
  });

  test('Given a rate near 100% and a large increase, when projected, then it stops at 100% and the note says so', () => {
    // 0.95 × 1.5 = 1.425 would be 142.5%: bounded at 1 (rates written as fractions).
    const row = one(
      [['X', '1.1', 'On time', 'Rate', 'Increase', 'Percentage']],
      [['X', 2018, 0.97, 0.95]],
      ['X', 'Proportional', null, null, null, null],
      '50%',
    );
    expect(row?.['Projected Value']).toBe(1);
    expect(row?.Note).toContain('Bounded: a rate cannot exceed 100%');
  });

  test('Given a Saturating count and a deep cut, when projected, then it does not go below zero', () => {
    // 100 × (1 + 2 × ln 0.1) = 100 × (1 − 4.605) < 0 → 0.
    const row = one(
      [['X', '1.1', 'Cases', 'Count', 'Increase', 'Number']],
      [['X', 2018, 100, 100]],
      ['X', 'Saturating', 2, null, null, null],
      '-90%',
    );
    expect(row?.['Projected Value']).toBe(0);
    expect(row?.Note).toContain('a count cannot fall below zero');
  });

  test("Given a cumulative total and a cut, when projected, then the model moves only the year's increase and the total never falls below last year's", () => {
    // 100 last year, 121 this year: increase 21. Cut 10%: 21 × 0.9 = 18.9 → 118.9 (not 121 × 0.9 = 108.9).
    const row = one(
      [['X', '1.1', 'Authorizations (cumulative)', 'Cumulative', 'Increase', 'Cumulative Total']],
      [
        ['X', 2017, 90, 100],
        ['X', 2018, 125, 121],
      ],
      ['X', 'Proportional', null, null, null, null],
      '-10%',
    );
    // Printed at the measure's own precision: its results are whole numbers, so 118.9 prints 119.
    expect(row?.['Projected Value']).toBe(119);
    const deep = one(
      [['X', '1.1', 'Authorizations', 'Cumulative', 'Increase', 'Cumulative Total']],
      [
        ['X', 2017, 90, 100],
        ['X', 2018, 125, 121],
      ],
      ['X', 'Saturating', 1, null, null, null],
      '-90%',
    );
    expect(deep?.['Projected Value']).toBe(100);
  });

  /**
   * Objective 1.1 funded 500 in FY2017 and 1,000 in FY2018; measure X (Proportional) has an FY2017 actual of 40
   * and an FY2018 target, but no FY2018 actual, so its base is FY2017's actual at FY2017's funding.
   */
  const fromEarlierYear = (targets: [number, number], change: number | string) =>
    runEngine(
      minimalWorkbook({
        ...BASE,
        Budget: [
          ['Account', 'Amount Type', 'FY2017', 'FY2018'],
          ['A', 'BA', 500, 1000],
          ['B', 'BA', 3000, 3000],
        ],
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
          ['X', '1.1', 'Cases', 'Count', 'Increase'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['X', 2017, targets[0], 40],
          ['X', 2018, targets[1], null],
        ],
        Scenarios: scenarios(['S', 'Objective', '1.1', change]),
        Responses: responses(['X', 'Proportional', null, null, null, null]),
      }),
    );

  test("Given no actual in the scenario year, when projected, then base value and base funding both come from the latest actual's year", () => {
    const r = fromEarlierYear([40, 90], 0);
    // FY2017: 40 at 500; FY2018 funding 1,000 → 40 × 1000/500 = 80.
    const row = rowsOf(r, 'ScenarioResults').find((x) => x['Measure ID'] === 'X');
    expect(row?.['Projected Value']).toBe(80);
    expect(row?.Note).toContain('FY2017 funding');
  });

  test('Given a base from an earlier, leaner year, when a cut leaves funding above that year, then the cut is counted against the base-year projection and never raises the measures met', () => {
    // FY2017's actual, 40 at 500, misses FY2018's target 70; at FY2018's 1,000 it projects 80 (met), and cut
    // 10% to 900 still 72 (met). The cut must read "met 1 -> 1", not "0 -> 1".
    const r = fromEarlierYear([60, 70], '-10%');
    const row = rowsOf(r, 'ScenarioResults').find((x) => x['Measure ID'] === 'X');
    expect(row?.['Projected Value']).toBe(72);
    expect(row?.['Meets Target']).toBe('Met');
    const total = rowsOf(r, 'ScenarioComparison').find((x) => x.Scenario === 'S' && x.Level === 'Total');
    expect(total?.['Met at Base']).toBe(1);
    expect(total?.['Met in Scenario']).toBe(1);
    const summary = r.summary.scenarios.find((x) => x.name === 'S');
    expect([summary?.metAtBase, summary?.metInScenario]).toEqual([1, 1]);
  });

  test('Given no funding change and a history of at least three actuals, when simulated, then the band has width and the chance of meeting target is neither 0 nor 1', () => {
    const r = runEngine(
      minimalWorkbook({
        ...BASE,
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
          ['X', '1.1', 'Cases', 'Count', 'Increase'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['X', 2015, 100, 90],
          ['X', 2016, 100, 110],
          ['X', 2017, 100, 95],
          ['X', 2018, 100, 102],
        ],
        Scenarios: scenarios(['Hold', 'Objective', '1.1', 0]),
        Responses: responses(['X', 'Proportional', null, null, null, null]),
      }),
    );
    const row = rowsOf(r, 'ScenarioResults').find((x) => x['Measure ID'] === 'X');
    expect(row?.['Projected Value']).toBe(102);
    expect((row?.High as number) - (row?.Low as number)).toBeGreaterThan(5);
    expect(row?.['Probability Meets Target']).toBeGreaterThan(0.2);
    expect(row?.['Probability Meets Target']).toBeLessThan(0.9);
  });

  test('Given year-to-year values, when their variation is measured, then it is the standard deviation of the relative changes', () => {
    // Changes: +10%, −10%: mean 0, sample variance (0.01 + 0.01) / 1 = 0.02.
    expect(relativeVariation([100, 110, 99])).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(relativeVariation([100, 110])).toBeNull();
  });

  test('Given a rate target above 100%, when goal seek inverts the model, then it says the target is not reachable', () => {
    const r = runEngine(
      minimalWorkbook({
        ...BASE,
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction', 'Unit'],
          ['X', '1.1', 'Coverage', 'Rate', 'Increase', 'Percent'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['X', 2018, 120, 80],
        ],
        Responses: responses(['X', 'Proportional', null, null, null, null]),
      }),
    );
    const row = rowsOf(r, 'GoalSeek').find((x) => x['Measure ID'] === 'X');
    expect(row?.['Funding Needed']).toBeNull();
    expect(row?.Note).toBe('Not reachable: a rate cannot exceed 100%.');
  });
});

describe('a percent of many lines', () => {
  test('Property: parts add up to the percent of the total, each within one minor unit of its own exact percent, signs kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        (sizes, ppb) => {
          const parts = percentOfEach(sizes, ppb);
          const total = sizes.reduce((s, x) => s + x, 0);
          expect(parts.reduce((s, x) => s + x, 0)).toBe(percentOf(total, ppb) + 0);
          parts.forEach((p, i) => {
            const exact = ((sizes[i] as number) * ppb) / 1e9;
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
      { numRuns: 300, seed: 20261205 },
    );
  });

  test('Given G2 of 52.5 and 52.5 cut 5%, when applied, then the goal falls by 5% of 105 (5), not by two rounded halves (6)', () => {
    expect(percentOfEach([525, 525], -50_000_000).reduce((s, x) => s + x, 0)).toBe(-53);
    expect(percentOfEach([52, 53], -50_000_000).reduce((s, x) => s + x, 0)).toBe(-5);
  });
});

describe('a cumulative measure that fell', () => {
  test('Given a cumulative total that fell in the base year, when cut, then the projection follows the model below last year, not clamped above this year', () => {
    const r = runEngine(
      minimalWorkbook({
        ...BASE,
        Measures: [
          ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
          ['X', '1.1', 'Energy intensity reduction (cumulative)', 'Cumulative', 'Increase'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['X', 2017, 0.06, 0.064],
          ['X', 2018, 0.075, 0.054],
        ],
        Scenarios: scenarios(['Cut', 'Objective', '1.1', '-10%']),
        Responses: responses(['X', 'Proportional', null, null, null, null]),
      }),
    );
    // Increase −0.010 × 0.9 = −0.009: 0.064 − 0.009 = 0.055 (never the 0.064 a zero floor would give).
    const row = rowsOf(r, 'ScenarioResults').find((x) => x['Measure ID'] === 'X');
    expect(row?.['Projected Value']).toBeCloseTo(0.055, 9);
  });
});
