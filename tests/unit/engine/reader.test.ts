import type { BudgetLine, Issue } from '../../../models';
import { readWorkbook, runEngine } from '../../../server/engine';
import { issuesWith, placesOf, rowsOf } from '../../helpers/outputs';
import { grid, minimalWorkbook } from '../../helpers/workbook';

const amounts = (line: BudgetLine | undefined) =>
  Object.fromEntries((line?.amounts ?? []).map((a) => [a.year, a.value]));
const where = (line: BudgetLine | undefined) =>
  (line?.amounts ?? []).map((a) => `${a.loc.sheet}!${a.loc.cell}`);
const onlyCodes = (issues: readonly Issue[]) => issues.map((i) => i.code);

describe('finding tables', () => {
  test('Given a ListObject named Budget and a worksheet named Budget, when read, then the ListObject is used', () => {
    const grids = minimalWorkbook({
      Budget: grid(
        'Budget',
        [
          ['Account', 'FY2018'],
          ['STALE', 1],
        ],
        { source: 'sheet' },
      ),
      // A second table of the same name: the ListObject, on another sheet.
      BudgetTable: grid(
        'Budget',
        [
          ['Account', 'FY2018'],
          ['023-05-0110', 1000],
        ],
        { source: 'table', sheet: 'Data', topLeft: 'C3' },
      ),
    });
    const { model } = readWorkbook(grids);
    expect(model.budget.map((l) => l.account)).toEqual(['023-05-0110']);
    expect(model.budget[0]?.loc).toEqual({ sheet: 'Data', cell: 'C4' });
    expect(model.found.Budget).toEqual({ sheet: 'Data', source: 'table' });
  });

  test('Given table names in other spellings (cost_pools, COSTPOOLS), when read, then they are found', () => {
    const { model } = readWorkbook(
      minimalWorkbook({
        cost_pools: [
          ['Cost Pool', 'Method'],
          ['IT', 'Equal'],
        ],
      }),
    );
    expect(model.pools.map((p) => p.name)).toEqual(['IT']);
  });

  test('Given no Budget table, when read, then TABLE_MISSING names the table and its required columns', () => {
    const { issues } = readWorkbook(minimalWorkbook({ Budget: null }));
    const missing = issuesWith(issues, 'TABLE_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', sheet: '', cell: '' });
    expect(missing[0]?.message).toContain('no Budget table');
    expect(missing[0]?.message).toContain('"Account"');
  });

  test('Given the optional tables are absent, when read, then nothing is reported missing', () => {
    const { issues } = readWorkbook(minimalWorkbook({ Settings: null, Measures: null, Results: null }));
    expect(issuesWith(issues, 'TABLE_MISSING')).toEqual([]);
  });

  test('Given a required column is missing, when read, then COLUMN_MISSING names the table and the column at the header', () => {
    const { issues } = readWorkbook(
      minimalWorkbook({
        Objectives: grid(
          'Objectives',
          [
            ['Objective ID', 'Objective'],
            ['1.1', 'Reduce cost'],
          ],
          { topLeft: 'B2' },
        ),
      }),
    );
    const missing = issuesWith(issues, 'COLUMN_MISSING');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', sheet: 'Objectives', cell: 'B2' });
    expect(missing[0]?.message).toBe(
      'The Objectives table has no "Goal ID" column. Add a column headed "Goal ID".',
    );
  });

  test('Given every required column, when read, then no COLUMN_MISSING is reported', () => {
    expect(issuesWith(readWorkbook(minimalWorkbook()).issues, 'COLUMN_MISSING')).toEqual([]);
  });
});

describe('where each value sat', () => {
  test('Given a Budget whose header is at B4, when an amount is read, then its cell is shifted by the table position', () => {
    const grids = minimalWorkbook({
      Budget: grid(
        'Budget',
        [
          ['Account', 'Amount Type', 'FY2017', 'FY2018'],
          ['023-05-0110', 'BA', 1, 2],
          ['023-05-4543', 'BA', 3, 4],
          ['023-05-4544', 'BA', 5, 6],
          ['023-05-4545', 'BA', 7, 'oops'],
        ],
        { topLeft: 'B4' },
      ),
    });
    const { model, issues } = readWorkbook(grids);
    // Header on row 4 (B..E); grid row 3 (the fourth data row) sits on worksheet row 4 + 1 + 3 = 8.
    expect(model.budget[3]?.loc).toEqual({ sheet: 'Budget', cell: 'B8' });
    expect(where(model.budget[0])).toEqual(['Budget!D5', 'Budget!E5']);
    expect(placesOf(issues, 'AMOUNT_INVALID')).toEqual(['Budget!E8']);
  });

  test('Given a table far down and to the right (AA100), when a bad value is read, then the issue names the exact cell', () => {
    const grids = minimalWorkbook({
      Budget: grid(
        'Budget',
        [
          ['Account', 'FY2018'],
          ['023-05-0110', 1],
          [null, null],
          ['023-05-4543', '#N/A?'],
        ],
        { topLeft: 'AA100' },
      ),
    });
    expect(placesOf(readWorkbook(grids).issues, 'AMOUNT_INVALID')).toEqual(['Budget!AB103']);
  });

  test('Given blank rows between lines, when read, then they are skipped and later rows keep their true cells', () => {
    const grids = minimalWorkbook({
      Budget: [['Account', 'FY2018'], ['A', 1], [null, null], ['  ', ''], [], ['B', 2]],
    });
    const { model } = readWorkbook(grids);
    expect(model.budget.map((l) => l.account)).toEqual(['A', 'B']);
    expect(model.budget[1]?.loc.cell).toBe('A6');
    expect(where(model.budget[1])).toEqual(['Budget!B6']);
  });
});

describe('reading the Budget', () => {
  test.each([['FY2018'], ['FY 2018'], [2018], ['2018'], ['FY2018 Request'], ['fy2018']])(
    'Given a fiscal year column headed %p, when read, then its amounts are FY2018',
    (header) => {
      const { model, issues } = readWorkbook(
        minimalWorkbook({
          Budget: [
            ['Account', header],
            ['023-05-0110', 1234],
          ],
        }),
      );
      expect(onlyCodes(issues)).toEqual([]);
      expect(amounts(model.budget[0])).toEqual({ 2018: 123400 });
    },
  );

  test('Given several year columns and extra columns, when read, then every year is read and the extra columns are ignored', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Notes', 'Account', 'FY2016', 'Owner', 'FY2017', 'FY2018'],
          ['check me', '023-05-0110', 10, 'Pat', 20, 30],
        ],
      }),
    );
    expect(onlyCodes(issues)).toEqual([]);
    expect(amounts(model.budget[0])).toEqual({ 2016: 1000, 2017: 2000, 2018: 3000 });
    expect(where(model.budget[0])).toEqual(['Budget!C2', 'Budget!E2', 'Budget!F2']);
  });

  test('Given no fiscal year column and no Fiscal Year/Amount pair, when read, then BUDGET_NO_YEARS is reported', () => {
    const { issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Total'],
          ['A', 1],
        ],
      }),
    );
    expect(placesOf(issues, 'BUDGET_NO_YEARS')).toEqual(['Budget!A1']);
  });

  test('Given the long form (Fiscal Year and Amount), when read, then rows with the same identity merge into one line', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Program Activity', 'Amount Type', 'Fiscal Year', 'Amount'],
          ['023-05-0110', '0001', 'BA', 2017, 100],
          ['023-05-0110', '0001', 'BA', 'FY2018', '1,250.50'],
          ['023-05-0110', '0002', 'BA', 2018, 7],
          ['023-05-0110', '0001', 'Outlays', 2018, 90],
        ],
      }),
    );
    expect(onlyCodes(issues)).toEqual([]);
    expect(model.budget).toHaveLength(3);
    expect(model.budget[0]).toMatchObject({ programActivity: '0001', amountType: 'Budget Authority' });
    expect(amounts(model.budget[0])).toEqual({ 2017: 10000, 2018: 125050 });
    expect(where(model.budget[0])).toEqual(['Budget!E2', 'Budget!E3']);
    expect(amounts(model.budget[1])).toEqual({ 2018: 700 });
    expect(model.budget[2]).toMatchObject({ programActivity: '0001', amountType: 'Outlays' });
  });

  test('Given the long form with the same line and year on two rows, when read, then the repeat is flagged as in the wide form', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Fiscal Year', 'Amount'],
          ['023-05-0110', 2018, 100],
          ['023-05-0110', 2018, 200],
        ],
      }),
    );
    // Both amounts still count (the total ties out), but a budget officer must be told one may be entered twice.
    expect(model.budget[0]?.amounts.reduce((s, a) => s + a.value, 0)).toBe(30000);
    expect(placesOf(issues, 'DUPLICATE_BUDGET_LINE')).toEqual(['Budget!A3']);
  });

  test('Given a long-form row with a bad Fiscal Year, when read, then YEAR_INVALID is reported at that cell', () => {
    const { issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Fiscal Year', 'Amount'],
          ['023-05-0110', 'next year', 100],
        ],
      }),
    );
    expect(placesOf(issues, 'YEAR_INVALID')).toEqual(['Budget!B2']);
  });

  test('Given amounts typed as text (1,234, (500), $2,000.25), when read, then they are exact minor units', () => {
    const { model } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'FY2016', 'FY2017', 'FY2018'],
          ['023-05-0110', '1,234', '(500)', '$2,000.25'],
        ],
      }),
    );
    expect(amounts(model.budget[0])).toEqual({ 2016: 123400, 2017: -50000, 2018: 200025 });
  });

  test('Given an Amount Type of BA, Obligations, Outlays, FTE or blank, when read, then each is its contract name', () => {
    const { model } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['A', 'BA', 1],
          ['A', 'obligations', 1],
          ['A', 'Net Outlays', 1],
          ['A', 'FTEs', 1],
          ['B', null, 1],
        ],
      }),
    );
    expect(model.budget.map((l) => l.amountType)).toEqual([
      'Budget Authority',
      'Obligations',
      'Outlays',
      'FTE',
      'Budget Authority',
    ]);
  });

  test('Given type words repeated row after row, blank, white space and misspelt ones among them, when read, then each row has its own types and every misspelt cell is reported', () => {
    // A type column's recent texts are remembered; a remembered text must still be read as itself, row by row.
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', 'Funding Type', 'FY2018'],
          ['A', 'BA', 'Direct', 1],
          ['B', 'Outlays', ' ', 2],
          ['C', 'BA', 'Direct', 3],
          ['D', 'Outflow', 'Direct', 4],
          ['E', 'Outflow', 'Direct', 5],
          ['F', ' ', null, 6],
          ['G', { formula: '=X1' }, 'Reimbursable', 7],
          ['H', 'Outlays', ' ', 8],
          ['I', 'BA', 'Direkt', 9],
          // A blank tail, as a sheet formatted below its data hands over.
          [null, null, null, null],
          [' ', null, null, null],
        ],
      }),
    );
    expect(model.budget.map((l) => [l.account, l.amountType, l.fundingType ?? null])).toEqual([
      ['A', 'Budget Authority', 'Direct'],
      ['B', 'Outlays', null],
      ['C', 'Budget Authority', 'Direct'],
      ['F', 'Budget Authority', null],
      ['G', 'Budget Authority', 'Reimbursable'],
      ['H', 'Outlays', null],
    ]);
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual([
      'VALUE_NOT_ALLOWED B5',
      'VALUE_NOT_ALLOWED B6',
      'FORMULA_NOT_CALCULATED B8',
      'VALUE_NOT_ALLOWED C10',
    ]);
  });

  test('Given an account typed as the number 4542, when crosswalked by the text "4542", then they are the same account', () => {
    const result = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'FY2018'],
          [4542, 100],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          [' 4542 ', '1.1', 1],
        ],
      }),
    );
    expect(issuesWith(result.issues, 'BUDGET_LINE_UNMAPPED')).toEqual([]);
    expect(rowsOf(result, 'CrosswalkDetail').map((r) => r['Objective ID'])).toEqual(['1.1']);
  });

  test('Given the same budget line twice in the wide form, when read, then both count and DUPLICATE_BUDGET_LINE points to the first', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'FY2018'],
          ['A', 1],
          ['a', 2],
        ],
      }),
    );
    expect(model.budget).toHaveLength(2);
    const dup = issuesWith(issues, 'DUPLICATE_BUDGET_LINE');
    expect(placesOf(issues, 'DUPLICATE_BUDGET_LINE')).toEqual(['Budget!A3']);
    expect(dup[0]?.message).toContain('Budget!A2');
  });

  test("Given repeated lines among rows with other problems, when read, then each DUPLICATE_BUDGET_LINE is said at its own row, after that row's other issues and before the next row's", () => {
    // A wide Budget's repeats are found once every row is read; they must still read in row order.
    const { issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', 'FY2018', 'FY2019'],
          ['A', 'BA', 1.005, 1],
          ['B', 'BA', 'x', 2],
          ['a', 'BA', 'y', 3],
          [null, 'BA', 4, 4],
          ['B', 'Outlays', 5, 5],
          ['b', 'BA', 6, 'z'],
          ['A', 'BA', 7, 7],
        ],
      }),
    );
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual([
      'AMOUNT_INVALID C3',
      'AMOUNT_INVALID C4',
      'DUPLICATE_BUDGET_LINE A4',
      'VALUE_REQUIRED A5',
      'AMOUNT_INVALID D7',
      'DUPLICATE_BUDGET_LINE A7',
      'DUPLICATE_BUDGET_LINE A8',
      // Rounding is decided once the money precision is known, after every row.
      'AMOUNT_ROUNDED C2',
    ]);
    expect(
      issuesWith(issues, 'DUPLICATE_BUDGET_LINE').map((i) => i.message.match(/Budget!A\d/)?.[0]),
    ).toEqual(['Budget!A2', 'Budget!A3', 'Budget!A2']);
  });

  test('Given a row with no Account, when read, then VALUE_REQUIRED is reported and the other rows are still read', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'FY2018'],
          [null, 5],
          ['B', 6],
        ],
      }),
    );
    expect(placesOf(issues, 'VALUE_REQUIRED')).toEqual(['Budget!A2']);
    expect(model.budget.map((l) => l.account)).toEqual(['B']);
  });
});

describe('reading the Crosswalk', () => {
  // Each distinct share is parsed once and remembered; these rows repeat good and bad shares to show that a
  // remembered share still belongs to its own row, and that a bad one is reported at every cell that has it.
  const { model, issues } = readWorkbook(
    minimalWorkbook({
      Objectives: [
        ['Objective ID', 'Goal ID', 'Objective'],
        ['1.1', 'G1', 'One'],
        ['1.2', 'G1', 'Two'],
      ],
      Crosswalk: [
        ['Account', 'Objective ID', 'Share'],
        ['A', '1.1', '40%'],
        ['A', '1.2', '40%'],
        ['B', '1.1', 0.25],
        ['B', '1.2', 0.25],
        ['C', '1.1', 'abc'],
        ['C', '1.2', 'abc'],
        ['D', '1.1', '1e20'],
        ['D', '1.2', '1e20'],
        ['E', '1.1', '-5%'],
        ['E', '1.2', '-5%'],
        ['F', '1.1', 40],
        ['F', '1.2', 40],
      ],
    }),
  );

  test('Given the same share on several rows, when read, then each row has its own share cell and the same parts per billion', () => {
    expect(model.crosswalk.map((r) => [r.account, r.share, r.shareLoc.cell, r.shareAsWholeNumber])).toEqual([
      ['A', 400_000_000, 'C2', false],
      ['A', 400_000_000, 'C3', false],
      ['B', 250_000_000, 'C4', false],
      ['B', 250_000_000, 'C5', false],
      ['F', 40_000_000_000, 'C12', true],
      ['F', 40_000_000_000, 'C13', true],
    ]);
    expect(model.crosswalk.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('Given the same bad share on several rows, when read, then each cell is reported in row order', () => {
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual([
      'SHARE_INVALID C6',
      'SHARE_INVALID C7',
      'SHARE_INVALID C8',
      'SHARE_INVALID C9',
      'SHARE_NEGATIVE C10',
      'SHARE_NEGATIVE C11',
    ]);
  });
});

describe('money precision and Units', () => {
  const budget = (units: string | null, ...values: (number | string)[]) =>
    readWorkbook(
      minimalWorkbook({
        Settings:
          units === null
            ? null
            : [
                ['Setting', 'Value'],
                ['Units', units],
              ],
        Budget: [['Account', 'FY2018'], ...values.map((v, i) => [`A${i}`, v])],
      }),
    );

  test('Given Units Dollars, when whole dollars are read, then money carries two decimals (cents)', () => {
    const { model } = budget('Dollars', 1234);
    expect(model.settings.units).toBe('Dollars');
    expect(model.moneyDecimals).toBe(2);
    expect(amounts(model.budget[0])).toEqual({ 2018: 123400 });
  });

  test('Given no Settings table, when read, then Units default to Dollars', () => {
    const { model } = budget(null, 1);
    expect(model.settings).toMatchObject({
      units: 'Dollars',
      allocation: 'Step-Down',
      costBasis: null,
      baseYear: null,
    });
    expect(model.moneyDecimals).toBe(2);
  });

  test('Given Units Thousands and whole amounts, when read, then money carries no decimals', () => {
    const { model, issues } = budget('Thousands', 1234, '5,000');
    expect(model.moneyDecimals).toBe(0);
    expect(amounts(model.budget[0])).toEqual({ 2018: 1234 });
    expect(amounts(model.budget[1])).toEqual({ 2018: 5000 });
    expect(onlyCodes(issues)).toEqual([]);
  });

  test('Given Units Thousands and one amount with a decimal, when read, then every amount carries that precision', () => {
    const { model } = budget('Thousands', 1234, 10.5);
    expect(model.moneyDecimals).toBe(1);
    expect(amounts(model.budget[0])).toEqual({ 2018: 12340 });
    expect(amounts(model.budget[1])).toEqual({ 2018: 105 });
  });

  test('Given Units Thousands and a zero typed as 0.00, when read, then it does not add decimals', () => {
    const { model } = budget('Thousands', 1234, '0.00');
    expect(model.moneyDecimals).toBe(0);
  });

  test('Given Units Millions, when an amount to the dollar is read, then nothing is rounded', () => {
    const { model, issues } = budget('Millions', 1.234567);
    expect(model.moneyDecimals).toBe(6);
    expect(amounts(model.budget[0])).toEqual({ 2018: 1234567 });
    expect(onlyCodes(issues)).toEqual([]);
  });

  test('Given Units Dollars and an amount with a fraction of a cent, when read, then AMOUNT_ROUNDED warns at its cell and it rounds half away from zero', () => {
    const { model, issues } = budget('Dollars', 10, 1.005, -2.675);
    expect(placesOf(issues, 'AMOUNT_ROUNDED')).toEqual(['Budget!B3', 'Budget!B4']);
    expect(issuesWith(issues, 'AMOUNT_ROUNDED')[0]?.severity).toBe('warning');
    expect(amounts(model.budget[1])).toEqual({ 2018: 101 });
    expect(amounts(model.budget[2])).toEqual({ 2018: -268 });
  });

  test('Given Units Thousands and an amount finer than a cent, when read, then it is rounded to five decimals of thousands', () => {
    const { model, issues } = budget('Thousands', 1.123456);
    expect(model.moneyDecimals).toBe(5);
    expect(amounts(model.budget[0])).toEqual({ 2018: 112346 });
    expect(issuesWith(issues, 'AMOUNT_ROUNDED')[0]?.message).toContain(
      'rounded to 5 decimal places of thousands',
    );
  });

  test('Given an amount too large to add exactly, when read, then AMOUNT_OUT_OF_RANGE is reported and the others are kept', () => {
    const { model, issues } = budget('Dollars', 1e20, 5);
    expect(placesOf(issues, 'AMOUNT_OUT_OF_RANGE')).toEqual(['Budget!B2']);
    expect(amounts(model.budget[0])).toEqual({});
    expect(amounts(model.budget[1])).toEqual({ 2018: 500 });
  });

  test('Given FTE rows, when read, then they carry one decimal, are rounded with FTE_ROUNDED, and never set the money precision', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Settings: [
          ['Setting', 'Value'],
          ['Units', 'Thousands'],
        ],
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['A', 'BA', 100],
          ['A', 'FTE', 12.25],
          ['B', 'FTE', 3],
        ],
      }),
    );
    expect(model.moneyDecimals).toBe(0);
    expect(amounts(model.budget[1])).toEqual({ 2018: 123 });
    expect(amounts(model.budget[2])).toEqual({ 2018: 30 });
    expect(placesOf(issues, 'FTE_ROUNDED')).toEqual(['Budget!C3']);
    expect(issuesWith(issues, 'AMOUNT_ROUNDED')).toEqual([]);
  });

  test('Given FTE and dollars, when the engine runs, then FTE has its own total and is never added to dollars', () => {
    const result = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'BA', 1000],
          ['023-05-0110', 'FTE', 12.3],
        ],
      }),
    );
    const totals = rowsOf(result, 'ResourcesByGoal').filter((r) => r.Level === 'Total');
    expect(totals.map((r) => [r['Amount Type'], r.FY2018])).toEqual([
      ['Budget Authority', 1000],
      ['FTE', 12.3],
    ]);
  });
});

describe('reading Settings', () => {
  const settings = (...rows: [string, string | number][]) =>
    readWorkbook(minimalWorkbook({ Settings: [['Setting', 'Value'], ...rows] }));

  test('Given every setting, when read, then each is taken', () => {
    const { model, issues } = settings(
      ['Agency', 'GSA'],
      ['Units', 'thousands'],
      ['Cost Basis', 'BA'],
      ['Base Year', 'FY2018'],
      ['Budget Year', 2019],
      ['Current Year', 'FY 2018'],
      ['Prior Year', '2017'],
      ['Allocation', 'reciprocal'],
    );
    expect(onlyCodes(issues)).toEqual([]);
    expect(model.settings).toMatchObject({
      agency: 'GSA',
      units: 'Thousands',
      costBasis: 'Budget Authority',
      baseYear: 2018,
      budgetYear: 2019,
      currentYear: 2018,
      priorYear: 2017,
      allocation: 'Reciprocal',
    });
  });

  test('Given a setting Throughline does not use, when read, then SETTING_UNKNOWN warns at its name', () => {
    const { issues } = settings(['Colour', 'blue']);
    expect(placesOf(issues, 'SETTING_UNKNOWN')).toEqual(['Settings!A2']);
  });

  test('Given a setting named as an object property (constructor, toString), then it is unknown like any other', () => {
    const { issues, model } = settings(['constructor', '2019'], ['toString', 'x']);
    expect(placesOf(issues, 'SETTING_UNKNOWN')).toEqual(['Settings!A2', 'Settings!A3']);
    expect(model.settings.units).toBe('Dollars');
  });
});
