import ExcelJS from 'exceljs';
import type { CellValue } from '../../models';

/**
 * The three workbooks the pane is tried with: a clean one, one with warnings only, one with errors. All share one
 * small agency (four goals, PY/CY/BY series in thousands, measures met, missed, improved and pending), so what
 * differs between the screenshots is only what the text is about:
 *
 * - `clean`: every line crosswalked, every cell read.
 * - `warnings`: sixteen receipt-like accounts with no Crosswalk row (sixteen BUDGET_LINE_UNMAPPED warnings,
 *   one per account, worded apart, which the pane folds into one group).
 * - `errors`: the warnings, plus "TBD" as the budget-year amount of G4's only line (its total must be marked),
 *   a share that is not a share, and a Results row for a measure that does not exist.
 */
export type PaneWorkbook = 'clean' | 'warnings' | 'errors';

type Rows = CellValue[][];

const SERIES = ['FY2024 Actual', 'FY2025 Enacted', 'FY2026 Request'];
const LINES: [string, string, string, number, number, number | string][] = [
  ['047-00-0110', 'Real Property Activities', '0001', 412_500, 425_000, 431_250],
  ['047-00-0110', 'Real Property Activities', '0002', 96_400, 101_300, 99_800],
  ['047-00-0401', 'Acquisition Services', '0001', 60_125, 61_900, 66_400],
  ['047-00-0600', 'Technology Modernization', '0001', 118_321, 125_000, 150_000],
  ['047-00-0700', 'Citizen Services', '0001', 52_000, 54_600, 57_300],
];
const CROSSWALK: Rows = [
  ['Account', 'Program Activity', 'Objective ID', 'Share', 'Basis'],
  ['047-00-0110', '0001', '1.1', '70%', 'Program activity: space and leasing'],
  ['047-00-0110', '0001', '1.2', '30%', 'Program activity: disposal'],
  ['047-00-0110', '0002', '1.2', '100%', 'Program activity: disposal'],
  ['047-00-0401', '', '2.1', '100%', 'Account: acquisition'],
  ['047-00-0600', '', '3.1', '100%', 'Account: technology'],
  ['047-00-0700', '', '4.1', '100%', 'Account: citizen services'],
];

export function paneWorkbook(kind: PaneWorkbook): Record<string, Rows> {
  const lines = LINES.map(([account, title, pa, py, cy, by]) => [
    account,
    title,
    pa,
    'Budget Authority',
    py,
    cy,
    by,
  ]);
  if (kind === 'errors') {
    const g4 = lines.find((l) => l[0] === '047-00-0700');
    if (g4) g4[6] = 'TBD';
  }
  if (kind !== 'clean')
    for (let i = 0; i < 16; i++)
      lines.push([
        `047-00-${String(5100 + i)}`,
        `Receipt account ${i + 1}`,
        '',
        'Budget Authority',
        1_000 + i,
        1_100 + i,
        1_200 + i,
      ]);
  const crosswalk = CROSSWALK.map((r) => [...r]);
  if (kind === 'errors') crosswalk.push(['047-00-0401', '0009', '2.1', 'most', 'Typed in words']);
  const results: Rows = [
    ['Measure ID', 'Fiscal Year', 'Target', 'Actual', 'Explanation'],
    ['M1', 2024, 95, 97, ''],
    ['M1', 2025, 96, 98, ''],
    ['M1', 2026, 97, '', ''],
    ['M2', 2024, 12, 10, ''],
    ['M2', 2025, 12, 9, 'Two disposals slipped into FY2026.'],
    ['M2', 2026, 12, '', ''],
    ['M3', 2024, 80, 70, ''],
    ['M3', 2025, 80, 75, 'Improving, short of target.'],
    ['M3', 2026, 82, '', ''],
    ['M4', 2024, 5, 6, ''],
    ['M4', 2025, 6, 7, ''],
    ['M4', 2026, 7, '', ''],
    ['M5', 2024, 90, 91, ''],
    ['M5', 2025, 90, 88, 'Call volume rose.'],
    ['M5', 2026, 90, '', ''],
    ['M6', 2025, 50, 55, ''],
  ];
  if (kind === 'errors') results.push(['M99', 2025, 10, 12, '']);
  return {
    Settings: [
      ['Setting', 'Value'],
      ['Agency', 'Example Services Administration'],
      ['Units', 'Thousands'],
      ['Budget Year', 2026],
      // Measures are judged in the base year: FY2025 has results, so the chart shows met, missed and improved.
      ['Base Year', 2025],
    ],
    Budget: [['Account', 'Account Title', 'Program Activity', 'Amount Type', ...SERIES], ...lines],
    Goals: [
      ['Goal ID', 'Goal'],
      ['G1', 'Real Estate'],
      ['G2', 'Acquisition'],
      ['G3', 'Technology'],
      ['G4', 'Service to the Public'],
    ],
    Objectives: [
      ['Objective ID', 'Goal ID', 'Objective'],
      ['1.1', 'G1', 'Reduce the cost of Federal space'],
      ['1.2', 'G1', 'Dispose of unneeded property'],
      ['2.1', 'G2', 'Make buying easier'],
      ['3.1', 'G3', 'Modernize Federal technology'],
      ['4.1', 'G4', 'Answer the public promptly'],
    ],
    Measures: [
      ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
      ['M1', '1.1', 'Leases replaced at or below market', 'Percentage', 'Rate', 'Increase'],
      ['M2', '1.2', 'Properties disposed of', 'Raw Count', 'Count', 'Increase'],
      ['M3', '2.1', 'Customer satisfaction score', 'Index', 'Index', 'Increase'],
      ['M4', '3.1', 'Systems modernized', 'Cumulative Total', 'Cumulative', 'Increase'],
      ['M5', '4.1', 'Calls answered within 2 minutes', 'Percentage', 'Rate', 'Increase'],
      ['M6', '4.1', 'Web forms retired', 'Raw Count', 'Count', 'Increase'],
    ],
    Results: results,
    Crosswalk: crosswalk,
  };
}

/** The workbook as an .xlsx, each table on its own sheet with its header in row 1. */
export async function workbookXlsx(tables: Record<string, Rows>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(tables)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row.map((v) => (v === '' ? null : v)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
