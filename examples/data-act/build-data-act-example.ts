/**
 * Builds the DATA Act worked example in examples/data-act/: the File A and File B CSVs in the broker's layout
 * (a pair that ties out, and a pair with findings), the clean pair as USAspending's downloads would show it, and
 * data-act-example.xlsx, a workbook with Goals, Objectives, Crosswalk, File A and File B and no Budget table (the
 * engine derives the Budget from File B). Run it with `npx tsx examples/data-act/build-data-act-example.ts`.
 *
 * Every number is invented (examples/data-act/exampleData.ts). The script writes the same bytes on every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { GridTable } from '../../models';
import { CLI_CSV_LIMITS, dataActCsvGrid, type DataActSheet } from '../../server/csv';
import { columnKinds } from '../../server/csv/fileCsv';
import { F } from '../../server/engine/dataAct/reference/fields';
import {
  addReadmeSheet,
  addTableSheet,
  checkColumns,
  newWorkbook,
  workbookBytes,
  type Cell,
} from '../workbook';
import { toCsv } from './toCsv';
import { CLEAN_A, CLEAN_B, FINDINGS_A, FINDINGS_B, NAMES, PERIOD } from './exampleData';
import {
  BROKER_A_COLUMNS,
  BROKER_B_COLUMNS,
  brokerTable,
  usaspendingFileA,
  usaspendingFileB,
} from './layouts';

const DIR = __dirname;

/** The files, by name: what the README describes and the tests read. */
export function exampleFiles(): Record<string, string[][]> {
  const xRows = CLEAN_B.filter((r) => r[F.pya] === 'X');
  return {
    'file-a.csv': brokerTable(BROKER_A_COLUMNS, CLEAN_A),
    'file-b.csv': brokerTable(BROKER_B_COLUMNS, CLEAN_B),
    'file-a-findings.csv': brokerTable(BROKER_A_COLUMNS, FINDINGS_A),
    'file-b-findings.csv': brokerTable(BROKER_B_COLUMNS, FINDINGS_B),
    'file-a-usaspending.csv': usaspendingFileA(CLEAN_A, NAMES, PERIOD),
    'file-b-usaspending.csv': usaspendingFileB(xRows, NAMES, PERIOD),
  };
}

/**
 * A CSV pasted at A1 of its sheet: the cells the CSV intake (server/csv) reads from the file, so the workbook's
 * sheet and the CSV given on its own are the same grid (amounts as numbers, codes as text with their zeros).
 */
function addCsvSheet(wb: ExcelJS.Workbook, sheet: DataActSheet, table: string[][]): void {
  const grid: GridTable = dataActCsvGrid(
    sheet,
    { name: sheet, bytes: Buffer.from(toCsv(table)) },
    CLI_CSV_LIMITS,
  );
  const header = grid.header.map(String);
  const kinds = columnKinds(sheet === 'File A' ? 'A' : 'B', header);
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const row of grid.rows) ws.addRow(row as Cell[]);
  header.forEach((name, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.min(24, Math.max(10, name.length / 2));
    column.numFmt = kinds[i] === 'amount' ? '#,##0.00;(#,##0.00)' : '@';
  });
}

/** The README sheet of each workbook: the one with File A and File B pasted in, and the one they are given beside. */
const README: Record<'pasted' | 'beside', { lines: string[]; bold: number[] }> = {
  pasted: {
    lines: [
      'Throughline example: DATA Act File A and File B, with the Budget derived from File B',
      '',
      "INVENTED NUMBERS in the broker's own layout: two General Services Administration accounts (agency 047), FY2024 period 12.",
      '  File A and File B are the CSVs in examples/data-act/ (file-a.csv, file-b.csv) pasted at A1, so a finding at File B!A7 is line 7 of the file.',
    ],
    bold: [3, 10],
  },
  beside: {
    lines: [
      'Throughline example: DATA Act File A and File B given as CSV files beside this workbook',
      '',
      "INVENTED NUMBERS in the broker's own layout: two General Services Administration accounts (agency 047), FY2024 period 12.",
      '  This workbook has no File A or File B sheet: give the CSVs in examples/data-act/ with it (--file-a and --file-b on the command line,',
      '  or the File A and File B pickers of the browser page). A finding at File B!A7 is then line 7 of the CSV.',
    ],
    bold: [3, 11],
  },
};

async function buildWorkbook(files: Record<string, string[][]>, form: 'pasted' | 'beside'): Promise<Buffer> {
  const wb = newWorkbook('Throughline example: DATA Act File A and File B');
  const run =
    form === 'pasted'
      ? 'npm run crosswalk -- examples/data-act/data-act-example.xlsx -o out/data-act.xlsx'
      : 'npm run crosswalk -- examples/data-act/data-act-crosswalk.xlsx --file-a examples/data-act/file-a.csv --file-b examples/data-act/file-b.csv -o out/data-act.xlsx';
  addReadmeSheet(
    wb,
    [
      ...README[form].lines,
      '  There is no Budget sheet: the engine derives the Budget from File B (PYA X rows; obligations and gross outlays as positive amounts).',
      '  Settings names the submission period (FY2024P12), since broker-format files do not carry it.',
      "  The pair ties out: the TieOut sheet has no findings, and the Budget's obligations total $8,535,751.00, File A's total to the cent.",
      '  For a pair with a finding under every rule, run file-a-findings.csv and file-b-findings.csv (see examples/data-act/README.md).',
      '',
      "ILLUSTRATIVE: the Goals, Objectives and Crosswalk shares were set by Throughline's developers to show the method; they are not GSA's.",
      '',
      'Rebuild this workbook: npx tsx examples/data-act/build-data-act-example.ts',
      `Run the crosswalk:     ${run}`,
    ],
    README[form].bold,
  );
  const settings = {
    sheet: 'Settings',
    table: 'Settings',
    columns: [
      { name: 'Setting', width: 20 },
      { name: 'Value', width: 40 },
    ],
    rows: [
      ['Agency', NAMES.agency],
      ['Units', 'Dollars'],
      ['Cost Basis', 'Obligations'],
      ['Submission Period', PERIOD],
    ],
  };
  addTableSheet(wb, settings);
  const goals = {
    sheet: 'Goals',
    table: 'Goals',
    columns: [
      { name: 'Goal ID', width: 10 },
      { name: 'Goal', width: 60 },
    ],
    rows: [
      ['G1', 'Provide federal agencies with cost-effective workspace'],
      ['G2', 'Lead sound government-wide management policy'],
    ],
  };
  const objectives = {
    sheet: 'Objectives',
    table: 'Objectives',
    columns: [
      { name: 'Objective ID', width: 14 },
      { name: 'Goal ID', width: 10 },
      { name: 'Objective', width: 60 },
    ],
    rows: [
      ['1.1', 'G1', 'Lease space at or below market rates'],
      ['1.2', 'G1', 'Operate federal buildings efficiently'],
      ['2.1', 'G2', 'Issue and oversee government-wide policy'],
    ],
  };
  const basis = 'Illustrative, set by Throughline developers';
  const crosswalk = {
    sheet: 'Crosswalk',
    table: 'Crosswalk',
    columns: [
      { name: 'Account', width: 26 },
      { name: 'Program Activity', width: 18 },
      { name: 'Objective ID', width: 14 },
      { name: 'Share', width: 10 },
      { name: 'Basis', width: 44 },
    ],
    rows: [
      ['047-X-4542-000', '0001', '1.1', 1, basis],
      ['047-X-4542-000', '0002', '1.2', 1, basis],
      ['047-2024/2024-0110-000', '', '2.1', 1, basis],
    ],
  };
  for (const t of [goals, objectives, crosswalk]) {
    checkColumns(
      t.table as 'Goals' | 'Objectives' | 'Crosswalk',
      t.columns.map((c) => c.name),
    );
    addTableSheet(wb, t);
  }
  if (form === 'pasted') {
    addCsvSheet(wb, 'File A', files['file-a.csv'] as string[][]);
    addCsvSheet(wb, 'File B', files['file-b.csv'] as string[][]);
  }
  return workbookBytes(wb);
}

async function main(): Promise<void> {
  const files = exampleFiles();
  for (const [name, table] of Object.entries(files)) writeFileSync(join(DIR, name), toCsv(table));
  writeFileSync(join(DIR, 'data-act-example.xlsx'), await buildWorkbook(files, 'pasted'));
  writeFileSync(join(DIR, 'data-act-crosswalk.xlsx'), await buildWorkbook(files, 'beside'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
