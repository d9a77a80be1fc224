import type { MoneyDisplay, OutputCell, OutputTable } from '../../models';
import { cellNumberFormat, uniqueColumnNames } from '../../server/xlsx/formats';

export { uniqueColumnNames };

/**
 * How an output table is cut into writes. Excel on the web refuses a request over 5 MB, so values go in
 * blocks of rows whose estimated payload stays under a budget with room to spare. Pure: the writer and the
 * tests share it.
 */

/** Excel on the web's limit on one request's (and one response's) payload. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What the writer allows itself per sync: a fifth below the limit, for the protocol's own wrapping. */
export const WRITE_BUDGET_BYTES = 4 * 1024 * 1024;
/** Estimated cost of one queued action (object path, method or property name, ids) besides its arguments. */
export const ACTION_BYTES = 160;
/** Each request opens by suspending recalculation and screen updating: two actions. */
export const SUSPEND_BYTES = 2 * ACTION_BYTES;
/** The format that makes Excel store what is written as text: no formula, number or date is read into it. */
export const TEXT_FORMAT = '@';
const EXCEL_MAX_TEXT = 32767;

/** Rows `first`..`last` (indices into `table.rows`, inclusive) of one table; the first block carries the header. */
export interface WriteBlock {
  first: number;
  last: number;
  withHeader: boolean;
  /** Estimated request payload: values, number formats and hyperlinks of these rows. */
  bytes: number;
}

const encoder = new TextEncoder();
export const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/** A value as it is written: over-long text cut at Excel's limit, numbers JSON cannot carry left blank. */
export function writableValue(value: OutputCell | undefined): OutputCell {
  if (value === undefined) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (typeof value === 'string' && value.length > EXCEL_MAX_TEXT) return value.slice(0, EXCEL_MAX_TEXT);
  return value;
}

/** One cell's number format: its column's, with the row's row format (FTE rows) and value format (rates). */
function numberFormatOf(table: OutputTable, column: number, row: number, money: MoneyDisplay): string {
  const format = table.columns[column]?.format ?? 'text';
  return cellNumberFormat(format, table.rowFormats?.[row], table.valueFormats?.[row], money) ?? 'General';
}

/**
 * One row's values and number formats. Text always gets the text format, set in the same request before
 * the values: Office.js reads a string written to `values` as if typed, so `=HYPERLINK(…)` would become a
 * formula, `-5` or `0012` a number and `1/2` a date. Numbers and blanks get their column's format.
 */
export function rowCells(
  table: OutputTable,
  row: number,
  money: MoneyDisplay,
): { values: OutputCell[]; formats: string[] } {
  const source = table.rows[row] ?? [];
  const values = table.columns.map((_, c) => writableValue(source[c]));
  const formats = values.map((value, c) =>
    typeof value === 'string' ? TEXT_FORMAT : numberFormatOf(table, c, row, money),
  );
  return { values, formats };
}

/** The header row: the column names Excel's table will take, as text. */
export function headerCells(table: OutputTable): { values: string[]; formats: string[] } {
  const values = uniqueColumnNames(table.columns.map((c) => c.name));
  return { values, formats: values.map(() => TEXT_FORMAT) };
}

/** Estimated payload of one body row: its values, formats and (on linked rows) the link and its font. */
export function rowBytes(table: OutputTable, row: number, money: MoneyDisplay): number {
  const { values, formats } = rowCells(table, row, money);
  const link = table.links?.[row];
  const linkBytes = link ? 3 * ACTION_BYTES + jsonBytes(link) * 2 + 64 : 0;
  return jsonBytes(values) + jsonBytes(formats) + linkBytes;
}

/**
 * Consecutive blocks of rows, each under `budget` bytes, the request's own actions included.
 * A table with no rows still gets one block, for its header and the blank row Excel's table needs.
 */
export function planWrites(
  table: OutputTable,
  money: MoneyDisplay,
  budget: number = WRITE_BUDGET_BYTES,
): WriteBlock[] {
  const header = headerCells(table);
  // Two actions (formats, values); the request's own two "suspend until next sync" calls leave less room.
  const overhead = 2 * ACTION_BYTES;
  const room = budget - SUSPEND_BYTES;
  const headerBytes = jsonBytes(header.values) + jsonBytes(header.formats);
  const rowCount = Math.max(1, table.rows.length);
  const blocks: WriteBlock[] = [];
  let block: WriteBlock = { first: 0, last: -1, withHeader: true, bytes: overhead + headerBytes };
  for (let row = 0; row < rowCount; row++) {
    const bytes = rowBytes(table, row, money);
    if (overhead + bytes > room)
      throw new Error(
        `Row ${row + 1} of ${table.name} is too large to write to Excel in one request (${Math.ceil(bytes / 1024)} KB).`,
      );
    if (block.last >= block.first && block.bytes + bytes > room) {
      blocks.push(block);
      block = { first: row, last: row - 1, withHeader: false, bytes: overhead };
    }
    block.last = row;
    block.bytes += bytes;
  }
  blocks.push(block);
  return blocks;
}
