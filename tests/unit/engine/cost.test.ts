import type { Direction, Result } from '../../../models';
import { OUTPUT_TABLES, OutputRows } from '../../../models';
import { runEngine } from '../../../server/engine';
import { DEFAULT_MAINTAIN_TOLERANCE, judgeStatus } from '../../../server/engine/status';
import { outputTable, placesOf, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook, type Row } from '../../helpers/workbook';

const MEASURE_HEADER: Row = ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'];
const RESULT_HEADER: Row = ['Measure ID', 'Fiscal Year', 'Target', 'Actual', 'Min Target', 'Max Target'];

/** Cost per outcome rows of a workbook with the given units, budget and measures. */
function costRows(opts: {
  units?: string;
  budget?: Row[];
  measures: Row[];
  results: Row[];
  settings?: Row[];
}) {
  const result = runEngine(
    minimalWorkbook({
      Settings: [['Setting', 'Value'], ['Units', opts.units ?? 'Dollars'], ...(opts.settings ?? [])],
      ...(opts.budget ? { Budget: opts.budget } : {}),
      Measures: [MEASURE_HEADER, ...opts.measures],
      Results: [RESULT_HEADER, ...opts.results],
    }),
  );
  return rowsOf(result, 'CostPerOutcome');
}

describe('cost per outcome by Kind', () => {
  test('Given a Count measure in Units Thousands, when costed, then cost per unit is in dollars (1,000 thousand / 125 = $8,000)', () => {
    const [row] = costRows({
      units: 'Thousands',
      measures: [['M1', '1.1', 'Leases awarded', 'Raw Count', null, 'Increase']],
      results: [['M1', 2018, 100, 125]],
    });
    expect(row).toMatchObject({
      Kind: 'Count',
      'Direct Cost': 1000,
      'Support Cost': 0,
      'Full Cost': 1000,
      Output: 125,
      'Cost per Unit': 8000,
      'Return Ratio': null,
      Status: 'Met',
    });
    expect(row?.Note).toBe('Kind Count inferred from Unit "Raw Count".');
  });

  test('Given Units Thousands carrying a decimal, when costed, then cost per unit still converts to dollars (1,234.5 thousand / 100)', () => {
    const [row] = costRows({
      units: 'Thousands',
      budget: [
        ['Account', 'FY2018'],
        ['023-05-0110', 1234.5],
      ],
      measures: [['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase']],
      results: [['M1', 2018, 100, 100]],
    });
    expect(row).toMatchObject({ 'Full Cost': 1234.5, 'Cost per Unit': 12345 });
  });

  test('Given a Count measure in Dollars, when costed, then cost per unit is rounded to the cent', () => {
    const [row] = costRows({
      measures: [['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase']],
      results: [['M1', 2018, 100, 3]],
    });
    expect(row?.['Cost per Unit']).toBe(333.33);
  });

  test('Given a Cumulative measure, when costed, then cost per unit is cost over the year-over-year increase', () => {
    const rows = costRows({
      budget: [
        ['Account', 'FY2017', 'FY2018'],
        ['023-05-0110', 900, 1200],
      ],
      measures: [
        ['M1', '1.1', 'FedRAMP authorized systems (cumulative)', 'Cumulative Total', null, 'Increase'],
      ],
      results: [
        ['M1', 2017, 90, 100],
        ['M1', 2018, 150, 160],
      ],
    });
    expect(rows.map((r) => [r['Fiscal Year'], r.Output, r['Cost per Unit']])).toEqual([
      [2017, null, null],
      [2018, 60, 20],
    ]);
    expect(rows[0]?.Note).toContain('No FY2016 actual');
  });

  test('Given a Cumulative measure that did not grow, when costed, then there is no cost per unit and the note says why', () => {
    const rows = costRows({
      measures: [['M1', '1.1', 'Agencies using M3', 'Cumulative Total', 'Cumulative', 'Increase']],
      results: [
        ['M1', 2017, 10, 12],
        ['M1', 2018, 12, 12],
      ],
    });
    expect(rows[1]).toMatchObject({ Output: 0, 'Cost per Unit': null });
    expect(rows[1]?.Note).toContain('No increase over the prior year');
  });

  test('Given a Currency measure in Billions and a budget in Thousands, when costed, then the return ratio compares dollars with dollars', () => {
    const [row] = costRows({
      units: 'Thousands',
      budget: [
        ['Account', 'FY2018'],
        ['023-05-0110', '1,000,000'],
      ],
      measures: [['M1', '1.1', 'Acquisition program savings (billions of $)', 'Billions', null, 'Increase']],
      results: [['M1', 2018, 6.8, 7.1]],
    });
    // 7.1 billion of savings on $1 billion of full cost.
    expect(row).toMatchObject({
      Kind: 'Currency',
      Output: 7.1e9,
      'Return Ratio': 7.1,
      'Cost per Unit': null,
      Status: 'Met',
    });
  });

  test.each([
    ['Rate', 'Percentage'],
    ['Index', '7 point scale'],
  ])('Given a %s measure, when costed, then there is no cost per unit and a note says why', (kind, unit) => {
    const [row] = costRows({
      measures: [['M1', '1.1', 'A measure', unit, null, 'Increase']],
      results: [['M1', 2018, 0.5, 0.6]],
    });
    expect(row).toMatchObject({
      Kind: kind,
      Output: null,
      'Cost per Unit': null,
      'Return Ratio': null,
      'Full Cost': 1000,
    });
    expect(row?.Note).toContain('not units of output, so there is no cost per unit');
  });

  test('Given a measure whose Kind cannot be inferred, when costed, then there is no cost per unit and the note asks for a Kind', () => {
    const [row] = costRows({
      measures: [['M1', '1.1', 'Widgets', 'Widgets', null, 'Increase']],
      results: [['M1', 2018, 1, 2]],
    });
    expect(row).toMatchObject({ Kind: '', 'Cost per Unit': null });
    expect(row?.Note).toContain('set Kind');
  });

  test('Given two measures of one objective, when costed, then each shows the objective full cost and the note says it is shared', () => {
    const rows = costRows({
      measures: [
        ['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase'],
        ['M2', '1.1', 'Vacant space', 'Percentage', 'Rate', 'Decrease'],
      ],
      results: [
        ['M1', 2018, 100, 125],
        ['M2', 2018, 0.03, 0.033],
      ],
    });
    expect(rows.map((r) => [r['Measure ID'], r['Full Cost'], r.Status])).toEqual([
      ['M1', 1000, 'Met'],
      ['M2', 1000, 'Not Met'],
    ]);
    expect(rows[0]?.Note).toContain('shared by its 2 measures');
  });

  test('Given support costs, when costed, then Full Cost is Direct Cost plus Support Cost', () => {
    const result = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'FY2018'],
          ['023-05-0110', 1000],
          ['WCF', 250],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Cost Pool', 'Share'],
          ['023-05-0110', '1.1', null, 1],
          ['WCF', null, 'WCF', 1],
        ],
        'Cost Pools': [
          ['Cost Pool', 'Method'],
          ['WCF', 'Equal'],
        ],
      }),
    );
    expect(rowsOf(result, 'CostPerOutcome')[0]).toMatchObject({
      'Direct Cost': 1000,
      'Support Cost': 250,
      'Full Cost': 1250,
      'Cost per Unit': 10,
    });
  });

  test('Given Obligations and Budget Authority, when no Cost Basis is set, then cost uses Obligations', () => {
    const [row] = costRows({
      budget: [
        ['Account', 'Amount Type', 'FY2018'],
        ['023-05-0110', 'BA', 1000],
        ['023-05-0110', 'Obligations', 500],
      ],
      measures: [['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase']],
      results: [['M1', 2018, 100, 125]],
    });
    expect(row).toMatchObject({ 'Full Cost': 500, 'Cost per Unit': 4 });
  });

  test('Given a Cost Basis setting of Budget Authority, when Obligations are also present, then cost uses Budget Authority', () => {
    const [row] = costRows({
      settings: [['Cost Basis', 'Budget Authority']],
      budget: [
        ['Account', 'Amount Type', 'FY2018'],
        ['023-05-0110', 'BA', 1000],
        ['023-05-0110', 'Obligations', 500],
      ],
      measures: [['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase']],
      results: [['M1', 2018, 100, 125]],
    });
    expect(row?.['Full Cost']).toBe(1000);
  });

  test('Given a result for a year with no budget, when costed, then cost is blank and the note says so', () => {
    const [row] = costRows({
      measures: [['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase']],
      results: [['M1', 2020, 100, null]],
    });
    // No actual anywhere in the workbook: FY2020's results are not yet due.
    expect(row).toMatchObject({ 'Full Cost': null, 'Cost per Unit': null, Status: 'Pending' });
    expect(row?.Note).toContain('No FY2020 Budget Authority amounts');
  });
});

describe('status in the CostPerOutcome table', () => {
  const status = (direction: string | null, result: Row) =>
    costRows({
      measures: [['M1', '1.1', 'A measure', 'Raw Count', 'Count', direction]],
      results: [['M1', 2018, ...result]],
    })[0]?.Status;

  test.each<[string | null, Row, string]>([
    ['Increase', [100, 125], 'Met'],
    ['Increase', [100, 99], 'Not Met'],
    ['Decrease', [0.03, 0.033], 'Not Met'],
    ['Decrease', [0.03, 0.029], 'Met'],
    ['With in Range', [null, 0.95, 0.9, 1], 'Met'],
    ['Within Range', [null, 1.05, 0.9, 1], 'Not Met'],
    ['Maintain', [100, 100.9], 'Met'],
    ['Maintain', [100, 98.9], 'Not Met'],
    ['Increase', [null, 125], 'No Target'],
    // The workbook's only result has no actual, so no year's results are in yet.
    ['Increase', [100, null], 'Pending'],
    [null, [100, 125], 'Not Judged'],
  ])(
    'Given Direction %p and target/actual/min/max %p, when judged, then the status is %p',
    (direction, result, expected) => {
      expect(status(direction, result)).toBe(expected);
    },
  );
});

describe('judgeStatus', () => {
  const r = (
    target: number | null,
    minTarget: number | null = null,
    maxTarget: number | null = null,
  ): Pick<Result, 'target' | 'minTarget' | 'maxTarget'> => ({ target, minTarget, maxTarget });
  const judge = (direction: Direction | null, result: ReturnType<typeof r>, actual: number | null) =>
    judgeStatus(direction, result, actual, DEFAULT_MAINTAIN_TOLERANCE);

  test('Given Increase, when the actual reaches the target, then it is Met; when below, Not Met', () => {
    expect(judge('Increase', r(100), 100)).toBe('Met');
    expect(judge('Increase', r(100), 101)).toBe('Met');
    expect(judge('Increase', r(100), 99.99)).toBe('Not Met');
  });

  test('Given Decrease, when the actual is at or under the target, then it is Met; when over, Not Met', () => {
    expect(judge('Decrease', r(0.03), 0.03)).toBe('Met');
    expect(judge('Decrease', r(0.03), 0.029)).toBe('Met');
    expect(judge('Decrease', r(0.03), 0.033)).toBe('Not Met');
  });

  test('Given values computed in floating point, when compared, then 0.1 + 0.2 meets a target of 0.3 either way', () => {
    expect(judge('Increase', r(0.3), 0.1 + 0.2)).toBe('Met');
    expect(judge('Decrease', r(0.1 + 0.2), 0.3)).toBe('Met');
  });

  test('Given Within Range with Min and Max, when the actual is inside or on a bound, then it is Met; outside, Not Met', () => {
    expect(judge('Within Range', r(null, 0.9, 1), 0.95)).toBe('Met');
    expect(judge('Within Range', r(null, 0.9, 1), 0.9)).toBe('Met');
    expect(judge('Within Range', r(null, 0.9, 1), 1)).toBe('Met');
    expect(judge('Within Range', r(null, 0.9, 1), 0.89)).toBe('Not Met');
    expect(judge('Within Range', r(null, 0.9, 1), 1.01)).toBe('Not Met');
  });

  test('Given Within Range with only a Min or only a Max, when judged, then the open side is unbounded', () => {
    expect(judge('Within Range', r(null, 0.9, null), 5)).toBe('Met');
    expect(judge('Within Range', r(null, 0.9, null), 0.8)).toBe('Not Met');
    expect(judge('Within Range', r(null, null, 1), -5)).toBe('Met');
    expect(judge('Within Range', r(null, null, 1), 1.5)).toBe('Not Met');
  });

  test('Given Within Range with a range and also a target, when judged, then the range decides', () => {
    expect(judge('Within Range', r(0.95, 0.9, 1), 0.91)).toBe('Met');
  });

  test('Given Within Range with a Target alone, when judged, then the actual must equal the target', () => {
    expect(judge('Within Range', r(0.95), 0.95)).toBe('Met');
    expect(judge('Within Range', r(0.95), 0.96)).toBe('Not Met');
  });

  test('Given Within Range with a range and no actual, when judged, then it is No Actual', () => {
    expect(judge('Within Range', r(null, 0.9, 1), null)).toBe('No Actual');
  });

  test('Given Maintain, when the actual is within 1% of the target, then it is Met; beyond 1%, Not Met', () => {
    expect(judge('Maintain', r(200), 202)).toBe('Met');
    expect(judge('Maintain', r(200), 198)).toBe('Met');
    expect(judge('Maintain', r(200), 202.01)).toBe('Not Met');
    expect(judge('Maintain', r(-200), -198)).toBe('Met');
    expect(judge('Maintain', r(0), 0)).toBe('Met');
    expect(judge('Maintain', r(0), 0.001)).toBe('Not Met');
  });

  test('Given no target, when judged, then it is No Target whatever the actual', () => {
    expect(judge('Increase', r(null), 5)).toBe('No Target');
    expect(judge('Maintain', r(null), null)).toBe('No Target');
    expect(judge('Within Range', r(null), 5)).toBe('No Target');
  });

  test('Given a target and no actual, when judged, then it is No Actual', () => {
    expect(judge('Decrease', r(5), null)).toBe('No Actual');
  });

  test('Given no Direction, when judged, then it is Not Judged even with a target and an actual', () => {
    expect(judge(null, r(5), 10)).toBe('Not Judged');
    expect(judge(null, r(null), null)).toBe('Not Judged');
  });
});

/** CostPerOutcome rows and issues of a workbook whose Measures table has these columns. */
function withMeasures(header: Row, measures: Row[], results: Row[], tables: Record<string, Row[]> = {}) {
  const result = runEngine(
    minimalWorkbook({
      Measures: [header, ...measures],
      Results: [RESULT_HEADER, ...results],
      ...tables,
    }),
  );
  return { result, rows: rowsOf(result, 'CostPerOutcome') };
}

const SHARE_HEADER: Row = ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction', 'Cost Share'];
/** $1,000.00 of direct cost to objective 1.1 and a $250.00 support pool that all goes to it. */
const WITH_SUPPORT = {
  Budget: [
    ['Account', 'FY2018'],
    ['023-05-0110', 1000],
    ['WCF', 250],
  ],
  Crosswalk: [
    ['Account', 'Objective ID', 'Cost Pool', 'Share'],
    ['023-05-0110', '1.1', null, 1],
    ['WCF', null, 'WCF', 1],
  ],
  'Cost Pools': [
    ['Cost Pool', 'Method'],
    ['WCF', 'Equal'],
  ],
};

describe('cost shares', () => {
  test('Given Cost Shares 40% and 0.6, when costed, then each measure carries its share of direct and support cost, and per-unit cost divides only that', () => {
    const { result, rows } = withMeasures(
      SHARE_HEADER,
      [
        ['M1', '1.1', 'Leases awarded', 'Count', 'Increase', '40%'],
        ['M2', '1.1', 'Leases renewed', 'Count', 'Increase', 0.6],
      ],
      [
        ['M1', 2018, 40, 50],
        ['M2', 2018, 20, 25],
      ],
      WITH_SUPPORT,
    );
    // M1: 40% of 1,000 = 400 direct, 40% of 250 = 100 support, 500 / 50 = $10; M2: 600 + 150 = 750 / 25 = $30.
    expect(
      rows.map((r) => [
        r['Measure ID'],
        r['Direct Cost'],
        r['Support Cost'],
        r['Full Cost'],
        r['Cost Share'],
        r['Cost per Unit'],
      ]),
    ).toEqual([
      ['M1', 400, 100, 500, 0.4, 10],
      ['M2', 600, 150, 750, 0.6, 30],
    ]);
    expect(rows[0]?.Note).toContain("Cost Share 40% of objective 1.1's cost.");
    expect(result.issues.filter((i) => i.code.startsWith('COST_SHARE'))).toEqual([]);
  });

  test('Given shares that do not divide the cost evenly, when costed, then the parts are exact to the cent and add back (100.01 at 50/50 is 50.01 + 50.00)', () => {
    const { rows } = withMeasures(
      SHARE_HEADER,
      [
        ['M1', '1.1', 'Leases awarded', 'Count', 'Increase', '50%'],
        ['M2', '1.1', 'Leases renewed', 'Count', 'Increase', '50%'],
      ],
      [
        ['M1', 2018, 1, 1],
        ['M2', 2018, 1, 1],
      ],
      {
        Budget: [
          ['Account', 'FY2018'],
          ['023-05-0110', 100.01],
        ],
      },
    );
    expect(rows.map((r) => r['Full Cost'])).toEqual([50.01, 50]);
  });

  test('Given shares that sum to less than 100%, when costed, then the rest of the cost is left to no measure', () => {
    const { rows } = withMeasures(
      SHARE_HEADER,
      [['M1', '1.1', 'Leases awarded', 'Count', 'Increase', '25%']],
      [['M1', 2018, 10, 10]],
    );
    expect(rows[0]).toMatchObject({ 'Full Cost': 250, 'Cost Share': 0.25, 'Cost per Unit': 25 });
  });

  test('Given shares that sum past 100%, when checked, then COST_SHARES_OVER_100 is raised at the share that passes 100% and each measure is costed at the whole objective', () => {
    const { result, rows } = withMeasures(
      SHARE_HEADER,
      [
        ['M1', '1.1', 'Leases awarded', 'Count', 'Increase', '60%'],
        ['M2', '1.1', 'Leases renewed', 'Count', 'Increase', '30%'],
        ['M3', '1.1', 'Leases ended', 'Count', 'Increase', '20%'],
      ],
      [['M1', 2018, 10, 10]],
    );
    expect(placesOf(result.issues, 'COST_SHARES_OVER_100')).toEqual(['Measures!F4']);
    expect(result.issues.find((i) => i.code === 'COST_SHARES_OVER_100')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('sum to 110% (M1 60%, M2 30%, M3 20%)'),
    });
    expect(rows[0]).toMatchObject({ 'Full Cost': 1000, 'Cost Share': null, 'Cost per Unit': 100 });
    expect(rows[0]?.Note).toContain('sum to more than 100%');
  });

  test.each(['40', 'most', '-10%', '150%'])(
    'Given Cost Share %p, when read, then COST_SHARE_INVALID is raised at its cell and the measure has no share',
    (share) => {
      const { result, rows } = withMeasures(
        SHARE_HEADER,
        [['M1', '1.1', 'Leases awarded', 'Count', 'Increase', share]],
        [['M1', 2018, 10, 10]],
      );
      expect(placesOf(result.issues, 'COST_SHARE_INVALID')).toEqual(['Measures!F2']);
      expect(rows[0]).toMatchObject({ 'Full Cost': 1000, 'Cost Share': null });
    },
  );

  test('Given some measures of an objective with a share and one without, when checked, then COST_SHARES_PARTIAL names the one without and it carries the whole cost', () => {
    const { result, rows } = withMeasures(
      SHARE_HEADER,
      [
        ['M1', '1.1', 'Leases awarded', 'Count', 'Increase', '40%'],
        ['M2', '1.1', 'Leases renewed', 'Count', 'Increase', null],
      ],
      [
        ['M1', 2018, 10, 10],
        ['M2', 2018, 10, 10],
      ],
    );
    expect(placesOf(result.issues, 'COST_SHARES_PARTIAL')).toEqual(['Measures!A3']);
    expect(result.issues.find((i) => i.code === 'COST_SHARES_PARTIAL')?.message).toContain('M2 does not');
    expect(rows.map((r) => r['Full Cost'])).toEqual([400, 1000]);
  });

  test('Given two measures without Cost Shares, when costed, then each carries the whole objective and the Note says so', () => {
    const { rows } = withMeasures(
      SHARE_HEADER,
      [
        ['M1', '1.1', 'Leases awarded', 'Count', 'Increase', null],
        ['M2', '1.1', 'Leases renewed', 'Count', 'Increase', null],
      ],
      [
        ['M1', 2018, 10, 10],
        ['M2', 2018, 10, 10],
      ],
    );
    expect(rows.map((r) => r['Full Cost'])).toEqual([1000, 1000]);
    expect(rows[0]?.Note).toContain(
      'Without Cost Shares this is the whole cost of objective 1.1, shared by its 2 measures',
    );
  });
});

describe('the CostPerOutcome contract', () => {
  test('Given cost shares, statuses and explanations, then every row matches the CostPerOutcome row schema in models/', () => {
    const { result } = withMeasures(
      [...SHARE_HEADER, 'Priority Goal'],
      [
        ['M1', '1.1', 'Leases awarded', 'Count', 'Increase', '40%', 'Yes'],
        ['M2', '1.1', 'Leases renewed', 'Count', 'Maintain', '60%', null],
      ],
      [
        ['M1', 2017, 40, 30],
        ['M1', 2018, 40, 35],
        ['M2', 2019, 20, null],
      ],
      WITH_SUPPORT,
    );
    const table = outputTable(result, 'CostPerOutcome');
    expect(table.columns.map((c) => c.name)).toEqual(OUTPUT_TABLES.CostPerOutcome.map((c) => c.name));
    for (const record of rowsOf(result, 'CostPerOutcome'))
      expect(OutputRows.CostPerOutcome.safeParse(record).error).toBeUndefined();
    expect(rowsOf(result, 'CostPerOutcome').map((r) => r.Status)).toEqual(['Not Met', 'Improved', 'Pending']);
  });
});

describe('where a cost per unit means nothing', () => {
  test('Given an objective funded only by support costs, when costed, then it has no cost per unit and the Note says why', () => {
    const { rows } = withMeasures(
      MEASURE_HEADER,
      [['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase']],
      [['M1', 2018, 10, 10]],
      {
        Budget: [
          ['Account', 'FY2018'],
          ['WCF', 250],
        ],
        Crosswalk: [
          ['Account', 'Cost Pool', 'Share'],
          ['WCF', 'WCF', 1],
        ],
        'Cost Pools': [
          ['Cost Pool', 'Method'],
          ['WCF', 'Equal'],
        ],
      },
    );
    expect(rows[0]).toMatchObject({
      'Direct Cost': 0,
      'Support Cost': 250,
      Output: 10,
      'Cost per Unit': null,
    });
    expect(rows[0]?.Note).toContain('has only support costs in FY2018 (no direct cost)');
  });

  test.each<[string, number | null, string | null]>([
    ['Outcome', 7.1, null],
    ['Efficiency', 7.1, null],
    ['Output', null, 'volume of business'],
    ['Customer Service', null, 'Only an Outcome or Efficiency measure'],
  ])(
    'Given a Currency measure of Type %s, when costed, then the value-per-dollar ratio is %p',
    (type, ratio, note) => {
      const { rows } = withMeasures(
        ['Measure ID', 'Objective ID', 'Measure', 'Type', 'Unit', 'Direction'],
        [['M1', '1.1', 'Acquisition dollars', type, 'Billions', 'Increase']],
        [['M1', 2018, 6.8, 7.1]],
        {
          Settings: [
            ['Setting', 'Value'],
            ['Units', 'Thousands'],
          ],
          Budget: [
            ['Account', 'FY2018'],
            ['023-05-0110', '1,000,000'],
          ],
        },
      );
      expect(rows[0]).toMatchObject({
        Kind: 'Currency',
        Output: 7.1e9,
        'Return Ratio': ratio,
        'Cost per Unit': null,
      });
      if (note) expect(rows[0]?.Note).toContain(note);
    },
  );

  test('Given "(cumulative)" in the name of a measure whose Unit is a count, when costed, then it is Cumulative, said to be inferred from its name, and costed per increase', () => {
    const { rows } = withMeasures(
      MEASURE_HEADER,
      [['M1', '1.1', 'FedRAMP authorized systems (cumulative)', 'Raw Count', null, 'Increase']],
      [
        ['M1', 2017, 80, 88],
        ['M1', 2018, 110, 121],
      ],
    );
    // 1,000 / (121 - 88) = 30.30.
    expect(rows[1]).toMatchObject({ Kind: 'Cumulative', Output: 33, 'Cost per Unit': 30.3 });
    expect(rows[1]?.Note).toContain("Kind Cumulative inferred from the measure's name.");
  });

  test('Given a cumulative percentage, when costed, then it is Cumulative but has no cost per unit, since a percentage point is not output', () => {
    const { rows } = withMeasures(
      MEASURE_HEADER,
      [['M1', '1.1', 'Energy intensity reduction (cumulative % reduction)', 'Percentage', null, 'Increase']],
      [
        ['M1', 2017, 0.05, 0.0341],
        ['M1', 2018, 0.075, 0.0541],
      ],
    );
    expect(rows[1]).toMatchObject({ Kind: 'Cumulative', 'Cost per Unit': null });
    expect(rows[1]?.Output).toBeCloseTo(0.02, 10);
    expect(rows[1]?.Note).toContain('A cumulative percentage is still a rate');
  });

  test('Given a Count with an actual of zero, when costed, then there is no cost per unit and the Note says there was no output', () => {
    const [row] = costRows({
      measures: [['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase']],
      results: [['M1', 2018, 10, 0]],
    });
    expect(row).toMatchObject({ Output: 0, 'Cost per Unit': null });
    expect(row?.Note).toContain('No output this year');
  });
});

describe('Priority Goal', () => {
  test.each<[string | null, string]>([
    ['Yes', 'Yes'],
    ['y', 'Yes'],
    ['No', ''],
    [null, ''],
  ])('Given Priority Goal %p, when costed, then the Priority Goal column shows %p', (flag, shown) => {
    const { result, rows } = withMeasures(
      ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction', 'Priority Goal'],
      [['M1', '1.1', 'Leases awarded', 'Count', 'Increase', flag]],
      [['M1', 2018, 10, 10]],
    );
    expect(rows[0]?.['Priority Goal']).toBe(shown);
    expect(result.issues.filter((i) => i.code === 'VALUE_NOT_ALLOWED')).toEqual([]);
  });

  test('Given Priority Goal "Maybe", when read, then a warning at the cell says so and the measure is not flagged', () => {
    const { result, rows } = withMeasures(
      ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction', 'Priority Goal'],
      [['M1', '1.1', 'Leases awarded', 'Count', 'Increase', 'Maybe']],
      [['M1', 2018, 10, 10]],
    );
    expect(placesOf(result.issues, 'VALUE_NOT_ALLOWED')).toEqual(['Measures!F2']);
    expect(rows[0]?.['Priority Goal']).toBe('');
  });
});
