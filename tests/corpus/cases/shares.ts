import type { EngineResult } from '../../../models';
import { E, minimal, W, type CorpusCase, type Row } from '../case';

const TWO_OBJECTIVES: Row[] = [
  ['Objective ID', 'Goal ID', 'Objective'],
  ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
  ['1.2', 'G1', 'Dispose of unneeded property'],
];
const MEASURES: Row[] = [
  ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
  ['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase'],
  ['M2', '1.2', 'Properties sold', 'Raw Count', 'Count', 'Increase'],
];
const RESULTS: Row[] = [
  ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
  ['M1', 2018, 100, 125],
  ['M2', 2018, 10, 12],
];

/** A workbook with two objectives whose crosswalk splits the one account by these shares. */
function split(...shares: (string | number)[]) {
  return minimal({
    Objectives: TWO_OBJECTIVES,
    Measures: MEASURES,
    Results: RESULTS,
    Crosswalk: [
      ['Account', 'Objective ID', 'Share'],
      ...shares.map((s, i): Row => ['023-05-0110', `1.${i + 1}`, s]),
    ],
  });
}

/** FY2018 of a ResourcesByGoal row picked by its level and objective. */
function fy2018(result: EngineResult, level: string, objective = ''): unknown {
  const table = result.tables.find((t) => t.name === 'ResourcesByGoal');
  const col = (name: string) => table?.columns.findIndex((c) => c.name === name) ?? -1;
  const row = table?.rows.find((r) => r[col('Level')] === level && r[col('Objective ID')] === objective);
  return row?.[col('FY2018')];
}

/** Cost pools that only serve each other. */
function circularPools(allocation: string) {
  return minimal({
    Settings: [
      ['Setting', 'Value'],
      ['Allocation', allocation],
    ],
    Crosswalk: [
      ['Account', 'Objective ID', 'Cost Pool', 'Share'],
      ['023-05-0110', '1.1', null, '50%'],
      ['023-05-0110', null, 'Facilities', '50%'],
    ],
    'Cost Pools': [
      ['Cost Pool', 'Method', 'Order'],
      ['Facilities', 'Driver', 1],
      ['IT', 'Driver', 2],
    ],
    Drivers: [
      ['Cost Pool', 'Objective ID', 'Target Pool', 'Driver Value'],
      ['Facilities', null, 'IT', 100],
      ['IT', null, 'Facilities', 100],
    ],
  });
}

/** Shares near 100%, whole-number shares, bad shares, and cost pools that go round in circles. */
export const shareCases: CorpusCase[] = [
  {
    name: 'shares summing to 99.99%',
    why: 'Within 0.01% of 100% the shares are used as given (scaled to the whole line), with no error.',
    grids: () => split('60%', '39.99%'),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => {
      // 1,000.00 split 60 : 39.99 to the cent by largest remainder: 600.06 and 399.94.
      expect(fy2018(result, 'Objective', '1.1')).toBe(600.06);
      expect(fy2018(result, 'Objective', '1.2')).toBe(399.94);
      expect(fy2018(result, 'Unmapped') ?? 0).toBe(0);
    },
  },
  {
    name: 'shares summing to 100.01%',
    why: 'Within 0.01% over 100% the shares are scaled down, with no error and nothing counted twice.',
    grids: () => split('60.01%', '40%'),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => {
      expect(fy2018(result, 'Objective', '1.1')).toBe(600.04);
      expect(fy2018(result, 'Objective', '1.2')).toBe(399.96);
    },
  },
  {
    name: 'shares summing to 99.98%',
    why: 'Past the tolerance the shortfall is an error, and the missing 0.02% is Unmapped.',
    grids: () => split('60%', '39.98%'),
    expected: [E('CROSSWALK_SHARES_NOT_100', 'Crosswalk!C2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => {
      expect(fy2018(result, 'Unmapped')).toBe(0.2);
      expect(fy2018(result, 'Objective', '1.1')).toBe(600);
    },
  },
  {
    name: 'shares summing to 100.02%',
    why: 'Past the tolerance over 100% is an error; the shares are scaled down so nothing is counted twice.',
    grids: () => split('60.02%', '40%'),
    expected: [E('CROSSWALK_SHARES_NOT_100', 'Crosswalk!C2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'shares typed as whole numbers',
    why: '60 and 40 mean 60% and 40%; read so, and reported so the sheet gets fixed.',
    grids: () => split(60, 40),
    expected: [E('CROSSWALK_SHARES_AS_WHOLE_NUMBERS', 'Crosswalk!C2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => expect(fy2018(result, 'Objective', '1.1')).toBe(600),
  },
  {
    name: 'negative and unreadable shares',
    why: 'A negative share and "half" are errors at their cells; with no usable row the line is Unmapped.',
    grids: () => split('-10%', 'half'),
    expected: [
      E('SHARE_NEGATIVE', 'Crosswalk!C2'),
      E('SHARE_INVALID', 'Crosswalk!C3'),
      W('BUDGET_LINE_UNMAPPED', 'Budget!A2'),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'crosswalk row naming two targets',
    why: 'An objective and a goal on one row is ambiguous; its share is Unmapped until it is split into two rows.',
    grids: () =>
      minimal({
        Crosswalk: [
          ['Account', 'Objective ID', 'Goal ID', 'Share'],
          ['023-05-0110', '1.1', 'G1', '100%'],
        ],
      }),
    expected: [E('CROSSWALK_MANY_TARGETS', 'Crosswalk!B2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'circular cost pools, reciprocal',
    why: 'Two pools that only serve each other never reach an objective; their cost stays in the pool, said so.',
    grids: () => circularPools('Reciprocal'),
    expected: [E('COST_POOL_CIRCULAR', "'Cost Pools'!A2")],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => expect(fy2018(result, 'Cost Pool')).toBe(500),
  },
  {
    name: 'circular cost pools, step-down',
    why: 'Step-down only passes cost to later pools: the loop back is ignored (a warning) and the last pool keeps the cost.',
    grids: () => circularPools('Step-Down'),
    expected: [W('COST_POOL_DRIVER_IGNORED', 'Drivers!A3'), E('COST_POOL_UNALLOCATED', "'Cost Pools'!A3")],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => expect(fy2018(result, 'Cost Pool')).toBe(500),
  },
  {
    name: 'cost pool by FTE with no FTE in the budget',
    why: 'A pool whose basis is empty cannot be allocated; its money is shown, not spread by guesswork.',
    grids: () =>
      minimal({
        Crosswalk: [
          ['Account', 'Objective ID', 'Cost Pool', 'Share'],
          ['023-05-0110', '1.1', null, '80%'],
          ['023-05-0110', null, 'Human Capital', '20%'],
        ],
        'Cost Pools': [
          ['Cost Pool', 'Method'],
          ['Human Capital', 'FTE'],
        ],
      }),
    expected: [E('COST_POOL_UNALLOCATED', "'Cost Pools'!A2")],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ result }) => expect(fy2018(result, 'Cost Pool')).toBe(200),
  },
];
