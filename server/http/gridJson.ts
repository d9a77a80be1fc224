import { type CellValue, GridsRequest, type WorkbookGrids } from '../../models';
import { parseJson } from './body';
import { gridsFromBody, TEXT_MAX, withCellsOf } from './gridCheck';
import { checkTableCount, MAX_TABLES } from './limits';

/** A JSON grids body's grids: read straight from its bytes, or by the full path when that reader defers. */
export function gridsOfBody(bytes: Uint8Array): WorkbookGrids {
  return readGridBody(bytes) ?? checkedGrids(bytes);
}

/**
 * The full path: the body parsed with its prototype keys refused, its tables counted, checked against the
 * models. Every problem a client gets for a bad body (400, 413) comes from here.
 */
export function checkedGrids(bytes: Uint8Array): WorkbookGrids {
  const parsed = parseJson(bytes);
  checkTableCount(parsed);
  return gridsFromBody(parsed);
}

/**
 * A JSON grids body read straight from its UTF-8 bytes into the `WorkbookGrids` that
 * `gridsFromBody(parseJson(bytes))` returns, in one pass: no text of the whole body, no parsed tree to walk
 * again, each cell tested as `isCellValue` would as it is read. The full path spends about 7 ms of a
 * 5,000-line agency's request on the body's text, JSON.parse, its prototype-key test and the walk after it,
 * plus collecting tens of thousands of short-lived strings (this reader, about half that). A budget repeats
 * the same few hundred texts (account IDs, amount types, categories), so here each distinct text is made once,
 * found again by hashing its bytes or by comparing them with the row above, and the engine's later Map
 * lookups meet the same string object, its hash already computed.
 *
 * Only the plain shape clients send is read: `{"grids": {"tables": [{name, source, sheet, topLeft, header,
 * rows}]}}`, keys in any order, cells null, true, false, numbers and strings. Anything else (an object cell, a
 * key it does not expect or has seen already, an escape it does not know, a byte that is not valid UTF-8, a
 * text over Excel's limit, a number JSON.parse would make infinite, too many tables, a table the models
 * refuse, malformed JSON) makes it defer: `readGridBody` returns undefined and the caller takes today's path,
 * so every error a client gets, and its wording, is that path's. No key from the body is ever used as a
 * property name: keys are compared with the six expected ones, byte by byte.
 */
export function readGridBody(bytes: Uint8Array): WorkbookGrids | undefined {
  try {
    return new GridBodyReader(bytes).grids();
  } catch (e) {
    if (e === DEFER) return undefined;
    throw e;
  }
}

/** Thrown inside the reader wherever it defers to the full path; never seen outside this file. */
const DEFER = new Error('not a plain grids body: read by the full path');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const literalOf = (value: boolean | null) => ({ spelling: bytesOf(String(value)), value });
const TRUE = literalOf(true);
const FALSE = literalOf(false);
const NULL = literalOf(null);

const ROOT_KEYS = [bytesOf('grids')];
const GRIDS_KEYS = [bytesOf('tables')];
/** A table's keys, in the order of `TableKey`. */
const TABLE_KEY_NAMES = ['name', 'source', 'sheet', 'topLeft', 'header', 'rows'] as const;
const TABLE_KEYS = TABLE_KEY_NAMES.map(bytesOf);
const enum TableKey {
  Name,
  Source,
  Sheet,
  TopLeft,
  Header,
  Rows,
}

/** `\b \f \n \r \t \" \\ \/`: the character each short escape stands for, by the byte after the backslash. */
const SHORT_ESCAPES = new Map<number, string>(
  Object.entries({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/' }).map(
    ([k, v]) => [k.charCodeAt(0), v],
  ),
);

/** Powers of ten a double holds exactly: a product or quotient with one of them is rounded once. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Digits a mantissa may have and still be an exact integer (10^15 < 2^53). */
const EXACT_DIGITS = 15;
/** An exponent past this is infinite or zero whatever the digits; counting stops so it cannot overflow. */
const EXPONENT_CAP = 100_000;

/** Bytes a text holds as they are: ASCII but controls, the quote and the backslash. */
const PLAIN_TEXT = new Uint8Array(256);
for (let c = 0x20; c < 0x80; c++) if (c !== QUOTE && c !== BACKSLASH) PLAIN_TEXT[c] = 1;

const isDigit = (c: number | undefined): c is number => c !== undefined && c >= ZERO && c <= NINE;
const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Columns whose last text is remembered (`sameAsAbove`): a budget's tables are a few dozen wide at most. */
const REMEMBERED_COLUMNS = 64;

/** A table as read: its fields for the models to check, and its cells, already checked here. */
interface ReadTable {
  envelope: Record<string, string | []>;
  header: CellValue[];
  rows: CellValue[][];
}

class GridBodyReader {
  private pos = 0;
  private readonly buffer: Buffer;
  private readonly view: DataView;
  private readonly texts = new TextTable();
  /** Where the last row read is, and for how many of its cells `ends` holds where they end. */
  private readonly row = { start: 0, length: 0, known: 0 };
  /** The cells of the list being read, and until another is read, of the last. */
  private readonly scratch: CellValue[] = [];
  /** Where each cell of the row being read ends, the comma or bracket after it included, from the row's start. */
  private readonly ends = new Int32Array(REMEMBERED_COLUMNS);
  /** Each column's last two texts and where their bytes are (column c's in slots 2c and 2c + 1), for `sameAsAbove`. */
  private readonly kept = {
    texts: new Array<string | undefined>(2 * REMEMBERED_COLUMNS).fill(undefined),
    starts: new Int32Array(2 * REMEMBERED_COLUMNS),
    lengths: new Int32Array(2 * REMEMBERED_COLUMNS),
  };

  constructor(private readonly bytes: Uint8Array) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The whole body: the root object, then nothing but whitespace. */
  grids(): WorkbookGrids {
    let tables: ReadTable[] = [];
    this.object(ROOT_KEYS, () => {
      this.object(GRIDS_KEYS, () => {
        tables = this.tables();
      });
    });
    if (this.peek() !== undefined) throw DEFER;
    // The models check the few fields around the cells: what they return is what `gridsFromBody` would.
    const checked = GridsRequest.safeParse({ grids: { tables: tables.map((t) => t.envelope) } });
    if (!checked.success) throw DEFER;
    return withCellsOf(checked.data.grids, tables);
  }

  /**
   * An object whose keys are `keys`, each once, in any order (one missing defers: the models say what is
   * missing); `value` reads the value of the key at that index.
   */
  private object(keys: readonly Uint8Array[], value: (key: number) => void): void {
    let seen = 0;
    this.expect(OPEN_BRACE);
    if (this.peek() === CLOSE_BRACE) throw DEFER;
    do {
      const key = this.key(keys);
      if (seen & (1 << key)) throw DEFER;
      seen |= 1 << key;
      this.expect(COLON);
      value(key);
    } while (this.afterItem(CLOSE_BRACE));
    if (seen !== (1 << keys.length) - 1) throw DEFER;
  }

  /** Which of `keys` the key here is, compared byte by byte; any other key, or one with an escape, defers. */
  private key(keys: readonly Uint8Array[]): number {
    this.expect(QUOTE);
    const { bytes } = this;
    const start = this.pos;
    let end = start;
    while (end < bytes.length && bytes[end] !== QUOTE && bytes[end] !== BACKSLASH) end++;
    if (bytes[end] !== QUOTE) throw DEFER;
    this.pos = end + 1;
    const found = keys.findIndex(
      (k) => k.length === end - start && k.every((b, i) => bytes[start + i] === b),
    );
    if (found < 0) throw DEFER;
    return found;
  }

  private tables(): ReadTable[] {
    const tables: ReadTable[] = [];
    this.array(() => {
      if (tables.length === MAX_TABLES) throw DEFER;
      tables.push(this.table());
    });
    return tables;
  }

  private table(): ReadTable {
    const table: ReadTable = { envelope: {}, header: [], rows: [] };
    this.object(TABLE_KEYS, (key) => {
      switch (key) {
        case TableKey.Header:
          table.header = this.cells();
          break;
        case TableKey.Rows:
          table.rows = this.rows();
          break;
        default:
          if (this.peek() !== QUOTE) throw DEFER;
          table.envelope[TABLE_KEY_NAMES[key] as string] = this.text();
      }
    });
    table.envelope.header = [];
    table.envelope.rows = [];
    return table;
  }

  private rows(): CellValue[][] {
    const rows: CellValue[][] = [];
    this.expect(OPEN_BRACKET);
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return rows;
    }
    this.row.known = 0;
    do rows.push(this.cells(true));
    while (this.afterItem(CLOSE_BRACKET));
    return rows;
  }

  /**
   * A list of cells: the reader's hot loop, so whitespace is looked for only where there is some, and a text
   * cell is first compared with the texts above it (`sameAsAbove`). A row of a table first takes the cells it
   * shares with the row above (`sameStartAsAbove`). The cells are gathered in `scratch` and copied out at the
   * end, so each list is made at its own length (pushing would give each row room for 17).
   */
  private cells(isRow = false): CellValue[] {
    this.expect(OPEN_BRACKET);
    const start = this.pos - 1;
    let count = isRow ? this.sameStartAsAbove(start) : 0;
    if (count > 0) {
      // The row above's cells end at a comma (more follow) or at the bracket (the rows are the same).
      if (this.bytes[this.pos - 1] !== CLOSE_BRACKET) count = this.cellsFrom(count, start, isRow);
    } else if (this.peek() === CLOSE_BRACKET) this.pos++;
    else count = this.cellsFrom(0, start, isRow);
    const cells = this.scratch.slice(0, count);
    if (isRow) this.rowRead(start, Math.min(count, REMEMBERED_COLUMNS));
    return cells;
  }

  /** The cells of a list from this column to its end, into `scratch`; how many the list holds. */
  private cellsFrom(first: number, start: number, isRow: boolean): number {
    const { scratch, ends } = this;
    for (let column = first; ; column++) {
      const c = this.peek();
      if (c === QUOTE) scratch[column] = this.sameAsAbove(column) ?? this.text(column);
      else if (c === MINUS || isDigit(c)) scratch[column] = this.number();
      else scratch[column] = this.literal(c);
      let next = this.bytes[this.pos++];
      if (next !== COMMA && next !== CLOSE_BRACKET) {
        this.pos--;
        next = this.afterItem(CLOSE_BRACKET) ? COMMA : CLOSE_BRACKET;
      }
      if (isRow && column < REMEMBERED_COLUMNS) ends[column] = this.pos - start;
      if (next === CLOSE_BRACKET) return column + 1;
    }
  }

  /**
   * How many cells this row shares with the row above, which are still at the start of `scratch`; the reading
   * goes on after them. A budget's rows mostly repeat the row above in their first columns (the same account,
   * titles, category), and comparing bytes four at a time is cheaper than reading them. A cell above whose bytes
   * and the comma or bracket after them are all the same here is the same cell: the same bytes from the start of
   * a row read the same.
   */
  private sameStartAsAbove(start: number): number {
    const above = this.row;
    if (above.known === 0) return 0;
    const same = sameLength(this.view, above.start, start, above.length);
    let column = 0;
    while (column < above.known && (this.ends[column] as number) <= same) column++;
    if (column > 0) this.pos = start + (this.ends[column - 1] as number);
    return column;
  }

  /** Remembers where a row just read is, and for how many of its cells `ends` holds where they end. */
  private rowRead(start: number, known: number): void {
    const { row } = this;
    row.start = start;
    row.length = this.pos - start;
    row.known = known;
  }

  /** A list whose items `item` reads. */
  private array(item: () => void): void {
    this.expect(OPEN_BRACKET);
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return;
    }
    do item();
    while (this.afterItem(CLOSE_BRACKET));
  }

  /** After an item of a list or object: true at a comma (another item follows), false at `close`. */
  private afterItem(close: number): boolean {
    const c = this.peek();
    this.pos++;
    if (c === COMMA) return true;
    if (c === close) return false;
    throw DEFER;
  }

  /** `true`, `false` or `null`, starting with the byte `first`; anything else defers. */
  private literal(first: number | undefined): boolean | null {
    const literal = first === 0x74 ? TRUE : first === 0x66 ? FALSE : first === 0x6e ? NULL : undefined;
    if (literal === undefined) throw DEFER;
    const { bytes, pos } = this;
    for (let i = 1; i < literal.spelling.length; i++) if (bytes[pos + i] !== literal.spelling[i]) throw DEFER;
    this.pos = pos + literal.spelling.length;
    return literal.value;
  }

  /**
   * One of the last two texts read in this column, when this string's bytes are its bytes: a budget's rows
   * repeat the rows above in most of their text columns (the same account and title, amount types taking
   * turns), and comparing the bytes with those is cheaper than hashing them. The byte after them must be the
   * closing quote: they are a whole string's bytes, so it cannot be an escaped one.
   */
  private sameAsAbove(column: number): string | undefined {
    if (column >= REMEMBERED_COLUMNS) return undefined;
    return this.sameAsKept(2 * column) ?? this.sameAsKept(2 * column + 1);
  }

  private sameAsKept(slot: number): string | undefined {
    const { kept } = this;
    const text = kept.texts[slot];
    if (text === undefined) return undefined;
    const start = this.pos + 1;
    const length = kept.lengths[slot] as number;
    if (this.bytes[start + length] !== QUOTE) return undefined;
    if (!sameBytes(this.view, kept.starts[slot] as number, start, length)) return undefined;
    this.pos = start + length + 1;
    return text;
  }

  /** Keeps a text just read in a column as the column's last, the one before it as its second last. */
  private keep(column: number, text: string, start: number, end: number): void {
    if (column < 0 || column >= REMEMBERED_COLUMNS) return;
    const { kept } = this;
    const last = 2 * column;
    kept.texts[last + 1] = kept.texts[last];
    kept.starts[last + 1] = kept.starts[last] as number;
    kept.lengths[last + 1] = kept.lengths[last] as number;
    kept.texts[last] = text;
    kept.starts[last] = start;
    kept.lengths[last] = end - start;
  }

  /**
   * A string, the same object for the same bytes: the bytes are hashed as they are scanned for the closing
   * quote, and a text seen before is not decoded again. A cell's text is remembered for the cell below.
   */
  private text(column = -1): string {
    const { bytes } = this;
    const start = this.pos + 1;
    let i = start;
    let hash = FNV_OFFSET;
    let plain = true;
    const end = bytes.length;
    for (; ; i++) {
      if (i === end) throw DEFER;
      const c = bytes[i] as number;
      if (PLAIN_TEXT[c] === 1) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        continue;
      }
      if (c === QUOTE) break;
      if (c < 0x20) throw DEFER;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      plain = false;
      if (c === BACKSLASH) {
        // The escaped byte is never the closing quote; it is hashed with the rest.
        const escaped = bytes[++i];
        if (escaped === undefined) throw DEFER;
        hash = Math.imul(hash ^ escaped, FNV_PRIME);
      }
    }
    this.pos = i + 1;
    let text = this.texts.find(this.view, hash, start, i);
    if (text === undefined) {
      text = plain ? this.buffer.toString('latin1', start, i) : this.decode(start, i);
      if (text.length > TEXT_MAX) throw DEFER;
      this.texts.add(hash, start, i, text);
    }
    this.keep(column, text, start, i);
    return text;
  }

  /** A string's bytes holding escapes or characters beyond ASCII, as JSON.parse would read them. */
  private decode(start: number, end: number): string {
    const { bytes } = this;
    let text = '';
    let run = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== BACKSLASH) continue;
      text += this.utf8(run, i);
      const escape = bytes[i + 1] as number;
      const short = SHORT_ESCAPES.get(escape);
      if (short !== undefined) {
        text += short;
        i++;
      } else if (escape === 0x75) {
        // `\uXXXX` is one UTF-16 code unit, a lone surrogate included, as JSON.parse reads it.
        text += String.fromCharCode(this.hex4(i + 2));
        i += 5;
      } else throw DEFER;
      run = i + 1;
    }
    return text + this.utf8(run, end);
  }

  /** UTF-8 bytes as text. A malformed sequence defers (as would a real U+FFFD, rarely typed in a budget). */
  private utf8(start: number, end: number): string {
    const text = this.buffer.toString('utf8', start, end);
    if (text.includes('\ufffd')) throw DEFER;
    return text;
  }

  private hex4(at: number): number {
    let code = 0;
    for (let i = at; i < at + 4; i++) {
      const digit = HEX_DIGITS[this.bytes[i] ?? 0] ?? -1;
      if (digit < 0) throw DEFER;
      code = code * 16 + digit;
    }
    return code;
  }

  /**
   * A number, as JSON.parse reads it. Up to 15 digits with a power of ten up to 22 either way is an exact
   * integer times or over an exact power, rounded once, so correctly (the fast path of Clinger's algorithm);
   * anything else is given to `Number`, whose reading of JSON's number grammar is JSON.parse's own. Text
   * outside that grammar (`01`, `1.`, `.5`, `+1`) defers. An infinite result defers too: `isCellValue`
   * refuses it, and the full path says so.
   */
  private number(): number {
    const { bytes } = this;
    const start = this.pos;
    let i = start;
    const negative = bytes[i] === MINUS;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    if (bytes[i] === ZERO) {
      i++;
      digits = 1;
    } else if (isDigit(bytes[i])) {
      for (let c = bytes[i]; isDigit(c); c = bytes[++i]) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
      }
    } else throw DEFER;
    const after = bytes[i];
    if (after !== DOT && after !== 0x65 && after !== 0x45 && digits <= EXACT_DIGITS) {
      // A whole number, as budgets' amounts mostly are: exact as it is.
      this.pos = i;
      return negative ? -mantissa : mantissa;
    }
    return this.decimal(start, i, mantissa, digits);
  }

  /** The rest of a number from its fraction or exponent (or a whole number of more than 15 digits). */
  private decimal(start: number, from: number, wholeDigits: number, wholeCount: number): number {
    const { bytes } = this;
    let i = from;
    let mantissa = wholeDigits;
    let digits = wholeCount;
    let exponent = 0;
    if (bytes[i] === DOT) {
      if (!isDigit(bytes[++i])) throw DEFER;
      for (let c = bytes[i]; isDigit(c); c = bytes[++i]) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        exponent--;
      }
    }
    if (bytes[i] === 0x65 || bytes[i] === 0x45) {
      // e or E
      const sign = bytes[++i] === MINUS ? -1 : 1;
      if (bytes[i] === MINUS || bytes[i] === PLUS) i++;
      if (!isDigit(bytes[i])) throw DEFER;
      let power = 0;
      for (let c = bytes[i]; isDigit(c); c = bytes[++i])
        if (power < EXPONENT_CAP) power = power * 10 + (c - ZERO);
      exponent += sign * power;
    }
    this.pos = i;
    const value =
      exactlyRounded(mantissa, digits, exponent, bytes[start] === MINUS) ??
      Number(this.buffer.toString('latin1', start, i));
    if (!Number.isFinite(value)) throw DEFER;
    return value;
  }

  /** The next byte that is not whitespace, the whitespace passed over. */
  private peek(): number | undefined {
    const c = this.bytes[this.pos];
    // What clients send rarely holds whitespace: one test of the byte usually settles it.
    return c === undefined || c > 0x20 ? c : this.peekPastSpace();
  }

  private peekPastSpace(): number | undefined {
    while (isSpace(this.bytes[this.pos])) this.pos++;
    return this.bytes[this.pos];
  }

  private expect(byte: number): void {
    if (this.peek() !== byte) throw DEFER;
    this.pos++;
  }
}

/** mantissa × 10^exponent when that is one correctly rounded operation on exact doubles; else undefined. */
function exactlyRounded(
  mantissa: number,
  digits: number,
  exponent: number,
  negative: boolean,
): number | undefined {
  if (digits > EXACT_DIGITS) return undefined;
  const power = EXACT_POWERS_OF_TEN[Math.abs(exponent)];
  if (power === undefined) return undefined;
  const value = exponent < 0 ? mantissa / power : mantissa * power;
  return negative ? -value : value;
}

const HEX_DIGITS = new Int8Array(256).fill(-1);
for (let d = 0; d < 16; d++) {
  HEX_DIGITS[d.toString(16).charCodeAt(0)] = d;
  HEX_DIGITS[d.toString(16).toUpperCase().charCodeAt(0)] = d;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * The texts of one body by the hash of their bytes (open addressing): a hit is confirmed by comparing the
 * bytes with the first occurrence's, so two texts never share a string by a hash collision. It lives for one
 * body only.
 */
class TextTable {
  /** 2,048 slots, kept at most half full: a budget's few hundred distinct texts fit without growing. */
  private mask = 2047;
  private hashes = new Int32Array(this.mask + 1);
  private starts = new Int32Array(this.mask + 1);
  private ends = new Int32Array(this.mask + 1);
  private texts: (string | undefined)[] = new Array<string | undefined>(this.mask + 1).fill(undefined);
  private count = 0;

  find(view: DataView, hash: number, start: number, end: number): string | undefined {
    const length = end - start;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const text = this.texts[slot];
      if (text === undefined) return undefined;
      const from = this.starts[slot] as number;
      if (
        this.hashes[slot] === hash &&
        (this.ends[slot] as number) - from === length &&
        sameBytes(view, from, start, length)
      )
        return text;
    }
  }

  add(hash: number, start: number, end: number, text: string): void {
    if (++this.count * 2 > this.mask) this.grow();
    this.place(hash, start, end, text);
  }

  private place(hash: number, start: number, end: number, text: string): void {
    let slot = hash & this.mask;
    while (this.texts[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.hashes[slot] = hash;
    this.starts[slot] = start;
    this.ends[slot] = end;
    this.texts[slot] = text;
  }

  /** Twice the slots, every text placed again by its kept hash. */
  private grow(): void {
    const { hashes, starts, ends, texts } = this;
    this.mask = this.mask * 2 + 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.starts = new Int32Array(this.mask + 1);
    this.ends = new Int32Array(this.mask + 1);
    this.texts = new Array<string | undefined>(this.mask + 1).fill(undefined);
    texts.forEach((text, slot) => {
      if (text !== undefined)
        this.place(hashes[slot] as number, starts[slot] as number, ends[slot] as number, text);
    });
  }
}

/**
 * How many of the `length` bytes at `a` and at `b` are the same before the first that differs, counted four
 * at a time (so up to three fewer); never past the end of the bytes.
 */
function sameLength(view: DataView, a: number, b: number, length: number): number {
  const most = Math.min(length, view.byteLength - b) - 4;
  let i = 0;
  while (i <= most && view.getInt32(a + i) === view.getInt32(b + i)) i += 4;
  return i;
}

/** Whether the bytes at `a` and `b` are the same, compared four at a time (half the time of one at a time). */
function sameBytes(view: DataView, a: number, b: number, length: number): boolean {
  let i = 0;
  for (; i + 4 <= length; i += 4) if (view.getInt32(a + i) !== view.getInt32(b + i)) return false;
  for (; i < length; i++) if (view.getUint8(a + i) !== view.getUint8(b + i)) return false;
  return true;
}
