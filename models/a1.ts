/**
 * A1 cell addresses, shared by every edge (engine messages, the exceljs adapter, the add-in) so that a cell is
 * spelled one way everywhere. Columns here are 1-based, as Excel numbers them (A = 1).
 */

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
