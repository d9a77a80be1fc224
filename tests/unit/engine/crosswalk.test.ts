import { runEngine } from '../../../server/engine';
import { issuesWith, rowsOf } from '../../helpers/outputs';
import { grid, minimalWorkbook, type Row } from '../../helpers/workbook';

const FOUR_OBJECTIVES: Row[] = [
  ['Objective ID', 'Goal ID', 'Objective'],
  ['1.1', 'G1', 'One'],
  ['1.2', 'G1', 'Two'],
  ['1.3', 'G1', 'Three'],
  ['1.4', 'G1', 'Four'],
];

describe('which Crosswalk rows a budget line uses', () => {
  const result = runEngine(
    minimalWorkbook({
      Objectives: FOUR_OBJECTIVES,
      Budget: [
        ['Account', 'Program Activity', 'Object Class', 'FY2018'],
        ['023-05-0110', '0001', '25.2', 100],
        ['023-05-0110', '0001', '31.0', 200],
        ['023-05-0110', '0002', '25.2', 300],
        ['023-05-0110', '0002', '41.0', 400],
      ],
      Crosswalk: [
        ['Account', 'Program Activity', 'Object Class', 'Objective ID', 'Share'],
        ['023-05-0110', null, null, '1.4', 1],
        ['023-05-0110', null, '25.2', '1.3', 1],
        ['023-05-0110', '0001', null, '1.2', 1],
        ['023-05-0110', '0001', '252', '1.1', 1],
      ],
    }),
  );
  const mapped = rowsOf(result, 'CrosswalkDetail').map((r) => [
    r['Program Activity'],
    r['Object Class'],
    r['Objective ID'],
    r.Rule,
  ]);

  test('Given rows for account+PA+OC, account+PA, account+OC and account, when a line has all three, then account+PA+OC wins', () => {
    expect(mapped[0]).toEqual(['0001', '25.2', '1.1', 'Crosswalk!A5']);
  });

  test('Given no account+PA+OC rows for its object class, when a line has a PA with rows, then account+PA wins over account+OC', () => {
    expect(mapped[1]).toEqual(['0001', '31.0', '1.2', 'Crosswalk!A4']);
  });

  test('Given no rows for its PA, when a line has an object class with rows, then account+OC wins over account', () => {
    expect(mapped[2]).toEqual(['0002', '25.2', '1.3', 'Crosswalk!A3']);
  });

  test('Given nothing more specific, when a line is read, then the account rows apply', () => {
    expect(mapped[3]).toEqual(['0002', '41.0', '1.4', 'Crosswalk!A2']);
  });

  test('Given every set is used, when checked, then no rule is unused and nothing is unmapped', () => {
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  test('Given object class 252 in the Crosswalk and 25.2 in the Budget, when matched, then they are the same object class', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Object Class', 'FY2018'],
          ['023-05-0110', '25.2', 100],
        ],
        Crosswalk: [
          ['Account', 'Object Class', 'Objective ID', 'Share'],
          ['023-05-0110', 252, '1.1', 1],
        ],
      }),
    );
    expect(r.issues).toEqual([]);
    expect(rowsOf(r, 'CrosswalkDetail').map((d) => d['Objective ID'])).toEqual(['1.1']);
  });

  test('Given only account+PA rows, when a line of that account has another PA, then it is Unmapped and the PA rows are not used for it', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Program Activity', 'FY2018'],
          ['023-05-0110', '0001', 100],
          ['023-05-0110', '0009', 50],
        ],
        Crosswalk: [
          ['Account', 'Program Activity', 'Objective ID', 'Share'],
          ['023-05-0110', '0001', '1.1', 1],
        ],
      }),
    );
    expect(
      rowsOf(r, 'CrosswalkDetail').map((d) => [d['Program Activity'], d['Mapped To'], d.FY2018]),
    ).toEqual([
      ['0001', 'Objective 1.1', 100],
      ['0009', 'Unmapped', 50],
    ]);
    expect(issuesWith(r.issues, 'BUDGET_LINE_UNMAPPED')[0]?.message).toContain('program activity 0009');
  });
});

describe('splitting a line', () => {
  test('Given 100 thousand split by three equal shares, when crosswalked, then the parts are 34/33/33 and sum exactly', () => {
    const r = runEngine(
      minimalWorkbook({
        Settings: [
          ['Setting', 'Value'],
          ['Units', 'Thousands'],
        ],
        Objectives: FOUR_OBJECTIVES.slice(0, 4),
        Budget: [
          ['Account', 'FY2018'],
          ['023-05-0110', 100],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', '33.33%'],
          ['023-05-0110', '1.2', '33.33%'],
          ['023-05-0110', '1.3', '33.33%'],
        ],
      }),
    );
    const amounts = rowsOf(r, 'CrosswalkDetail').map((d) => d.FY2018 as number);
    expect(amounts).toEqual([34, 33, 33]);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(100);
    expect(issuesWith(r.issues, 'CROSSWALK_SHARES_NOT_100')).toEqual([]);
  });

  test('Given $100.00 split three ways, when crosswalked, then the cents are 33.34/33.33/33.33', () => {
    const r = runEngine(
      minimalWorkbook({
        Objectives: FOUR_OBJECTIVES.slice(0, 4),
        Budget: [
          ['Account', 'FY2018'],
          ['023-05-0110', 100],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', 1 / 3],
          ['023-05-0110', '1.2', 1 / 3],
          ['023-05-0110', '1.3', 1 / 3],
        ],
      }),
    );
    expect(rowsOf(r, 'CrosswalkDetail').map((d) => d.FY2018)).toEqual([33.34, 33.33, 33.33]);
  });

  test('Given a negative line, when split, then every part is negative and they sum to the line', () => {
    const r = runEngine(
      minimalWorkbook({
        Objectives: FOUR_OBJECTIVES.slice(0, 3),
        Budget: [
          ['Account', 'FY2018'],
          ['023-05-0110', '(0.05)'],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', '50%'],
          ['023-05-0110', '1.2', '50%'],
        ],
      }),
    );
    expect(rowsOf(r, 'CrosswalkDetail').map((d) => d.FY2018)).toEqual([-0.03, -0.02]);
  });
});

describe('goal-level mapping and Unmapped', () => {
  const result = runEngine(
    minimalWorkbook({
      Goals: [
        ['Goal ID', 'Goal'],
        ['G1', 'Real Estate'],
        ['G2', 'Acquisition'],
      ],
      Objectives: [
        ['Objective ID', 'Goal ID', 'Objective'],
        ['1.1', 'G1', 'Reduce cost'],
        ['2.1', 'G2', 'Savings'],
      ],
      Measures: null,
      Results: null,
      Budget: [
        ['Account', 'FY2018'],
        ['023-05-0110', 1000],
        ['023-10-4534', 600],
        ['023-00-322000', 25],
      ],
      Crosswalk: [
        ['Account', 'Objective ID', 'Goal ID', 'Share', 'Basis'],
        ['023-05-0110', '1.1', null, 1, 'Square feet'],
        ['023-10-4534', null, 'G2', '100%', 'Whole account serves the goal'],
      ],
    }),
  );
  const rbg = rowsOf(result, 'ResourcesByGoal');

  test('Given a goal-level Crosswalk row, when crosswalked, then the detail names the goal and no objective', () => {
    const row = rowsOf(result, 'CrosswalkDetail').find((d) => d.Account === '023-10-4534');
    expect(row).toMatchObject({
      'Goal ID': 'G2',
      'Objective ID': '',
      'Mapped To': 'Goal G2',
      FY2018: 600,
      Rule: 'Crosswalk!A3',
    });
  });

  test('Given goal-level money, when resources are summed by goal, then it shows as a Goal-level row inside its goal', () => {
    expect(rbg.map((r) => [r.Level, r['Goal ID'], r['Objective ID'], r.FY2018])).toEqual([
      ['Goal', 'G1', '', 1000],
      ['Objective', 'G1', '1.1', 1000],
      ['Goal', 'G2', '', 600],
      ['Objective', 'G2', '2.1', 0],
      ['Goal-level', 'G2', '', 600],
      ['Unmapped', '', '', 25],
      ['Total', '', '', 1625],
    ]);
  });

  test('Given an unmapped receipt account, when crosswalked, then Unmapped keeps its amount so the crosswalk ties to the budget', () => {
    expect(rbg.find((r) => r.Level === 'Unmapped')?.FY2018).toBe(25);
    expect(rbg.find((r) => r.Level === 'Total')?.['Share of Total']).toBe(1);
    expect(result.summary.budgetTotals).toEqual([
      { amountType: 'Budget Authority', series: 'FY2018', year: 2018, amount: 1625 },
    ]);
  });

  test('Given the base year, when the matrix is built, then each line spreads across objective, goal-level, Unmapped and Total columns, zeros blank', () => {
    const matrix = rowsOf(result, 'CrosswalkMatrix');
    expect(
      matrix.map((r) => [
        r.Account,
        r['1.1 Reduce cost'],
        r['2.1 Savings'],
        r['G2 (goal level)'],
        r.Unmapped,
        r.Total,
      ]),
    ).toEqual([
      ['023-05-0110', 1000, null, null, null, 1000],
      ['023-10-4534', null, null, 600, null, 600],
      ['023-00-322000', null, null, null, 25, 25],
      ['Total', 1000, null, 600, 25, 1625],
    ]);
  });
});

describe('tracing an amount back', () => {
  test('Given a Crosswalk table at B3, when crosswalked, then each detail row points to the Crosswalk and Budget cells it came from', () => {
    const r = runEngine(
      minimalWorkbook({
        Objectives: FOUR_OBJECTIVES.slice(0, 3),
        Budget: grid(
          'Budget',
          [
            ['Account', 'FY2017', 'FY2018'],
            ['023-05-0110', 10, 20],
          ],
          { topLeft: 'C10' },
        ),
        Crosswalk: grid(
          'Crosswalk',
          [
            ['Account', 'Objective ID', 'Share'],
            ['023-05-0110', '1.1', '25%'],
            ['023-05-0110', '1.2', '75%'],
          ],
          { topLeft: 'B3', sheet: 'Crosswalk 2018', source: 'table' },
        ),
      }),
    );
    expect(
      rowsOf(r, 'CrosswalkDetail').map((d) => [
        d['Objective ID'],
        d.Share,
        d.FY2017,
        d.FY2018,
        d.Rule,
        d.Source,
      ]),
    ).toEqual([
      ['1.1', 0.25, 2.5, 5, "'Crosswalk 2018'!B4", 'Budget!C11'],
      ['1.2', 0.75, 7.5, 15, "'Crosswalk 2018'!B5", 'Budget!C11'],
    ]);
  });
});

describe('budget lines no Crosswalk row matches', () => {
  test('Given unmapped lines of one account spelt in two cases, in a Budget at B3, when run, then one BUDGET_LINE_UNMAPPED per account lists each line by its own Account cell', () => {
    const result = runEngine(
      minimalWorkbook({
        Budget: grid(
          'Budget',
          [
            ['Account', 'Amount Type', 'FY2018'],
            ['023-05-0110', 'BA', 1000],
            ['X-1', 'BA', 10],
            ['Y-2', 'BA', 20],
            ['x-1', 'Outlays', 30],
            ['X-1', 'Outlays', 0],
          ],
          { topLeft: 'B3' },
        ),
      }),
    );
    const unmapped = issuesWith(result.issues, 'BUDGET_LINE_UNMAPPED');
    expect(unmapped.map((i) => i.cell)).toEqual(['B5', 'B6']);
    // Both X-1 lines with an amount, in row order, by their own cells; the line with no amount is not listed.
    expect(unmapped[0]?.message).toContain('(rows B5, B7)');
    expect(unmapped[0]?.message).toContain('Budget Authority');
    expect(unmapped[0]?.message).toContain('Outlays');
    expect(unmapped[1]?.message).not.toContain('rows');
  });
});

describe('the same target twice in one set', () => {
  test('Given targets repeated in other cases, and a goal and an objective of one ID, when run, then each repeat is said at its row, by its own spelling, and the goal and objective are not a repeat', () => {
    const result = runEngine(
      minimalWorkbook({
        Crosswalk: [
          ['Account', 'Objective ID', 'Goal ID', 'Cost Pool', 'Share'],
          ['023-05-0110', 'x9', null, null, '25%'],
          ['023-05-0110', 'X9', null, null, '25%'],
          ['023-05-0110', null, 'G1', null, '10%'],
          ['023-05-0110', 'G1', null, null, '10%'],
          ['023-05-0110', null, null, 'IT', '15%'],
          ['023-05-0110', null, null, 'it', '15%'],
        ],
      }),
    );
    const repeats = issuesWith(result.issues, 'CROSSWALK_DUPLICATE_TARGET');
    expect(repeats.map((i) => i.cell)).toEqual(['A3', 'A7']);
    expect(repeats[0]?.message).toContain('Objective X9 appears twice');
    expect(repeats[1]?.message).toContain('Cost pool it appears twice');
  });
});
