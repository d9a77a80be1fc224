import { columnLetters, parseA1 } from '../../models/a1';

/** Ranges and sheet-qualified addresses as Office.js gives and takes them, over the shared A1 module. */

export { columnLetters };

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function rangeAddress(box: RangeBox): string {
  const from = cellAddress(box.top, box.left);
  const to = cellAddress(box.bottom, box.right);
  return from === to ? from : `${from}:${to}`;
}

/** `B3` or `$B$3` → { row: 3, column: 2 }. */
export function parseCell(address: string): { row: number; column: number } {
  return parseA1(address);
}

/** `'Cost Pools'!A1:C4`, `Budget!B2` or `A1:C4` → its corners (the sheet part, if any, is dropped). */
export function parseRange(address: string): RangeBox {
  const bang = address.lastIndexOf('!');
  const ref = bang < 0 ? address : address.slice(bang + 1);
  const [from = '', to = from] = ref.split(':');
  const a = parseCell(from);
  const b = parseCell(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** A sheet name as Excel writes it in a reference: quoted unless it is a plain name. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
