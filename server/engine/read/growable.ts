/**
 * Columns that grow while a table is read: typed arrays doubled when full, since a JavaScript array of a
 * million pushed numbers costs far more memory and garbage collection than the numbers themselves.
 */

export type NumberColumn = Int32Array | Float64Array | Int8Array | Uint8Array;
type ColumnType<T extends NumberColumn> = {
  new (buffer: ArrayBufferLike): T;
  readonly BYTES_PER_ELEMENT: number;
};

/** From this many bytes on, a column's memory is a SharedArrayBuffer's (see `newColumn`). */
export const SHARED_FROM_BYTES = 1 << 20;

/**
 * A zero-filled column of `length` entries; from `SHARED_FROM_BYTES` on, its memory a SharedArrayBuffer's
 * where there is one. V8 counts an ordinary ArrayBuffer's memory against the isolate's external-memory limit
 * (64 MB since the last full collection): the read of a million-line Budget allocates well past that, which
 * started a full mark of the whole heap, the input grids' few hundred MB included, during the read. Shared
 * memory is not counted there (V8's `BackingStore::PerIsolateAccountingLength`), and is collected like any
 * other once unreachable; nothing here shares it with another thread. Small columns stay ordinary: they are
 * quicker to allocate, and a few of them never come near the limit.
 */
export function newColumn<T extends NumberColumn>(Column: ColumnType<T>, length: number): T {
  const bytes = length * Column.BYTES_PER_ELEMENT;
  if (bytes < SHARED_FROM_BYTES || typeof SharedArrayBuffer !== 'function')
    return new Column(new ArrayBuffer(bytes));
  return new Column(new SharedArrayBuffer(bytes));
}

/** A copy of `column` with room for at least `needed` entries (double its length, or more), contents kept. */
export function grown<T extends NumberColumn>(column: T, needed: number): T {
  const bigger = newColumn(column.constructor as ColumnType<T>, Math.max(needed, column.length * 2, 16));
  bigger.set(column);
  return bigger;
}

/**
 * The first `size` entries of a column: a view when the spare room is small (no copy, no new allocation for
 * the garbage collector to account for), else a copy, so a column sized for many more never pins its room.
 */
export function fitted<T extends NumberColumn>(column: T, size: number): T {
  if (size === column.length) return column;
  if (size * 8 >= column.length * 7) return column.subarray(0, size) as T;
  const copy = newColumn(column.constructor as ColumnType<T>, size);
  copy.set(column.subarray(0, size));
  return copy;
}
