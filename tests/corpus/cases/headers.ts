import { E, gridsXlsx, minimal, N, sheet, W, type CorpusCase } from '../case';

/** Wrong, missing, doubled and merged headers: the shapes a budget office's sheets really come in. */
export const headerCases: CorpusCase[] = [
  {
    name: 'budget account header misspelled',
    why: 'A typo in a required header must name the table and the column, not read nothing quietly.',
    grids: () =>
      minimal({
        Budget: [
          ['Acount', 'Account Title', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'Operating Expenses', 'BA', 1000],
        ],
      }),
    expected: [E('COLUMN_MISSING', 'Budget!A1'), W('CROSSWALK_RULE_UNUSED', 'Crosswalk!A2')],
  },
  {
    name: 'budget header under a title row',
    why: 'Exhibits often carry a title above the header; the contract reads the first non-empty row as the header.',
    grids: () =>
      minimal({
        Budget: [
          ['General Services Administration, FY2018 budget (dollars)'],
          [],
          ['Account', 'Account Title', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'Operating Expenses', 'BA', 1000],
        ],
      }),
    expected: [E('COLUMN_MISSING', 'Budget!A1'), W('CROSSWALK_RULE_UNUSED', 'Crosswalk!A2')],
  },
  {
    name: 'budget without fiscal year columns',
    why: 'Amount columns headed "Amount 2018" are not year columns; say how to head them.',
    grids: () =>
      minimal({
        Budget: [
          ['Account', 'Amount Type', 'Amount 2018'],
          ['023-05-0110', 'BA', 1000],
        ],
      }),
    expected: [E('BUDGET_NO_YEARS', 'Budget!A1'), W('CROSSWALK_RULE_UNUSED', 'Crosswalk!A2')],
  },
  {
    name: 'two budget columns for one series',
    why: '"FY2018 Enacted" and "2018 enacted" are the same year and version; only the first counts, so nothing is counted twice. (FY2018 Enacted beside FY2018 CR would be two series.)',
    grids: () =>
      minimal({
        Budget: [
          ['Account', 'Amount Type', 'FY2018 Enacted', '2018 enacted'],
          ['023-05-0110', 'BA', 1000, 999],
        ],
      }),
    expected: [E('BUDGET_SERIES_DUPLICATE', 'Budget!D1')],
    totals: { 'Budget Authority': { 'FY2018 Enacted': 1000 } },
  },
  {
    name: 'headers in any case, spacing and punctuation',
    why: 'ACCOUNT, account_title, " Amount  Type " and "fy 2018" are the contract columns.',
    grids: () =>
      minimal({
        Budget: [
          ['ACCOUNT', 'account_title', ' Amount  Type ', 'fy 2018'],
          ['023-05-0110', 'Operating Expenses', 'budget authority', 1000],
        ],
        Crosswalk: [
          ['account', 'OBJECTIVE_ID', 'share '],
          ['023-05-0110', '1.1', '100%'],
        ],
      }),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'crosswalk without a target column',
    why: 'A Crosswalk with shares but no Objective ID, Goal ID or Cost Pool maps nothing; the money stays Unmapped.',
    grids: () =>
      minimal({
        Crosswalk: [
          ['Account', 'Share'],
          ['023-05-0110', '100%'],
        ],
      }),
    expected: [E('COLUMN_MISSING', 'Crosswalk!A1'), W('BUDGET_LINE_UNMAPPED', 'Budget!A2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'required Crosswalk table missing',
    why: 'A missing required table is a workbook-level error; the budget still ties out as Unmapped.',
    grids: () => minimal({ Crosswalk: null }),
    expected: [E('TABLE_MISSING'), W('BUDGET_LINE_UNMAPPED', 'Budget!A2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'two columns that read as one',
    why: '"Goal" and "Goal Name" are the same contract column; only the first is used, and that is said.',
    grids: () =>
      minimal({
        Goals: [
          ['Goal ID', 'Goal', 'Goal Name'],
          ['G1', 'Real Estate', 'Real estate (old name)'],
        ],
      }),
    expected: [W('COLUMN_DUPLICATE', 'Goals!C1')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'merged account and amount cells',
    why: 'Exhibits merge an account down its program activities; only the merge master holds the value.',
    xlsx: () =>
      gridsXlsx(
        minimal({
          Budget: [
            ['Account', 'Program Activity', 'Amount Type', 'FY2018', 'FY2019'],
            ['023-05-0110', '0001', 'BA', 1000, 700],
            [null, '0002', 'BA', 500, null],
            ['023-05-0110', '0003', 'BA', 300, null],
            ['023-05-0110', '0004', 'BA', null, null],
          ],
        }),
        (wb) => {
          const budget = sheet(wb, 'Budget');
          // A2:A3 shows one account for two program activities; E4:E5 shows one FY2019 amount for two lines.
          budget.getCell('A3').value = '023-05-0110';
          budget.mergeCells('A2:A3');
          budget.getCell('E4').value = 300;
          budget.mergeCells('E4:E5');
        },
      ),
    // The merged-away account leaves line 3 without one (reported at its cell); the merged amount counts once.
    expected: [E('VALUE_REQUIRED', 'Budget!A3')],
    totals: { 'Budget Authority': { FY2018: 1300, FY2019: 1000 } },
  },
  {
    name: 'budget as an Excel table with a totals row',
    why: 'A table totals row is a sum of the lines, not a line: counting it would double the budget.',
    xlsx: () =>
      gridsXlsx(minimal({ Budget: null }), (wb) => {
        wb.addWorksheet('FY2018 Budget').addTable({
          name: 'Budget',
          ref: 'B3',
          totalsRow: true,
          columns: [
            { name: 'Account', totalsRowLabel: 'Total' },
            { name: 'Amount Type' },
            { name: 'FY2018', totalsRowFunction: 'sum' },
          ],
          rows: [
            ['023-05-0110', 'BA', 1000],
            ['023-05-0110', 'Obligations', 900],
          ],
        });
      }),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 }, Obligations: { FY2018: 900 } },
  },
  {
    name: 'objective with no measures',
    why: 'An objective without measures has no cost per outcome; a note, not an error.',
    grids: () =>
      minimal({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'Reduce the cost of Federal inventory'],
          ['1.2', 'G1', 'Dispose of unneeded property'],
        ],
      }),
    expected: [N('OBJECTIVE_NO_MEASURES', 'Objectives!A3')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
];
