import { quoteSheet } from '../../models/a1';
import type { ColumnFormat, MoneyDisplay, OutputCell, OutputColumn } from '../../models';

/**
 * How output columns look, as plain data. Both writers (exceljs here, Office.js in the add-in) use these, so
 * a workbook looks the same whoever wrote it. Pure on purpose: nothing here may import exceljs or Office.js.
 */

/** A percent to two decimals, negatives in parentheses like the accounting format's. */
const SHARE_FORMAT = '0.00%;(0.00%)';

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
