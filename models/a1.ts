/**
 * A1 cell addresses and sheet references, shared by every edge (engine messages, the xlsx reader and writer, the
 * add-in) so that a cell is spelled one way everywhere. Columns here are 1-based, as Excel numbers them (A = 1).
 */

/** A rectangle of cells, 1-based rows and columns, corners included. */
export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `B3` (or `$B$3`, any case) → { column: 2, row: 3 }; throws on anything else. */
export function parseA1(address: string): { column: number; row: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/.exec(address.trim());
  if (!match?.[1] || !match[2]) throw new RangeError(`Not an A1 cell address: ${address}`);
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(match[2]) };
}

/** (3, 2) → `B3`. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** `B2:D10` → `B2:D10`; a one-cell box → `B2`. */
export function rangeAddress(box: RangeBox): string {
  const from = cellAddress(box.top, box.left);
  const to = cellAddress(box.bottom, box.right);
  return from === to ? from : `${from}:${to}`;
}

/** `'Cost Pools'!A1:C4`, `Budget!B2`, `B2:D10` or `B2` → its corners (a sheet part, if any, is dropped). */
export function parseRange(ref: string): RangeBox {
  const bang = ref.lastIndexOf('!');
  const cells = bang < 0 ? ref : ref.slice(bang + 1);
  const [from = '', to = from] = cells.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/**
 * A sheet name as a formula or link writes it: `Budget`, or quoted with inner quotes doubled, `'Cost Pools'`.
 * Quoted when it must be: anything but a plain name of letters, digits, `_` and `.`, and a plain name that
 * would read as a cell (`FY2018`, `R1C1`, `C`); or always, when `always` (any name is valid quoted).
 */
export function quoteSheet(sheet: string, always = false): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) &&
    !/^[Rr][0-9]*([Cc][0-9]*)?$|^[Cc][0-9]*$/.test(sheet);
  return plain && !always ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
