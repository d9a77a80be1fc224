/**
 * Columns that grow while a table is read: typed arrays doubled when full, since a JavaScript array of a
 * million pushed numbers costs far more memory and garbage collection than the numbers themselves.
 */

export type NumberColumn = Int32Array | Float64Array | Int8Array | Uint8Array;

/** A copy of `column` with room for at least `needed` entries (double its length, or more), contents kept. */
export function grown<T extends NumberColumn>(column: T, needed: number): T {
  const Column = column.constructor as new (length: number) => T;
  const bigger = new Column(Math.max(needed, column.length * 2, 16));
  bigger.set(column);
  return bigger;
}

/**
 * The first `size` entries of a column: a view when the spare room is small (no copy, no new allocation for
 * the garbage collector to account for), else a copy, so a column sized for many more never pins its room.
 */
export function fitted<T extends NumberColumn>(column: T, size: number): T {
  if (size === column.length) return column;
  return (size * 8 >= column.length * 7 ? column.subarray(0, size) : column.slice(0, size)) as T;
}
