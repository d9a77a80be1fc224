import type { OutputCell, OutputTable } from './grid';

/**
 * Tables too long for a sheet. A worksheet holds 1,048,576 rows; an output's title, blank row and header take
 * three. CrosswalkDetail (one row per budget line and target) is the table that outgrows it, and a user may set
 * a smaller size for it. A table past its size is never cut short: its sheet keeps the header and one note row
 * saying where the whole table is (a CSV beside the workbook) and how many rows it has.
 */
export const SHEET_BODY_ROWS = 1_048_576 - 3;

export const DETAIL_TABLE = 'CrosswalkDetail';

/**
 * The most CrosswalkDetail rows kept on its sheet when a CSV can carry the rest (the command line always, the
 * API with `csv=true`), unless the user sets another size. Past about 100,000 rows (1.7 million cells) the
 * detail is data to filter and pivot rather than a sheet to read, and it would make the workbook slow to open:
 * a 100,000-line department's detail (about 200,000 rows) triples the cells LibreOffice must load. Excel's
 * own limit (SHEET_BODY_ROWS) stays the default where no CSV can be written (the add-in, the API without csv).
 */
export const WORKBOOK_DETAIL_ROWS = 100_000;

export interface OversizeOptions {
  /** The most rows CrosswalkDetail may have on its sheet (at most, and by default, SHEET_BODY_ROWS). */
  maxDetailRows?: number;
  /** The file name (no folder) the caller writes a table's CSV to; none when it writes no CSV. */
  csvName?: (table: string) => string;
}

/** The most body rows a table may have on its sheet. */
export function sheetRowLimit(table: string, maxDetailRows = SHEET_BODY_ROWS): number {
  return table === DETAIL_TABLE ? Math.min(maxDetailRows, SHEET_BODY_ROWS) : SHEET_BODY_ROWS;
}

/** The tables that do not fit their sheet: the ones a CSV must carry. The one place this is decided. */
export function oversizedTables(tables: readonly OutputTable[], maxDetailRows?: number): OutputTable[] {
  return tables.filter((t) => t.rows.length > sheetRowLimit(t.name, maxDetailRows));
}

/** The tables as their sheets show them: each oversized one as its header and a note (see noteTable). */
export function tablesForSheets(
  tables: readonly OutputTable[],
  options: OversizeOptions = {},
): OutputTable[] {
  const oversized = new Set(oversizedTables(tables, options.maxDetailRows));
  return tables.map((t) => (oversized.has(t) ? noteTable(t, options.csvName?.(t.name) ?? null) : t));
}

/**
 * The sheet of a table written elsewhere: the same name, title and columns (so readers and re-runs know it),
 * and one row whose first cell says where the rows are.
 */
function noteTable(table: OutputTable, csv: string | null): OutputTable {
  const rows = `${table.rows.length.toLocaleString('en-US')} rows`;
  const note =
    csv === null
      ? `${table.name} has ${rows}, more than this sheet is set to hold, and no CSV was asked for. Run the command line (it writes the table as a CSV beside the workbook) or the API's /crosswalk for every row.`
      : `${table.name} has ${rows}, more than this sheet is set to hold: the whole table is in ${csv}, beside this workbook.`;
  const row: OutputCell[] = table.columns.map((_, i) => (i === 0 ? note : null));
  return { name: table.name, title: table.title, columns: table.columns, rows: [row] };
}
