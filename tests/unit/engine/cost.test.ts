import type { Direction, Result } from '../../../models';
import { runEngine } from '../../../server/engine';
import { judgeStatus } from '../../../server/engine/status';
import { rowsOf } from '../../helpers/outputs';
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
        ['023-05-4542', 1234.5],
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
        ['023-05-4542', 900, 1200],
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
        ['023-05-4542', '1,000,000'],
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
          ['023-05-4542', 1000],
          ['WCF', 250],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Cost Pool', 'Share'],
          ['023-05-4542', '1.1', null, 1],
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
        ['023-05-4542', 'BA', 1000],
        ['023-05-4542', 'Obligations', 500],
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
        ['023-05-4542', 'BA', 1000],
        ['023-05-4542', 'Obligations', 500],
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
    expect(row).toMatchObject({ 'Full Cost': null, 'Cost per Unit': null, Status: 'No Actual' });
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
    ['Increase', [100, null], 'No Actual'],
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
    judgeStatus(direction, result, actual);

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
