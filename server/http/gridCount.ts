/**
 * Counting a JSON grids body's tables, rows and cells from its bytes, before it is parsed. Parsing a body of
 * four million `{}` cells makes four million objects, and checking them with zod makes an issue for each:
 * enough to exhaust the server's memory. This pass allocates nothing per value, so an oversized body is
 * refused for the price of reading its bytes once.
 *
 * A value is counted by where it sits, not by the keys above it: anything at the depth of a table, a row or
 * a cell counts as one. For a well-formed body (`{"grids": {"tables": [{…, "header": [cells], "rows":
 * [[cells]]}]}}`) the counts are exact; a body of another shape is at worst over-counted, and zod refuses it
 * anyway. Malformed JSON is left to JSON.parse.
 */

export interface GridCounts {
  tables: number;
  rows: number;
  cells: number;
}

const OBJECT = 1;
const ARRAY = 2;
/** Root object, `grids` object, `tables` array, a table object, its `header` or `rows` array, a row array. */
const GRID_PATH = [OBJECT, OBJECT, ARRAY, OBJECT, ARRAY, ARRAY];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Characters that end a number or a `true`/`false`/`null`: whitespace and the structural characters. */
const ENDS_TOKEN = new Uint8Array(256);
for (const c of ' \t\r\n,:[]{}"') ENDS_TOKEN[c.charCodeAt(0)] = 1;

export function countGridBody(bytes: Uint8Array): GridCounts {
  const counts: GridCounts = { tables: 0, rows: 0, cells: 0 };
  const open: number[] = [];
  /** How many of the open containers, from the root, follow GRID_PATH. */
  let onPath = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const c = bytes[i] as number;
    switch (c) {
      case 0x20: // space
      case 0x09: // tab
      case 0x0a: // newline
      case 0x0d: // carriage return
      case 0x2c: // ,
      case 0x3a: // :
        i++;
        continue;
      case 0x5d: // ]
      case 0x7d: // }
        open.pop();
        if (onPath > open.length) onPath = open.length;
        i++;
        continue;
    }
    // A value starts here (or, in an object, a key, which is never counted).
    const depth = open.length;
    if (depth === onPath && open[depth - 1] === ARRAY) {
      if (depth === 3) counts.tables++;
      else if (depth === 5) {
        // In `rows` each item is a row; in `header` each is a cell.
        if (c === 0x5b) counts.rows++;
        else counts.cells++;
      } else if (depth === 6) counts.cells++;
    }
    if (c === QUOTE) {
      i = afterString(bytes, i + 1);
    } else if (c === 0x5b || c === 0x7b) {
      const kind = c === 0x5b ? ARRAY : OBJECT;
      open.push(kind);
      if (onPath === depth && GRID_PATH[depth] === kind) onPath = depth + 1;
      i++;
    } else {
      i++;
      while (i < n && ENDS_TOKEN[bytes[i] as number] === 0) i++;
    }
  }
  return counts;
}

/**
 * The index just past the string that starts at `from` (just after its opening quote); the end of the bytes
 * when it never closes. A backslash escapes the byte after it (`\"`, `\\`; the hex digits of `\u` are never a
 * quote). A loop here, not `indexOf`: a grid's texts are short, and each call into the runtime cost more than
 * reading the few bytes it would skip (a third of the count's time on a 5,000-line body).
 */
function afterString(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  for (let i = from; i < n; i++) {
    const c = bytes[i] as number;
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) i++;
  }
  return n;
}
