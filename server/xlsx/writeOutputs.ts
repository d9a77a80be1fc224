import ExcelJS from 'exceljs';
import {
  OUTPUT_SHEETS,
  OUTPUT_TABLE_TOP_LEFT,
  type MoneyDisplay,
  type OutputCell,
  type OutputTable,
} from '../../models';
import { parseCellAddress } from './cells';
import { OutputNameConflictError } from './errors';
import { columnWidthFor, internalLinkTarget, numberFormatFor } from './formats';
import { repairInternalHyperlinks } from './internalLinks';
import { loadWorkbook, tablesOf } from './readGrids';

const TABLE_STYLE = 'TableStyleLight9';
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 12 };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
const EXCEL_MAX_TEXT = 32767;
const HEADER = parseCellAddress(OUTPUT_TABLE_TOP_LEFT);

/**
 * The input workbook with the engine's output sheets in it: every sheet the engine owns (or is about to
 * write) is replaced whole, every other sheet is left as exceljs read it, and each output table goes on its
 * own sheet, after the inputs, as an Excel table of the same name.
 */
export async function writeCrosswalkWorkbook(
  input: Buffer | Uint8Array | null,
  tables: OutputTable[],
  money: MoneyDisplay,
): Promise<Buffer> {
  tables.forEach((table) => assertTableName(table.name));
  const workbook = input === null ? new ExcelJS.Workbook() : await loadWorkbook(input);
  removeOwnedSheets(workbook, tables);
  refuseNameConflicts(workbook, tables);
  for (const table of tables) addOutputSheet(workbook, table, money);
  keepWorkbookViewInRange(workbook);
  const written: unknown = await workbook.xlsx.writeBuffer();
  return repairInternalHyperlinks(toNodeBuffer(written));
}

function removeOwnedSheets(workbook: ExcelJS.Workbook, tables: OutputTable[]): void {
  const owned = new Set<string>([...OUTPUT_SHEETS, ...tables.map((t) => t.name)].map((n) => n.toLowerCase()));
  for (const worksheet of workbook.worksheets) {
    if (owned.has(worksheet.name.toLowerCase())) workbook.removeWorksheet(worksheet.id);
  }
}

/** Excel table names (and defined names) are unique across a workbook; a clash would corrupt the file. */
function refuseNameConflicts(workbook: ExcelJS.Workbook, tables: OutputTable[]): void {
  const wanted = new Set(tables.map((t) => t.name.toLowerCase()));
  for (const worksheet of workbook.worksheets) {
    for (const { name } of tablesOf(worksheet)) {
      if (wanted.has(name.toLowerCase())) throw new OutputNameConflictError(name, worksheet.name);
    }
  }
  for (const { name, ranges } of workbook.definedNames.model) {
    if (wanted.has(name.toLowerCase()))
      throw new OutputNameConflictError(name, ranges[0]?.split('!')[0] ?? '');
  }
}

function addOutputSheet(workbook: ExcelJS.Workbook, table: OutputTable, money: MoneyDisplay): void {
  const worksheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER.row }],
  });
  const title = worksheet.getCell(1, HEADER.column);
  title.value = table.title;
  title.font = TITLE_FONT;

  const width = table.columns.length;
  // Column styles are set before the table so every cell it creates inherits its number format.
  table.columns.forEach((column, i) => {
    const sheetColumn = worksheet.getColumn(HEADER.column + i);
    sheetColumn.width = columnWidthFor(
      column,
      table.rows.map((row) => row[i] ?? null),
      money,
    );
    const numFmt = numberFormatFor(column.format, money);
    if (numFmt !== undefined) sheetColumn.numFmt = numFmt;
  });

  worksheet.addTable({
    name: table.name,
    displayName: table.name,
    ref: OUTPUT_TABLE_TOP_LEFT,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: uniqueColumnNames(table.columns.map((c) => c.name)).map((name) => ({
      name,
      filterButton: true,
    })),
    // Excel refuses a table without a body row, so an empty result gets one blank row.
    rows: table.rows.length > 0 ? table.rows.map((row) => writableRow(row, width)) : [writableRow([], width)],
  });
  emphasizeTotals(worksheet, table);
  addLinks(worksheet, table);
}

/**
 * Plain values only: data is never turned into a formula (exceljs writes every string as text, so
 * `=HYPERLINK(...)` from a workbook stays inert), and values Excel cannot store are made visible instead.
 */
function writableRow(row: readonly OutputCell[], width: number): ExcelJS.CellValue[] {
  return Array.from({ length: width }, (_, i): ExcelJS.CellValue => {
    const value = row[i] ?? null;
    if (typeof value === 'number' && !Number.isFinite(value)) return { error: '#NUM!' };
    if (typeof value === 'string' && value.length > EXCEL_MAX_TEXT) return value.slice(0, EXCEL_MAX_TEXT);
    return value;
  });
}

/** Subtotal (goal) and total rows are bold, as in budget exhibits; a total also gets a rule above it. */
function emphasizeTotals(worksheet: ExcelJS.Worksheet, table: OutputTable): void {
  table.rowKinds?.forEach((kind, i) => {
    if (kind === 'detail' || i >= table.rows.length) return;
    const row = worksheet.getRow(HEADER.row + 1 + i);
    for (let c = 0; c < table.columns.length; c++) {
      const cell = row.getCell(HEADER.column + c);
      cell.font = { ...cell.font, bold: true };
      if (kind === 'total') cell.border = { ...cell.border, top: { style: 'thin' } };
    }
  });
}

/** Each linked row's `Cell` column (else its first column) jumps to the place in the workbook it names. */
function addLinks(worksheet: ExcelJS.Worksheet, table: OutputTable): void {
  if (!table.links) return;
  const linkColumn = Math.max(
    0,
    table.columns.findIndex((c) => c.name.toLowerCase() === 'cell'),
  );
  table.links.forEach((link, i) => {
    if (!link || i >= table.rows.length) return;
    const shown = table.rows[i]?.[linkColumn];
    const cell = worksheet.getCell(HEADER.row + 1 + i, HEADER.column + linkColumn);
    cell.value = {
      text: shown === null || shown === undefined ? link : String(shown),
      hyperlink: `#${internalLinkTarget(link)}`,
    };
    cell.font = { ...cell.font, ...LINK_FONT };
  });
}

/** Excel would rename duplicate headers itself (`Name2`); doing it here keeps the table valid. */
function uniqueColumnNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const base = name.trim() === '' ? 'Column' : name;
    let candidate = base;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${base}${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

// Excel's rules for table names: a letter, `_` or `\` first; then letters, digits, `_`, `.`, `\`; never
// something that reads as a cell reference (`FY2018`, `R1C1`).
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const CELL_LIKE = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*|[RrCc])$/;

function assertTableName(name: string): void {
  if (!TABLE_NAME.test(name) || CELL_LIKE.test(name)) {
    throw new Error(`"${name}" cannot be an Excel table name.`);
  }
}

/** A workbook whose active tab was one of the removed sheets would open with a repair prompt. */
function keepWorkbookViewInRange(workbook: ExcelJS.Workbook): void {
  const sheetCount = workbook.worksheets.length;
  for (const view of workbook.views ?? []) {
    if (view.activeTab >= sheetCount) view.activeTab = 0;
    if (view.firstSheet >= sheetCount) view.firstSheet = 0;
  }
}

function toNodeBuffer(written: unknown): Buffer {
  if (Buffer.isBuffer(written)) return written;
  if (written instanceof ArrayBuffer) return Buffer.from(written);
  if (written instanceof Uint8Array)
    return Buffer.from(written.buffer, written.byteOffset, written.byteLength);
  throw new Error('exceljs returned no workbook bytes.');
}
