import type ExcelJS from 'exceljs';
import { excelJs } from './excelJs';
import type { CellValue, GridTable, WorkbookGrids } from '../../models';
import { findCalculatedBlanks } from './calculatedBlanks';
import { cellAddress, parseA1, parseRange } from '../../models/a1';
import { gridValueOf } from './cells';
import { UnreadableWorkbookError, WorkbookTooLargeError } from './errors';
import type { ZipLimits } from './package/guard';
import { readDirect, type TableShape } from './package/directReader';
import { asBuffer, openXlsx } from './package/node';
import { Unsupported } from './package/xmlBytes';

export type { TableShape } from './package/directReader';

export interface ReadLimits extends ZipLimits {
  /** Non-empty cells read across all sheets; default 5,000,000. */
  maxCells?: number;
}

const DEFAULT_MAX_CELLS = 5_000_000;
// Grids pad each row with nulls up to its last value, so a stray value far to the right (or far down) costs
// memory without counting as many cells. The padded size is bounded as a multiple of the cell budget.
const PADDED_PER_FILLED = 4;

/** A worksheet's values, sparse: only rows that hold a value, each a sparse array indexed by column - 1. */
interface SheetValues {
  sheet: string;
  rows: Map<number, CellValue[]>;
}

/** One worksheet as read, by either reader: its values and its Excel tables. */
interface ReadSheet {
  values: SheetValues;
  tables: TableShape[];
}

/**
 * Every Excel table in the workbook, then every non-empty worksheet read as a table from its first row. The
 * direct reader reads it when it can; a workbook it does not handle is read by exceljs, whole (see
 * package/directReader.ts for when). Both give the same grids.
 */
export async function readWorkbookGrids(
  input: Buffer | Uint8Array,
  opts: ReadLimits = {},
): Promise<WorkbookGrids> {
  try {
    return await readWorkbookGridsDirect(input, opts);
  } catch (error) {
    if (error instanceof Unsupported) return readWorkbookGridsExcelJs(input, opts);
    throw error;
  }
}

/** The direct reader alone: throws `Unsupported` for a workbook it does not handle (for tests and tools). */
export async function readWorkbookGridsDirect(
  input: Buffer | Uint8Array,
  opts: ReadLimits = {},
): Promise<WorkbookGrids> {
  const pkg = await openXlsx(asBuffer(input), opts);
  const budget = new CellBudget(opts.maxCells ?? DEFAULT_MAX_CELLS);
  let sheets;
  try {
    sheets = await readDirect(pkg, () => budget.addFilled());
  } finally {
    // The parts this reader left unread (themes, pictures) are not held for the rest of the request.
    pkg.releaseChecked();
  }
  return gridsOf(
    sheets.map(({ sheet, rows, tables }) => ({ values: { sheet, rows }, tables })),
    budget,
  );
}

/** The exceljs reader alone, as every workbook was read before the direct reader (the fallback). */
export async function readWorkbookGridsExcelJs(
  input: Buffer | Uint8Array,
  opts: ReadLimits = {},
): Promise<WorkbookGrids> {
  const buf = asBuffer(input);
  const workbook = await loadWorkbook(buf, opts);
  const budget = new CellBudget(opts.maxCells ?? DEFAULT_MAX_CELLS);
  const sheets = workbook.worksheets.map((worksheet) => ({
    worksheet,
    values: readSheetValues(worksheet, budget),
  }));

  const uncalculated = new Map(
    sheets.flatMap(({ values }) =>
      values.uncalculated.size > 0 ? [[values.values.sheet, values.uncalculated]] : [],
    ),
  );
  const blanks = await findCalculatedBlanks(buf, uncalculated);
  for (const { values } of sheets) clearCells(values.values, blanks.get(values.values.sheet));
  return gridsOf(
    sheets.map(({ worksheet, values }) => ({ values: values.values, tables: tablesOf(worksheet) })),
    budget,
  );
}

function gridsOf(sheets: readonly ReadSheet[], budget: CellBudget): WorkbookGrids {
  const tableGrids = sheets.flatMap(({ values, tables }) =>
    tables.map((table) => tableGrid(values, table, budget)),
  );
  const sheetGrids = sheets.flatMap(({ values }) => sheetGrid(values, budget) ?? []);
  return { tables: [...tableGrids, ...sheetGrids] };
}

/** Reads back one table by its exact name, rows padded to the header's width (for tests and tools). */
export async function readOutputTable(
  input: Buffer | Uint8Array,
  name: string,
  limits: ReadLimits = {},
): Promise<{ header: string[]; rows: CellValue[][] }> {
  const { tables } = await readWorkbookGrids(input, limits);
  const table = tables.find((t) => t.source === 'table' && t.name === name);
  if (!table) throw new Error(`The workbook has no table named ${name}.`);
  const width = table.header.length;
  return {
    header: table.header.map((h) =>
      h === null ? '' : typeof h === 'object' ? JSON.stringify(h) : String(h),
    ),
    rows: table.rows.map((row) => [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill(null)]),
  };
}

/**
 * Opens the package (directory guard, every part's size verified, macro/template/add-in refusal), then lets
 * exceljs load it; anything exceljs cannot parse is reported as a damaged workbook.
 */
export async function loadWorkbook(
  input: Buffer | Uint8Array,
  limits: ZipLimits = {},
): Promise<ExcelJS.Workbook> {
  const buf = asBuffer(input);
  // exceljs inflates the parts itself: the checked copies are let go before it does.
  (await openXlsx(buf, limits)).releaseChecked();
  const workbook = new (excelJs().Workbook)();
  try {
    // exceljs declares its own ArrayBuffer-shaped `Buffer`; at runtime it takes a Node Buffer.
    await workbook.xlsx.load(buf as unknown as Parameters<ExcelJS.Workbook['xlsx']['load']>[0]);
  } catch (cause) {
    throw new UnreadableWorkbookError('damaged', { cause });
  }
  return workbook;
}

class CellBudget {
  private filled = 0;
  private padded = 0;
  constructor(private readonly maxFilled: number) {}

  addFilled(): void {
    if (++this.filled > this.maxFilled) throw WorkbookTooLargeError.cells(this.maxFilled);
  }

  addRows(rows: readonly CellValue[][]): void {
    for (const row of rows) this.padded += Math.max(1, row.length);
    if (this.padded > this.maxFilled * PADDED_PER_FILLED) throw WorkbookTooLargeError.cells(this.maxFilled);
  }
}

/** A worksheet's values through exceljs, with the addresses of formulas it found no result for (see calculatedBlanks.ts). */
function readSheetValues(
  worksheet: ExcelJS.Worksheet,
  budget: CellBudget,
): { values: SheetValues; uncalculated: Set<string> } {
  const values: SheetValues = { sheet: worksheet.name, rows: new Map() };
  const uncalculated = new Set<string>();
  // Only rows holding a value are visited, so a million formatted-but-blank rows cost nothing here.
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = gridValueOf(cell);
      if (value === null) return;
      budget.addFilled();
      cells[column - 1] = value;
      if (typeof value === 'object' && 'formula' in value) uncalculated.add(cell.address);
    });
    if (cells.length > 0) values.rows.set(rowNumber, cells);
  });
  return { values, uncalculated };
}

function clearCells(values: SheetValues, addresses: ReadonlySet<string> | undefined): void {
  for (const address of addresses ?? []) {
    const { row, column } = parseA1(address);
    const cells = values.rows.get(row);
    if (!cells) continue;
    cells[column - 1] = null;
    if (cells.every((v) => v === null)) values.rows.delete(row);
  }
}

/** First and last row holding a value; rows are visited in ascending order, so the map keeps that order. */
function rowBounds(values: SheetValues): { first: number; last: number } | undefined {
  let first: number | undefined;
  let last = 0;
  for (const row of values.rows.keys()) {
    first ??= row;
    last = row;
  }
  return first === undefined ? undefined : { first, last };
}

/** Columns `left`..`right` (1-based, inclusive) of one row, blanks as null, trailing blanks trimmed. */
function rowSlice(values: SheetValues, rowNumber: number, left: number, right = Infinity): CellValue[] {
  const cells = values.rows.get(rowNumber);
  if (!cells) return [];
  const out: CellValue[] = [];
  for (let c = left - 1; c < Math.min(cells.length, right); c++) out.push(cells[c] ?? null);
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

function sheetGrid(values: SheetValues, budget: CellBudget): GridTable | null {
  const bounds = rowBounds(values);
  if (!bounds) return null;
  const top = bounds.first;
  const left = (values.rows.get(top) ?? []).findIndex((v) => v !== undefined && v !== null) + 1;
  const rows: CellValue[][] = [];
  for (let r = top + 1; r <= bounds.last; r++) rows.push(rowSlice(values, r, left));
  budget.addRows(rows);
  return {
    name: values.sheet,
    source: 'sheet',
    sheet: values.sheet,
    topLeft: cellAddress(top, left),
    header: rowSlice(values, top, left),
    rows,
  };
}

/** The Excel tables (ListObjects) on a worksheet, as their name, range and whether a totals row ends them. */
export function tablesOf(worksheet: ExcelJS.Worksheet): TableShape[] {
  // exceljs types getTables() oddly; at runtime it is the Table objects, each holding its parsed model.
  const tables: unknown[] = worksheet.getTables();
  return tables.flatMap((table): TableShape[] => {
    const model = typeof table === 'object' && table !== null && 'model' in table ? table.model : undefined;
    if (typeof model !== 'object' || model === null) return [];
    const name = 'name' in model ? model.name : undefined;
    const ref = 'tableRef' in model ? model.tableRef : 'ref' in model ? model.ref : undefined;
    if (typeof name !== 'string' || typeof ref !== 'string') return [];
    return [{ name, ref, hasTotalsRow: 'totalsRow' in model && model.totalsRow === true }];
  });
}

function tableGrid(values: SheetValues, table: TableShape, budget: CellBudget): GridTable {
  const { top, left, bottom, right } = parseRange(table.ref);
  // Every table is taken to have a header row: exceljs reads Excel's default (the attribute left out) as
  // "no header", and a table without headers cannot be matched to the contract's columns anyway.
  const headerCells = values.rows.get(top) ?? [];
  const header = Array.from({ length: right - left + 1 }, (_, i) => headerCells[left - 1 + i] ?? null);
  const bodyEnd = Math.min(bottom - (table.hasTotalsRow ? 1 : 0), rowBounds(values)?.last ?? 0);
  const rows: CellValue[][] = [];
  for (let r = top + 1; r <= bodyEnd; r++) rows.push(rowSlice(values, r, left, right));
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  budget.addRows(rows);
  return {
    name: table.name,
    source: 'table',
    sheet: values.sheet,
    topLeft: cellAddress(top, left),
    header,
    rows,
  };
}
