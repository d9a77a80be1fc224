import { quoteSheet } from '../../models/a1';
import type { ColumnFormat, MoneyDisplay, OutputCell, OutputColumn, ValueFormat } from '../../models';

/**
 * How output columns look, as plain data. Both writers (exceljs here, Office.js in the add-in) use these, so
 * a workbook looks the same whoever wrote it. Pure on purpose: nothing here may import exceljs or Office.js.
 */

/** A percent to `decimals` places, negatives in parentheses like the accounting format's. */
function percentFormat(decimals: number): string {
  const places = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return `0${places}%;(0${places}%)`;
}

/** A share: a percent to two decimals. */
const SHARE_FORMAT = percentFormat(2);

/**
 * The Excel number format of one cell: its column's, except that a row format replaces `money` (an FTE row's
 * amounts) and a value format replaces `number` (a rate measure's values, shown as percents at its precision).
 * Both writers choose through this, so a cell looks the same whoever wrote it.
 */
export function cellNumberFormat(
  column: ColumnFormat,
  rowFormat: ColumnFormat | null | undefined,
  valueFormat: ValueFormat | null | undefined,
  money: MoneyDisplay,
): string | undefined {
  if (column === 'number' && valueFormat) return percentFormat(valueFormat.decimals);
  return numberFormatFor(column === 'money' && rowFormat ? rowFormat : column, money);
}

/** The Excel number format for a column, or undefined to leave the cell's format alone (text). */
export function numberFormatFor(format: ColumnFormat, money: MoneyDisplay): string | undefined {
  switch (format) {
    case 'money': {
      const places = money.decimals > 0 ? `.${'0'.repeat(money.decimals)}` : '';
      // Excel's own Accounting format: aligned digits, negatives in parentheses, zero as a dash.
      return `_(* #,##0${places}_);_(* (#,##0${places});_(* "-"??_);_(@_)`;
    }
    case 'fte':
      return '#,##0.0';
    case 'share':
      // Negatives in parentheses, as the money beside them: (9.45%) next to (1,234), never -9.45%.
      return SHARE_FORMAT;
    case 'year':
      return '0';
    case 'integer':
      return '#,##0';
    case 'dollars':
      return '$#,##0.00';
    case 'ratio':
      return '0.00"x"';
    case 'number':
      return 'General';
    case 'text':
      return undefined;
    default:
      return unreachable(format);
  }
}

export const MIN_COLUMN_WIDTH = 8;
export const MAX_COLUMN_WIDTH = 60;
// The header's filter button covers about two characters of the header text.
const FILTER_BUTTON_WIDTH = 3;
const PADDING = 2;

/** Column width in Excel's character units: the given width, else the widest header or value shown. */
export function columnWidthFor(
  column: OutputColumn,
  values: Iterable<OutputCell>,
  money: MoneyDisplay,
): number {
  if (column.width !== undefined) return column.width;
  let widest = column.name.length + FILTER_BUTTON_WIDTH;
  for (const value of values) widest = Math.max(widest, displayLength(value, column.format, money) + PADDING);
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, widest));
}

/** A long text column (a note, an explanation, a measure's name) is this wide and wraps, so the sheet prints readably. */
export const WRAP_WIDTH = 30;
/**
 * Tables longer than this keep one line a row: they are data, not exhibits, and a wrapped cell makes Excel and
 * LibreOffice measure every row's height on open.
 */
export const MAX_WRAP_ROWS = 5_000;
/**
 * About how many characters of columns a landscape page still shows at a readable size (fit to width at about
 * two thirds). A table narrower than this prints readably as it is, so its text stays on one line: GSA's
 * ResourcesByGoal, about 200 characters, stays one page.
 */
export const PRINT_WIDTH = 220;

/**
 * Which columns wrap their text, from each column's natural width (columnWidthFor): in a table too wide to print
 * readably (wider than PRINT_WIDTH) and short enough to print, each text column without a set width whose values
 * are wider than WRAP_WIDTH. Otherwise the longest text runs past the table (or widens it to 60 characters) and
 * fit-to-width shrinks the whole page to an unreadable size.
 */
export function wrappedColumns(
  columns: readonly OutputColumn[],
  naturalWidths: readonly number[],
  rowCount: number,
): boolean[] {
  const total = naturalWidths.reduce((sum, w) => sum + w, 0);
  const wide = total > PRINT_WIDTH && rowCount <= MAX_WRAP_ROWS;
  return columns.map(
    (column, c) =>
      wide && column.format === 'text' && column.width === undefined && (naturalWidths[c] ?? 0) > WRAP_WIDTH,
  );
}

/**
 * The characters of ordinary text a line of a WRAP_WIDTH column holds: a width counts digits, and text is
 * narrower (LibreOffice prints "Depository Library Distribution (004-", 37 characters, on one line of it). A
 * little under what fits, so a row is never too short for its text, and not so far under that rows gape.
 */
const WRAP_CHARS = Math.round(WRAP_WIDTH * 1.15);
/** The same in bold (a subtotal or total row), whose letters are wider: about the width in digits. */
const WRAP_CHARS_BOLD = WRAP_WIDTH;

/** Excel's default row height in points (Calibri 11): one line of text. */
export const LINE_HEIGHT = 15;

/**
 * A row's height in points when its wrapped cells need more than one line, else null (the default). Written
 * with the row because LibreOffice keeps a stored row's height rather than measuring its wrapped text, so
 * without it the lines of a long note overprint the rows below. A bold row (a subtotal or total) fits fewer
 * characters a line.
 */
export function wrappedRowHeight(
  values: readonly OutputCell[],
  wrap: readonly boolean[],
  bold = false,
): number | null {
  const width = bold ? WRAP_CHARS_BOLD : WRAP_CHARS;
  let lines = 1;
  wrap.forEach((wraps, c) => {
    const value = values[c];
    if (wraps && typeof value === 'string') lines = Math.max(lines, wrappedLines(value, width));
  });
  return lines > 1 ? lines * LINE_HEIGHT : null;
}

/**
 * How many lines a text takes wrapped at word breaks within `width` characters (a word longer than that is cut).
 * Excel and LibreOffice also break after a hyphen, so `(004-0201-0-1-808)` can end one line and start the next.
 */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = 0;
    lines++;
    for (const [word, gap] of breakable(paragraph)) {
      const needed = used === 0 ? word.length : used + gap + word.length;
      if (needed <= width) used = needed;
      else if (used === 0) {
        lines += Math.ceil(word.length / width) - 1;
        used = word.length % width || width;
      } else {
        lines++;
        used = Math.min(word.length, width);
        lines += Math.max(0, Math.ceil(word.length / width) - 1);
      }
    }
  }
  return Math.max(1, lines);
}

/** A line's pieces between break opportunities, each with the space before it: `a b-c` is a, b-, c. */
function breakable(line: string): [string, number][] {
  const pieces: [string, number][] = [];
  for (const word of line.split(' '))
    word.split(/(?<=-)/).forEach((piece, i) => pieces.push([piece, i === 0 ? 1 : 0]));
  return pieces;
}

/** About how many characters Excel shows for a value in a column of this format. */
export function displayLength(value: OutputCell, format: ColumnFormat, money: MoneyDisplay): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'string') return Math.max(0, ...value.split(/\r?\n/).map((line) => line.length));
  const sign = value < 0 ? 1 : 0;
  switch (format) {
    case 'money':
      // Accounting pads both sides and wraps negatives in parentheses.
      return groupedDigits(value) + decimalsLength(money.decimals) + 3;
    case 'fte':
      return groupedDigits(value) + 2 + sign;
    case 'share':
      return (Math.abs(value) * 100).toFixed(2).length + 1 + 2 * sign;
    case 'year':
      return String(Math.round(value)).length;
    case 'integer':
      return groupedDigits(value) + sign;
    case 'dollars':
      return groupedDigits(value) + 4 + sign;
    case 'ratio':
      return Math.abs(value).toFixed(2).length + 1 + sign;
    case 'number':
    case 'text':
      // Excel's General format shows at most 11 characters of a number.
      return Math.min(String(value).length, 11);
    default:
      return unreachable(format);
  }
}

function groupedDigits(value: number): number {
  const digits = Math.max(1, Math.floor(Math.abs(value)).toString().length);
  return digits + Math.floor((digits - 1) / 3);
}

function decimalsLength(decimals: number): number {
  return decimals > 0 ? decimals + 1 : 0;
}

/**
 * A `Sheet!A1` address as an in-workbook link target, `'Sheet'!A1`. The sheet name is always quoted (any
 * name is valid quoted, and names with spaces or digits first must be); an address without a sheet points
 * at that sheet's first cell.
 */
export function internalLinkTarget(address: string): string {
  const bang = address.lastIndexOf('!');
  const sheetPart = bang < 0 ? address : address.slice(0, bang);
  const cell = bang < 0 ? 'A1' : address.slice(bang + 1);
  const quoted = /^'.*'$/.test(sheetPart) ? sheetPart : quoteSheet(sheetPart, true);
  return `${quoted}!${cell}`;
}

function unreachable(value: never): never {
  throw new Error(`Unhandled column format: ${String(value)}`);
}

/** Excel would rename duplicate headers itself (`Name2`); doing it here keeps the table valid. */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const base = name.trim() === '' ? 'Column' : name;
    let candidate = base;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${base}${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
