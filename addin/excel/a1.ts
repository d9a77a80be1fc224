/**
 * A1 addresses, as Office.js gives and takes them. (The exceljs adapter has its own copy in server/xlsx; the
 * add-in cannot import that module, which pulls in exceljs.)
 */

export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
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
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/.exec(address.trim());
  if (!match?.[1] || !match[2]) throw new Error(`Not an A1 cell address: ${address}`);
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
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
