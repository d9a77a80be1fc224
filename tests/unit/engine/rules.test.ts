import type { WorkbookGrids } from '../../../models';
import { runEngine } from '../../../server/engine';
import { issuesWith, placesOf, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook, type Row } from '../../helpers/workbook';

/**
 * Every validation rule and reader check: a workbook that trips it (the exact code, at the exact cell) and the
 * corrected workbook that does not. The minimal workbook itself raises no issue at all.
 */

const TWO_OBJECTIVES: Row[] = [
  ['Objective ID', 'Goal ID', 'Objective'],
  ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
  ['1.2', 'G1', 'Provide cost-effective real estate services'],
];
const CROSSWALK_HEADER: Row = ['Account', 'Objective ID', 'Share'];
const budgetWith = (fy2018: Row[number]): Row[] => [
  ['Account', 'Account Title', 'Amount Type', 'FY2018'],
  ['023-05-0110', 'Operating Expenses', 'BA', fy2018],
];
const measuresWith = (unit: string, kind: string | null, direction: string): Row[] => [
  ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
  ['M1', '1.1', 'Leases awarded', unit, kind, direction],
];
const reciprocalPools = (hrDrivers: Row[]) => ({
  Settings: [
    ['Setting', 'Value'],
    ['Allocation', 'Reciprocal'],
  ],
  Budget: [
    ['Account', 'FY2018'],
    ['023-05-0110', 1000],
    ['IT', 300],
    ['HR', 200],
  ],
  Crosswalk: [
    ['Account', 'Objective ID', 'Cost Pool', 'Share'],
    ['023-05-0110', '1.1', null, 1],
    ['IT', null, 'IT', 1],
    ['HR', null, 'HR', 1],
  ],
  'Cost Pools': [
    ['Cost Pool', 'Method'],
    ['IT', 'Driver'],
    ['HR', 'Driver'],
  ],
  Drivers: [
    ['Cost Pool', 'Objective ID', 'Target Pool', 'Driver Value'],
    ['IT', null, 'HR', 1],
    ...hrDrivers,
  ],
});

interface Case {
  code: string;
  given: string;
  bad: WorkbookGrids;
  at: string[];
  good: WorkbookGrids;
}

const CASES: Case[] = [
  {
    code: 'DUPLICATE_ID',
    given: 'a Goal ID used twice (in other capitals)',
    bad: minimalWorkbook({
      Goals: [
        ['Goal ID', 'Goal'],
        ['G1', 'Real Estate'],
        ['g1', 'Acquisition'],
      ],
    }),
    at: ['Goals!A3'],
    good: minimalWorkbook({
      Goals: [
        ['Goal ID', 'Goal'],
        ['G1', 'Real Estate'],
        ['G2', 'Acquisition'],
      ],
    }),
  },
  {
    code: 'DUPLICATE_ID',
    given: 'a Measure ID used twice',
    bad: minimalWorkbook({
      Measures: [
        ...measuresWith('Raw Count', 'Count', 'Increase'),
        ['M1', '1.1', 'Again', 'Raw Count', 'Count', 'Increase'],
      ],
    }),
    at: ['Measures!A3'],
    good: minimalWorkbook(),
  },
  {
    code: 'DUPLICATE_ID',
    given: 'a cost pool listed twice',
    bad: minimalWorkbook({
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Equal'],
        ['it', 'Driver'],
      ],
    }),
    at: ["'Cost Pools'!A3"],
    good: minimalWorkbook({
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Equal'],
        ['HR', 'Driver'],
      ],
    }),
  },
  {
    code: 'UNKNOWN_GOAL',
    given: 'an objective under a goal that is not in Goals',
    bad: minimalWorkbook({
      Objectives: [
        ['Objective ID', 'Goal ID', 'Objective'],
        ['1.1', 'G9', 'Reduce cost'],
      ],
    }),
    at: ['Objectives!A2'],
    good: minimalWorkbook(),
  },
  {
    code: 'UNKNOWN_GOAL',
    given: 'a goal-level Crosswalk row naming a goal that is not in Goals',
    bad: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Goal ID', 'Share'],
        ['023-05-0110', 'G9', 1],
      ],
    }),
    at: ['Crosswalk!A2'],
    good: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Goal ID', 'Share'],
        ['023-05-0110', 'G1', 1],
      ],
    }),
  },
  {
    code: 'UNKNOWN_OBJECTIVE',
    given: 'a measure of an objective that is not in Objectives',
    bad: minimalWorkbook({
      Measures: [
        ['Measure ID', 'Objective ID', 'Measure', 'Kind'],
        ['M1', '9.9', 'Leases', 'Count'],
      ],
    }),
    at: ['Measures!A2'],
    good: minimalWorkbook(),
  },
  {
    code: 'UNKNOWN_OBJECTIVE',
    given: 'a Crosswalk row naming an objective that is not in Objectives',
    bad: minimalWorkbook({ Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '9.9', 1]] }),
    at: ['Crosswalk!A2'],
    good: minimalWorkbook(),
  },
  {
    code: 'UNKNOWN_MEASURE',
    given: 'a Results row for a measure that is not in Measures',
    bad: minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, 100, 125],
        ['M9', 2018, 1, 1],
      ],
    }),
    at: ['Results!A3'],
    good: minimalWorkbook(),
  },
  {
    code: 'UNKNOWN_COST_POOL',
    given: 'a Crosswalk row naming a cost pool that is not in Cost Pools',
    bad: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Cost Pool', 'Share'],
        ['023-05-0110', 'IT', 1],
      ],
    }),
    at: ['Crosswalk!A2'],
    good: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Cost Pool', 'Share'],
        ['023-05-0110', 'IT', 1],
      ],
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Equal'],
      ],
    }),
  },
  {
    code: 'UNKNOWN_COST_POOL',
    given: 'a Drivers row for a cost pool that is not in Cost Pools',
    bad: minimalWorkbook({
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Driver'],
      ],
      Drivers: [
        ['Cost Pool', 'Objective ID', 'Driver Value'],
        ['IT', '1.1', 1],
        ['Facilities', '1.1', 1],
      ],
    }),
    at: ['Drivers!A3'],
    good: minimalWorkbook({
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Driver'],
      ],
      Drivers: [
        ['Cost Pool', 'Objective ID', 'Driver Value'],
        ['IT', '1.1', 1],
      ],
    }),
  },
  {
    code: 'CROSSWALK_SHARES_NOT_100',
    given: 'shares for a line that sum to 60%',
    bad: minimalWorkbook({ Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '60%']] }),
    at: ['Crosswalk!C2'],
    good: minimalWorkbook(),
  },
  {
    code: 'CROSSWALK_SHARES_AS_WHOLE_NUMBERS',
    given: 'shares typed as 40 and 60',
    bad: minimalWorkbook({
      Objectives: TWO_OBJECTIVES,
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', 40], ['023-05-0110', '1.2', 60]],
    }),
    at: ['Crosswalk!C2'],
    good: minimalWorkbook({
      Objectives: TWO_OBJECTIVES,
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', 0.4], ['023-05-0110', '1.2', '60%']],
    }),
  },
  {
    code: 'CROSSWALK_DUPLICATE_TARGET',
    given: 'the same objective twice in one set of shares',
    bad: minimalWorkbook({
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '50%'], ['023-05-0110', '1.1', '50%']],
    }),
    at: ['Crosswalk!A3'],
    good: minimalWorkbook(),
  },
  {
    code: 'BUDGET_LINE_UNMAPPED',
    given: 'a budget line no Crosswalk row matches',
    bad: minimalWorkbook({ Budget: [...budgetWith(1000), ['023-00-322000', 'Receipts', 'BA', 50]] }),
    at: ['Budget!A3'],
    good: minimalWorkbook(),
  },
  {
    code: 'CROSSWALK_RULE_UNUSED',
    given: 'a Crosswalk row for an account the Budget does not have',
    bad: minimalWorkbook({
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', 1], ['023-05-4524', '1.1', 1]],
    }),
    at: ['Crosswalk!A3'],
    good: minimalWorkbook(),
  },
  {
    code: 'COST_POOL_UNALLOCATED',
    given: 'a Driver cost pool with no Drivers rows',
    bad: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Cost Pool', 'Share'],
        ['023-05-0110', 'IT', 1],
      ],
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Driver'],
      ],
    }),
    at: ["'Cost Pools'!A2"],
    good: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Cost Pool', 'Share'],
        ['023-05-0110', 'IT', 1],
      ],
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Driver'],
      ],
      Drivers: [
        ['Cost Pool', 'Objective ID', 'Driver Value'],
        ['IT', '1.1', 10],
      ],
    }),
  },
  {
    code: 'COST_POOL_CIRCULAR',
    given: 'reciprocal pools that only serve each other',
    bad: minimalWorkbook(reciprocalPools([['HR', null, 'IT', 1]])),
    at: ["'Cost Pools'!A2"],
    good: minimalWorkbook(
      reciprocalPools([
        ['HR', null, 'IT', 1],
        ['HR', '1.1', null, 1],
      ]),
    ),
  },
  {
    code: 'COST_POOL_DRIVER_IGNORED',
    given: 'a Drivers row for a pool that allocates by Equal shares',
    bad: minimalWorkbook({
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Equal'],
      ],
      Drivers: [
        ['Cost Pool', 'Objective ID', 'Driver Value'],
        ['IT', '1.1', 1],
      ],
    }),
    at: ['Drivers!A2'],
    good: minimalWorkbook({
      'Cost Pools': [
        ['Cost Pool', 'Method'],
        ['IT', 'Driver'],
      ],
      Drivers: [
        ['Cost Pool', 'Objective ID', 'Driver Value'],
        ['IT', '1.1', 1],
      ],
    }),
  },
  {
    code: 'MEASURE_NO_TARGETS',
    given: 'a measure with actuals but no target',
    bad: minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, null, 125],
      ],
    }),
    at: ['Measures!A2'],
    good: minimalWorkbook(),
  },
  {
    code: 'OBJECTIVE_NO_MEASURES',
    given: 'an objective without a measure',
    bad: minimalWorkbook({ Objectives: TWO_OBJECTIVES }),
    at: ['Objectives!A3'],
    good: minimalWorkbook(),
  },
  {
    code: 'NEGATIVE_NET_COST',
    given: 'an objective whose net budget authority is negative',
    bad: minimalWorkbook({ Budget: budgetWith('(1,000)') }),
    at: ['Objectives!A2'],
    good: minimalWorkbook(),
  },
  {
    code: 'AMOUNT_INVALID',
    given: 'words in an amount cell',
    bad: minimalWorkbook({ Budget: budgetWith('about 1000') }),
    at: ['Budget!D2'],
    good: minimalWorkbook({ Budget: budgetWith('1,000') }),
  },
  {
    code: 'AMOUNT_INVALID',
    given: 'a percent in an amount cell',
    bad: minimalWorkbook({ Budget: budgetWith('12%') }),
    at: ['Budget!D2'],
    good: minimalWorkbook({ Budget: budgetWith('$1,000.00') }),
  },
  {
    code: 'CELL_ERROR_VALUE',
    given: 'an Excel error in an amount cell',
    bad: minimalWorkbook({ Budget: budgetWith({ error: '#REF!' }) }),
    at: ['Budget!D2'],
    good: minimalWorkbook(),
  },
  {
    code: 'AMOUNT_IS_DATE',
    given: 'a date in an amount cell',
    bad: minimalWorkbook({ Budget: budgetWith({ date: '1902-09-26T00:00:00.000Z' }) }),
    at: ['Budget!D2'],
    good: minimalWorkbook(),
  },
  {
    code: 'FORMULA_NOT_CALCULATED',
    given: 'a formula saved without its value',
    bad: minimalWorkbook({ Budget: budgetWith({ formula: 'SUM(E2:G2)' }) }),
    at: ['Budget!D2'],
    good: minimalWorkbook(),
  },
  {
    code: 'VALUE_NOT_ALLOWED',
    given: 'an Amount Type that is not in the contract',
    bad: minimalWorkbook({
      Budget: [...budgetWith(1000), ['023-05-0110', 'Operating Expenses', 'Grants', 5]],
    }),
    at: ['Budget!C3'],
    good: minimalWorkbook({
      Budget: [...budgetWith(1000), ['023-05-0110', 'Operating Expenses', 'Outlays', 5]],
    }),
  },
  {
    code: 'VALUE_NOT_ALLOWED',
    given: 'a Direction that is not in the contract',
    bad: minimalWorkbook({ Measures: measuresWith('Raw Count', 'Count', 'Sideways') }),
    at: ['Measures!F2'],
    good: minimalWorkbook({ Measures: measuresWith('Raw Count', 'Count', 'Higher is better') }),
  },
  {
    code: 'SETTING_INVALID',
    given: 'Units that are not Dollars, Thousands or Millions',
    bad: minimalWorkbook({
      Settings: [
        ['Setting', 'Value'],
        ['Agency', 'GSA'],
        ['Units', 'Bananas'],
      ],
    }),
    at: ['Settings!B3'],
    good: minimalWorkbook({
      Settings: [
        ['Setting', 'Value'],
        ['Agency', 'GSA'],
        ['Units', '$K'],
      ],
    }),
  },
  {
    code: 'SETTING_INVALID',
    given: 'a Base Year that is not a year',
    bad: minimalWorkbook({
      Settings: [
        ['Setting', 'Value'],
        ['Base Year', 'last year'],
      ],
    }),
    at: ['Settings!B2'],
    good: minimalWorkbook({
      Settings: [
        ['Setting', 'Value'],
        ['Base Year', 2018],
      ],
    }),
  },
  {
    code: 'MEASURE_KIND_UNKNOWN',
    given: 'a Unit that says nothing about the kind of measure, and no Kind',
    bad: minimalWorkbook({ Measures: measuresWith('Widgets', null, 'Increase') }),
    at: ['Measures!D2'],
    good: minimalWorkbook({ Measures: measuresWith('Widgets', 'Count', 'Increase') }),
  },
  {
    code: 'SHARE_INVALID',
    given: 'a share typed as a word',
    bad: minimalWorkbook({ Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', 'all']] }),
    at: ['Crosswalk!C2'],
    good: minimalWorkbook(),
  },
  {
    code: 'SHARE_NEGATIVE',
    given: 'a negative share',
    bad: minimalWorkbook({ Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '-10%']] }),
    at: ['Crosswalk!C2'],
    good: minimalWorkbook(),
  },
  {
    code: 'CROSSWALK_NO_TARGET',
    given: 'a Crosswalk row naming no objective, goal or pool',
    bad: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Objective ID', 'Goal ID', 'Share'],
        ['023-05-0110', null, null, 1],
      ],
    }),
    at: ['Crosswalk!B2'],
    good: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Objective ID', 'Goal ID', 'Share'],
        ['023-05-0110', null, 'G1', 1],
      ],
    }),
  },
  {
    code: 'CROSSWALK_MANY_TARGETS',
    given: 'a Crosswalk row naming both an objective and a goal',
    bad: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Objective ID', 'Goal ID', 'Share'],
        ['023-05-0110', '1.1', 'G1', 1],
      ],
    }),
    at: ['Crosswalk!B2'],
    good: minimalWorkbook({
      Crosswalk: [
        ['Account', 'Objective ID', 'Goal ID', 'Share'],
        ['023-05-0110', '1.1', null, 1],
      ],
    }),
  },
  {
    code: 'YEAR_INVALID',
    given: 'a Results row whose Fiscal Year is not a year',
    bad: minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 'soon', 100, 125],
      ],
    }),
    at: ['Results!B2'],
    good: minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 'FY2018', 100, 125],
      ],
    }),
  },
  {
    code: 'NUMBER_INVALID',
    given: 'a target typed as TBD',
    bad: minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, 'TBD', 125],
      ],
    }),
    at: ['Results!C2'],
    good: minimalWorkbook(),
  },
  {
    code: 'DUPLICATE_RESULT',
    given: 'two Results rows for one measure and year',
    bad: minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, 100, 125],
        ['M1', 2018, 90, 80],
      ],
    }),
    at: ['Results!A3'],
    good: minimalWorkbook({
      Results: [
        ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
        ['M1', 2018, 100, 125],
        ['M1', 2017, 90, 80],
      ],
    }),
  },
  {
    code: 'COLUMN_DUPLICATE',
    given: 'two Goals columns that both read as Goal ID',
    bad: minimalWorkbook({
      Goals: [
        ['Goal ID', 'Goal', 'goal_id'],
        ['G1', 'Real Estate', 'G1'],
      ],
    }),
    at: ['Goals!C1'],
    good: minimalWorkbook(),
  },
  {
    code: 'BUDGET_SERIES_DUPLICATE',
    given: 'two Budget columns for the same year and version (FY2018 Request and 2018 request)',
    bad: minimalWorkbook({
      Budget: [
        ['Account', 'FY2018 Request', '2018 request'],
        ['023-05-0110', 1000, 1100],
      ],
    }),
    at: ['Budget!C1'],
    good: minimalWorkbook({
      Budget: [
        ['Account', 'FY2018 Request', 'FY 2018 CR'],
        ['023-05-0110', 1000, 1100],
      ],
    }),
  },
  {
    code: 'TABLE_EMPTY',
    given: 'a Budget with a header and no rows',
    bad: minimalWorkbook({ Budget: [['Account', 'FY2018']] }),
    at: ['Budget!A1'],
    good: minimalWorkbook(),
  },
  {
    code: 'COST_BASIS_MISSING',
    given: 'a Cost Basis of Obligations when the Budget has only budget authority',
    bad: minimalWorkbook({
      Settings: [
        ['Setting', 'Value'],
        ['Cost Basis', 'Obligations'],
      ],
    }),
    at: ['Settings'],
    good: minimalWorkbook({
      Settings: [
        ['Setting', 'Value'],
        ['Cost Basis', 'Budget Authority'],
      ],
    }),
  },
];

describe('validation rules and reader checks', () => {
  test('Given the minimal workbook, when checked, then it raises no issue at all', () => {
    const result = runEngine(minimalWorkbook());
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test.each(CASES)('Given $given, when checked, then $code is reported at $at', ({ code, bad, at }) => {
    const issues = runEngine(bad).issues;
    expect(placesOf(issues, code)).toEqual(at);
    for (const issue of issuesWith(issues, code)) expect(issue.message.length).toBeGreaterThan(20);
  });

  test.each(CASES)('Given $given corrected, when checked, then $code is not reported', ({ code, good }) => {
    expect(placesOf(runEngine(good).issues, code)).toEqual([]);
  });

  test('Given a duplicate ID, when reported, then the message points to the first row, as Excel writes the address', () => {
    const goals = runEngine(
      minimalWorkbook({
        Goals: [
          ['Goal ID', 'Goal'],
          ['G1', 'Real Estate'],
          ['G1', 'Again'],
        ],
      }),
    );
    expect(issuesWith(goals.issues, 'DUPLICATE_ID')[0]?.message).toContain('(first at Goals!A2)');
    const pools = runEngine(
      minimalWorkbook({
        'Cost Pools': [
          ['Cost Pool', 'Method'],
          ['IT', 'Equal'],
          ['it', 'Driver'],
        ],
      }),
    );
    expect(issuesWith(pools.issues, 'DUPLICATE_ID')[0]?.message).toContain("(first at 'Cost Pools'!A2)");
  });

  test('Given an error, when the engine runs, then the result is not ok; given only warnings, then it is', () => {
    expect(runEngine(minimalWorkbook({ Budget: budgetWith('about 1000') })).ok).toBe(false);
    expect(runEngine(minimalWorkbook({ Objectives: TWO_OBJECTIVES })).ok).toBe(true);
  });
});

describe('what the rules do with the money', () => {
  const detail = (grids: WorkbookGrids) =>
    rowsOf(runEngine(grids), 'CrosswalkDetail').map((r) => [r['Mapped To'], r.Share, r.FY2018]);

  test('Given shares that sum to 60%, when crosswalked, then the other 40% is Unmapped and the message says so', () => {
    const grids = minimalWorkbook({ Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '60%']] });
    expect(detail(grids)).toEqual([
      ['Objective 1.1', 0.6, 600],
      ['Unmapped', 0.4, 400],
    ]);
    const [issue] = issuesWith(runEngine(grids).issues, 'CROSSWALK_SHARES_NOT_100');
    expect(issue?.message).toBe(
      'The shares for account 023-05-0110 sum to 60%, not 100%. The remaining 40% is counted as Unmapped.',
    );
    const unmapped = rowsOf(runEngine(grids), 'ResourcesByGoal').find((r) => r.Level === 'Unmapped');
    expect(unmapped?.FY2018).toBe(400);
  });

  test.each([['99.99%'], ['100.01%'], [0.9999]])(
    'Given shares that sum to %p (within 0.01%), when checked, then they are accepted and the whole line is mapped',
    (share) => {
      const grids = minimalWorkbook({ Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', share]] });
      expect(placesOf(runEngine(grids).issues, 'CROSSWALK_SHARES_NOT_100')).toEqual([]);
      expect(detail(grids).map(([to, , amount]) => [to, amount])).toEqual([['Objective 1.1', 1000]]);
    },
  );

  test('Given shares that sum to 99.98%, when checked, then it is outside the tolerance', () => {
    const grids = minimalWorkbook({ Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '99.98%']] });
    expect(placesOf(runEngine(grids).issues, 'CROSSWALK_SHARES_NOT_100')).toEqual(['Crosswalk!C2']);
  });

  test('Given shares that sum to 120%, when crosswalked, then they are scaled down so nothing is counted twice', () => {
    const grids = minimalWorkbook({
      Objectives: TWO_OBJECTIVES,
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '90%'], ['023-05-0110', '1.2', '30%']],
    });
    expect(detail(grids).map(([to, , amount]) => [to, amount])).toEqual([
      ['Objective 1.1', 750],
      ['Objective 1.2', 250],
    ]);
    expect(issuesWith(runEngine(grids).issues, 'CROSSWALK_SHARES_NOT_100')[0]?.message).toContain(
      'sum to 120%',
    );
  });

  test('Given shares typed as 40 and 60, when crosswalked, then they are read as 40% and 60%', () => {
    const grids = minimalWorkbook({
      Objectives: TWO_OBJECTIVES,
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', 40], ['023-05-0110', '1.2', 60]],
    });
    expect(detail(grids)).toEqual([
      ['Objective 1.1', 0.4, 400],
      ['Objective 1.2', 0.6, 600],
    ]);
  });

  test('Given the same objective twice in a set, when crosswalked, then the shares are added together', () => {
    const grids = minimalWorkbook({
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '50%'], ['023-05-0110', '1.1', '50%']],
    });
    expect(detail(grids)).toEqual([['Objective 1.1', 1, 1000]]);
  });

  test('Given a Crosswalk row naming an unknown objective, when crosswalked, then its share is Unmapped, not lost', () => {
    const grids = minimalWorkbook({
      Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', '75%'], ['023-05-0110', '9.9', '25%']],
    });
    expect(detail(grids).map(([to, , amount]) => [to, amount])).toEqual([
      ['Objective 1.1', 750],
      ['Unmapped', 250],
    ]);
  });

  test('Given a Driver pool with no drivers, when allocated, then its money stays visible as a Cost Pool row and the total ties out', () => {
    const result = runEngine(
      minimalWorkbook({
        Budget: [...budgetWith(1000), ['023-05-4543', 'Working Capital Fund', 'BA', 250]],
        Crosswalk: [
          ['Account', 'Objective ID', 'Cost Pool', 'Share'],
          ['023-05-0110', '1.1', null, 1],
          ['023-05-4543', null, 'WCF', 1],
        ],
        'Cost Pools': [
          ['Cost Pool', 'Method'],
          ['WCF', 'Driver'],
        ],
      }),
    );
    const rows = rowsOf(result, 'ResourcesByGoal').map((r) => [r.Level, r.Name, r.FY2018]);
    expect(rows).toContainEqual(['Cost Pool', 'WCF (support costs not allocated)', 250]);
    expect(rows).toContainEqual(['Objective', 'Reduce the cost of Federal inventory', 1000]);
    expect(rows).toContainEqual(['Total', 'Total Budget Authority', 1250]);
    expect(issuesWith(result.issues, 'COST_POOL_UNALLOCATED')[0]?.message).toContain(
      'no usable Drivers rows',
    );
  });

  test('Given an objective under an unknown goal, when resources are summed, then its money is still listed and the total ties out', () => {
    const result = runEngine(
      minimalWorkbook({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G9', 'Reduce cost'],
        ],
      }),
    );
    const rows = rowsOf(result, 'ResourcesByGoal').map((r) => [
      r.Level,
      r['Goal ID'],
      r['Objective ID'],
      r.FY2018,
    ]);
    expect(rows).toEqual([
      ['Goal', 'G1', '', 0],
      ['Objective', 'G9', '1.1', 1000],
      ['Total', '', '', 1000],
    ]);
  });

  test('Given a budget line no row matches, when crosswalked, then it is its own Unmapped row with its amount', () => {
    const result = runEngine(
      minimalWorkbook({ Budget: [...budgetWith(1000), ['023-00-322000', 'Receipts', 'BA', 50]] }),
    );
    expect(
      rowsOf(result, 'CrosswalkDetail').map((r) => [r.Account, r['Mapped To'], r.FY2018, r.Rule]),
    ).toEqual([
      ['023-05-0110', 'Objective 1.1', 1000, 'Crosswalk!A2'],
      ['023-00-322000', 'Unmapped', 50, ''],
    ]);
    expect(rowsOf(result, 'ResourcesByGoal').find((r) => r.Level === 'Unmapped')?.FY2018).toBe(50);
    expect(result.summary.unmappedLines).toBe(1);
  });

  test('Given negative net cost, when cost per outcome is computed, then no cost per unit is shown and the note says why', () => {
    const result = runEngine(minimalWorkbook({ Budget: budgetWith('(1,000)') }));
    const [row] = rowsOf(result, 'CostPerOutcome');
    expect(row?.['Full Cost']).toBe(-1000);
    expect(row?.['Cost per Unit']).toBeNull();
    expect(row?.Note).toContain('Net cost is negative');
  });
});

describe('one bad row never stops the rest', () => {
  test('Given one line with a bad amount among good lines, when the engine runs, then the others are computed and totals still produced', () => {
    const result = runEngine(
      minimalWorkbook({
        Objectives: TWO_OBJECTIVES,
        Budget: [
          ['Account', 'FY2017', 'FY2018'],
          ['A', 100, 1000],
          ['B', 200, '12,34'],
          ['C', 300, 3000],
        ],
        Crosswalk: [CROSSWALK_HEADER, ['A', '1.1', 1], ['B', '1.1', 1], ['C', '1.2', 1]],
      }),
    );
    expect(placesOf(result.issues, 'AMOUNT_INVALID')).toEqual(['Budget!C3']);
    const rbg = rowsOf(result, 'ResourcesByGoal');
    const byObjective = Object.fromEntries(
      rbg.filter((r) => r.Level === 'Objective').map((r) => [r['Objective ID'], [r.FY2017, r.FY2018]]),
    );
    expect(byObjective).toEqual({ '1.1': [300, 1000], '1.2': [300, 3000] });
    expect(rbg.find((r) => r.Level === 'Total')).toMatchObject({ FY2017: 600, FY2018: 4000 });
    expect(rowsOf(result, 'CostPerOutcome')).toHaveLength(1);
    expect(result.summary.budgetTotals).toEqual([
      { amountType: 'Budget Authority', series: 'FY2017', year: 2017, amount: 600 },
      { amountType: 'Budget Authority', series: 'FY2018', year: 2018, amount: 4000 },
    ]);
  });

  test('Given bad rows in every table, when the engine runs, then every good row is still read', () => {
    const result = runEngine(
      minimalWorkbook({
        Goals: [
          ['Goal ID', 'Goal'],
          [null, 'No ID'],
          ['G1', 'Real Estate'],
        ],
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'Reduce cost'],
          ['1.1', 'G1', 'Duplicate'],
        ],
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['M1', 'later', 1, 1],
          ['M1', 2018, 100, 125],
        ],
        Crosswalk: [CROSSWALK_HEADER, ['023-05-0110', '1.1', 'lots'], ['023-05-0110', '1.1', 1]],
      }),
    );
    expect(result.issues.map((i) => i.code).sort()).toEqual([
      'DUPLICATE_ID',
      'SHARE_INVALID',
      'VALUE_REQUIRED',
      'YEAR_INVALID',
    ]);
    expect(rowsOf(result, 'CostPerOutcome')[0]).toMatchObject({
      'Full Cost': 1000,
      Status: 'Met',
      'Cost per Unit': 8,
    });
  });
});
