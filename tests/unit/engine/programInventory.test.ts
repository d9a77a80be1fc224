import { runEngine } from '../../../server/engine';
import { rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';

/** The program inventory of 31 U.S.C. 1122(a), computed by hand from a small Budget. */

const BUDGET = [
  [
    'Account',
    'Program Activity',
    'Program Activity Title',
    'Amount Type',
    'Line Type',
    'FY2023 Actual',
    'FY2024 Actual',
    'FY2025 Enacted',
    'FY2026 Request',
  ],
  ['023-05-0110', '0001', 'Leasing', 'BA', '', 100, 110, 120, 130],
  ['023-05-0110', '0001', 'Leasing', 'Obligations', '', 90, 105, 118, 0],
  ['023-05-0110', '0001', 'Leasing', 'Outlays', '', 80, 100, 115, 125],
  ['023-05-0110', '0002', 'Disposal', 'Obligations', '', 10, 20, 30, 40],
  ['023-00-322000', '', '', 'BA', 'Receipt', -5, -6, -7, -8],
];

describe('the program inventory', () => {
  test('Given no Programs table, when run, then each program activity is a program with CY and the two years before it, and the goals it serves', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: BUDGET,
        Crosswalk: [
          ['Account', 'Program Activity', 'Objective ID', 'Share'],
          ['023-05-0110', '0001', '1.1', '100%'],
        ],
      }),
    );
    const rows = rowsOf(r, 'ProgramInventory');
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Program',
      'Accounts',
      'Appropriated FY2023 Actual',
      'Obligated FY2023 Actual',
      'Outlayed FY2023 Actual',
      'Appropriated FY2024 Actual',
      'Obligated FY2024 Actual',
      'Outlayed FY2024 Actual',
      'Appropriated FY2025 Enacted',
      'Obligated FY2025 Enacted',
      'Outlayed FY2025 Enacted',
      'Goals',
      'Objectives',
      'Note',
    ]);
    expect(
      rows.map((x) => [
        x.Program,
        x['Appropriated FY2025 Enacted'],
        x['Obligated FY2024 Actual'],
        x['Outlayed FY2023 Actual'],
        x.Goals,
        x.Objectives,
      ]),
    ).toEqual([
      ['Leasing (023-05-0110)', 120, 105, 80, 'G1', '1.1'],
      ['Disposal (023-05-0110)', 0, 20, 0, '', ''],
    ]);
    expect(rows[1]?.Note).toBe('No Crosswalk row maps it to a goal.');
  });

  test('Given a Programs table, when run, then its rows group lines into programs and receipts are never a program', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: BUDGET,
        Programs: [
          ['Program', 'Account', 'Program Activity'],
          ['Real property', '023-05-0110', '0001'],
          ['Real property', '023-05-0110', '0002'],
        ],
      }),
    );
    const rows = rowsOf(r, 'ProgramInventory');
    expect(rows.map((x) => [x.Program, x.Accounts, x['Obligated FY2025 Enacted'], x.Goals])).toEqual([
      ['Real property', '023-05-0110', 148, 'G1'],
    ]);
  });
});

describe('the program inventory and support costs', () => {
  test('Given a program whose line goes to a cost pool, when run, then it serves the objectives the pool reaches', () => {
    const r = runEngine(
      minimalWorkbook({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'Reduce cost'],
        ],
        Budget: [
          ['Account', 'Program Activity', 'Program Activity Title', 'Amount Type', 'FY2018'],
          ['023-05-0110', '0001', 'Leasing', 'Obligations', 1000],
          ['023-05-0110', '0002', 'Capital investment', 'Obligations', 100],
        ],
        Crosswalk: [
          ['Account', 'Program Activity', 'Objective ID', 'Cost Pool', 'Share'],
          ['023-05-0110', '0001', '1.1', null, '100%'],
          ['023-05-0110', '0002', null, 'Capital', '100%'],
        ],
        'Cost Pools': [
          ['Cost Pool', 'Method'],
          ['Capital', 'Direct Cost'],
        ],
      }),
    );
    const capital = rowsOf(r, 'ProgramInventory').find(
      (x) => x.Program === 'Capital investment (023-05-0110)',
    );
    expect([capital?.Goals, capital?.Objectives]).toEqual(['G1', '1.1']);
    expect(capital?.Note).not.toContain('No Crosswalk row maps it');
  });
});
