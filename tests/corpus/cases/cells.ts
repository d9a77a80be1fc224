import { budgetOf, E, gridsXlsx, minimal, N, sheet, W, type CorpusCase } from '../case';

/** Formulas, Excel error values, dates and booleans where numbers belong. */
export const cellCases: CorpusCase[] = [
  {
    name: '#REF! in an amount',
    why: 'A deleted row leaves #REF! in every formula that used it; the cell is reported, never read as zero.',
    grids: () => minimal({ Budget: budgetOf([{ error: '#REF!' }, 250]) }),
    expected: [E('CELL_ERROR_VALUE', 'Budget!D2'), W('DUPLICATE_BUDGET_LINE', 'Budget!A3')],
    totals: { 'Budget Authority': { FY2018: 250 } },
  },
  {
    name: '#DIV/0! from a formula, and a formula with its calculated value',
    why: 'A formula counts by its cached result: an error result is an error at the cell, a number is the amount.',
    xlsx: () =>
      gridsXlsx(
        minimal({
          Budget: [
            ['Account', 'Program Activity', 'Amount Type', 'FY2018'],
            ['023-05-0110', '0001', 'BA', null],
            ['023-05-0110', '0002', 'BA', null],
          ],
        }),
        (wb) => {
          const budget = sheet(wb, 'Budget');
          budget.getCell('D2').value = { formula: 'D3/0', result: { error: '#DIV/0!' } };
          budget.getCell('D3').value = { formula: '1000+234', result: 1234 };
        },
      ),
    expected: [E('CELL_ERROR_VALUE', 'Budget!D2')],
    totals: { 'Budget Authority': { FY2018: 1234 } },
  },
  {
    name: 'formula never calculated in an amount',
    why: 'A file written by a tool that does not calculate has formulas without values; Throughline never guesses one.',
    grids: () => minimal({ Budget: budgetOf([{ formula: '=SUM(D3:D9)' }]) }),
    expected: [E('FORMULA_NOT_CALCULATED', 'Budget!D2')],
  },
  {
    name: 'date where an amount belongs',
    why: 'Excel turns 10/1 into a date; an amount cell holding a date is reported as a date.',
    grids: () => minimal({ Budget: budgetOf([{ date: '2018-10-01' }]) }),
    expected: [E('AMOUNT_IS_DATE', 'Budget!D2')],
  },
  {
    name: 'TRUE and a percent where amounts belong',
    why: 'Neither a boolean nor a percent is an amount in Units.',
    grids: () =>
      minimal({
        Budget: [
          ['Account', 'Program Activity', 'Amount Type', 'FY2018'],
          ['023-05-0110', '0001', 'BA', true],
          ['023-05-0110', '0002', 'BA', '12%'],
          ['023-05-0110', '0003', 'BA', 1000],
        ],
      }),
    expected: [E('AMOUNT_INVALID', 'Budget!D2'), E('AMOUNT_INVALID', 'Budget!D3')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: '#N/A in a share',
    why: 'A VLOOKUP that found nothing leaves #N/A in a share; it is the Excel error, not a share typo.',
    grids: () =>
      minimal({
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', { error: '#N/A' }],
        ],
      }),
    expected: [E('CELL_ERROR_VALUE', 'Crosswalk!C2'), W('BUDGET_LINE_UNMAPPED', 'Budget!A2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'formula never calculated in a share',
    why: 'The message must say the formula has no value, not that "" is not a share.',
    grids: () =>
      minimal({
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', { formula: '=1-D3' }],
        ],
      }),
    expected: [E('FORMULA_NOT_CALCULATED', 'Crosswalk!C2'), W('BUDGET_LINE_UNMAPPED', 'Budget!A2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'formula never calculated in a fiscal year',
    why: 'A Results year computed by a formula with no saved value is reported as the formula, not as "".',
    grids: () =>
      minimal({
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['M1', { formula: '=YEAR(TODAY())' }, 100, 125],
        ],
      }),
    expected: [E('FORMULA_NOT_CALCULATED', 'Results!B2'), W('MEASURE_NO_TARGETS', 'Measures!A2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'formulas never calculated in text columns',
    why: 'An Amount Type, program activity or Units setting computed by a formula with no saved value must not silently take its default.',
    grids: () =>
      minimal({
        Settings: [
          ['Setting', 'Value'],
          ['Units', { formula: '=Lookups!B2' }],
        ],
        Budget: [
          ['Account', 'Program Activity', 'Amount Type', 'FY2018'],
          ['023-05-0110', { formula: '=LEFT(E2,4)' }, { formula: '=IF(F2,"BA","Outlays")' }, 1000],
        ],
      }),
    expected: [
      E('FORMULA_NOT_CALCULATED', 'Settings!B2'),
      E('FORMULA_NOT_CALCULATED', 'Budget!B2'),
      E('FORMULA_NOT_CALCULATED', 'Budget!C2'),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'error values and formulas in scenario changes and limits',
    why: 'A Change or a Floor that is #REF! or an uncalculated formula is said as such, never read as "no change" or "no limit".',
    grids: () =>
      minimal({
        Scenarios: [
          ['Scenario', 'Scope', 'Key', 'Change', 'Fiscal Year'],
          ['Cut', 'All', null, { error: '#REF!' }, null],
          ['Trim', 'All', null, { formula: '=-0.1' }, null],
          ['Grow', 'All', null, '5%', { formula: '=MAX(B:B)' }],
          ['Best', 'Best Allocation', null, '-5%', null],
        ],
        'Allocation Limits': [
          ['Objective ID', 'Floor', 'Ceiling'],
          ['1.1', { formula: '=-0.2' }, '10%'],
        ],
      }),
    expected: [
      E('CELL_ERROR_VALUE', 'Scenarios!D2'),
      E('FORMULA_NOT_CALCULATED', 'Scenarios!D3'),
      E('FORMULA_NOT_CALCULATED', 'Scenarios!E4'),
      E('FORMULA_NOT_CALCULATED', "'Allocation Limits'!B2"),
      W('ALLOCATION_NO_MODEL', 'Scenarios!A5'),
      N('MEASURES_NOT_MODELED'),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'error values in measure results',
    why: 'Targets and actuals computed by formulas can hold #VALUE!; each is reported and read as blank.',
    grids: () =>
      minimal({
        Results: [
          ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
          ['M1', 2018, { error: '#VALUE!' }, { date: '2018-09-30' }],
        ],
      }),
    expected: [
      E('CELL_ERROR_VALUE', 'Results!C2'),
      E('AMOUNT_IS_DATE', 'Results!D2'),
      W('MEASURE_NO_TARGETS', 'Measures!A2'),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
];
