/**
 * What the example builders share: writing an input table as an Excel table, checking its columns against the
 * contract, a README sheet of plain lines, and fixed dates and zip timestamps, so that a builder writes the
 * same bytes on every run and a committed example changes only when its builder or its data change.
 */
import ExcelJS from 'exceljs';
import { INPUT_TABLES, type InputColumnSpec } from '../models/inputs';

export const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
export const AMOUNT_FORMAT = '#,##0;(#,##0)';

export type Cell = string | number | null;

export interface TableSheet {
  sheet: string;
  table: string;
  columns: { name: string; width: number; amount?: boolean; numFmt?: string }[];
  rows: Cell[][];
}

/** A Budget amount column: `FY2018`, `2018`, or with a version label (`FY2016 Est.`, `2026 est.`). */
const SERIES_HEADER = /^(FY\s*)?(19|20)\d{2}(\s+\S.*)?$/i;

/** Every column written is one the contract (models/inputs.ts) names for that table, or a documented extra. */
export function checkColumns(
  key: keyof typeof INPUT_TABLES,
  names: readonly string[],
  extras: readonly string[] = [],
): void {
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const known = new Set<string>();
  const columns: readonly InputColumnSpec[] = INPUT_TABLES[key].columns;
  for (const c of columns) {
    known.add(norm(c.name));
    for (const a of c.aliases ?? []) known.add(norm(a));
  }
  for (const name of names) {
    const series = key === 'Budget' && SERIES_HEADER.test(name);
    if (!known.has(norm(name)) && !extras.includes(name) && !series) {
      throw new Error(`Column "${name}" is not in the ${INPUT_TABLES[key].name} contract`);
    }
  }
}

/** A workbook with fixed metadata dates (exceljs would otherwise stamp the time of the run). */
export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Throughline example builder';
  wb.lastModifiedBy = 'Throughline example builder';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = title;
  return wb;
}

/** Plain lines in column A, no table; `bold` lists the 1-based rows to emphasise (row 1 is the title). */
export function addReadmeSheet(
  wb: ExcelJS.Workbook,
  lines: readonly string[],
  bold: readonly number[],
): void {
  const readme = wb.addWorksheet('README');
  readme.getColumn(1).width = 120;
  lines.forEach((line, i) => {
    if (line) readme.getCell(i + 1, 1).value = line;
  });
  readme.getCell(1, 1).font = { bold: true, size: 14 };
  for (const row of bold) readme.getCell(row, 1).font = { bold: true };
}

export function addTableSheet(wb: ExcelJS.Workbook, spec: TableSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addTable({
    name: spec.table,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: spec.columns.map((c) => ({ name: c.name, filterButton: true })),
    rows: spec.rows,
  });
  spec.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.amount) column.numFmt = AMOUNT_FORMAT;
    if (c.numFmt) column.numFmt = c.numFmt;
  });
  for (let i = 1; i <= spec.columns.length; i++) ws.getRow(1).getCell(i).font = { bold: true };
  return ws;
}

/** Sets every zip entry's DOS timestamp to FIXED_DATE, so the file is the same bytes on every run. */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const d = FIXED_DATE;
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  let eocd = out.length - 22;
  while (eocd >= 0 && out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('Not a zip file: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('Unexpected zip central directory layout');
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('Unexpected zip local header layout');
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The finished workbook's bytes, timestamps fixed. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return fixZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()));
}
