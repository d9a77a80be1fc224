import { putUnits } from '../../../models/decimalBytes';
import { fromMinor } from '../money';

/**
 * JSON written straight into UTF-8 bytes, exactly as `JSON.stringify` would write it and then `Buffer.from`
 * encode it, but without the text in between. An HTTP answer's big tables are a few MB of short texts, small
 * numbers and nulls: made as rows of cells and stringified, every cell is an object to allocate and collect and
 * every figure a string to format; here a text is copied a byte at a time and a figure in minor units becomes
 * its digits by integer arithmetic.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;

/**
 * Figures below this many units (in magnitude) are written from their digits: such a figure has at most 15
 * significant digits, so the double nearest to it prints as exactly those digits (two decimals of at most 15
 * digits never round to the same double, so no shorter text stands for it).
 */
const DIGITS_BELOW = 1e15;
/** Past this many decimals JavaScript may print a small figure in exponent form (`1e-7`): left to `String`. */
const MAX_DIGIT_DECIMALS = 6;

const COMMA = 0x2c;

/** The most bytes a figure and its comma take: `-` and 15 digits and a point, or `String` of a double. */
const FIGURE_BYTES = 26;
/** Runs up to this many bytes long are copied a byte at a time (see `again`). */
const SHORT_COPY = 32;

const encoder = new TextEncoder();

export class JsonWriter {
  private bytes: Uint8Array;
  private end = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  get length(): number {
    return this.end;
  }

  /** Room already made, whether written or not. */
  get capacity(): number {
    return this.bytes.length;
  }

  /**
   * Starts again at the first byte, keeping the room made (a writer reused for one answer after another grows,
   * and zero-fills its new room, only for the first), with what was written wiped: one request's answer is
   * never held in memory while the thread waits for the next. What `since` gave before is gone.
   */
  clear(): void {
    this.bytes.fill(0, 0, this.end);
    this.end = 0;
  }

  /**
   * The bytes written from `start` on. They stay valid after more is written: growing moves later writes to a
   * new buffer and never changes the old one.
   */
  since(start: number): Uint8Array {
    return this.bytes.subarray(start, this.end);
  }

  /** A punctuation character (`[`, `,`, …), given as its code. */
  byte(code: number): void {
    if (this.end === this.bytes.length) this.reserve(1);
    this.bytes[this.end++] = code;
  }

  null(): void {
    if (this.end + 4 > this.bytes.length) this.reserve(4);
    this.end = writeNull(this.bytes, this.end);
  }

  /** The bytes from `start` to `end` written before, again (a run of cells that recurs). */
  again(start: number, end: number): void {
    const n = end - start;
    if (this.end + n > this.bytes.length) this.reserve(n);
    const bytes = this.bytes;
    // A short run is copied faster by hand than through a call into the runtime; through a local index, as
    // the writer's own `end` would be read back from the object at every byte.
    if (n > SHORT_COPY) bytes.copyWithin(this.end, start, end);
    else for (let from = start, to = this.end; from < end;) bytes[to++] = bytes[from++] as number;
    this.end += n;
  }

  /** Text already in JSON form (a fragment made by `JSON.stringify`), encoded as UTF-8. */
  raw(json: string): void {
    this.reserve(json.length * 3);
    const { written } = encoder.encodeInto(json, this.bytes.subarray(this.end));
    this.end += written;
  }

  /** A string as `JSON.stringify` quotes it: printable ASCII is copied; anything else is left to it. */
  string(value: string): void {
    const n = value.length;
    if (this.end + n + 2 > this.bytes.length) this.reserve(n + 2);
    const bytes = this.bytes;
    let at = this.end;
    bytes[at++] = QUOTE;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return this.raw(JSON.stringify(value));
      bytes[at++] = c;
    }
    bytes[at++] = QUOTE;
    this.end = at;
  }

  /** A number as `JSON.stringify` writes it: `null` when not finite. */
  number(value: number): void {
    if (Number.isInteger(value) && Math.abs(value) < DIGITS_BELOW) this.digits(value, 0);
    else if (Number.isFinite(value)) this.ascii(String(value));
    else this.null();
  }

  /**
   * `minor / 10 ** decimals` as `JSON.stringify` writes the double nearest to it (what `fromMinor` returns),
   * from the integer's digits: `123456` at two decimals is `1234.56`, `-5` is `-0.05`, `1200` is `12`. A
   * figure too long or too fine for that is made by `fromMinor` and written as `String` writes it.
   */
  minor(minor: number, decimals: number): void {
    if (Number.isSafeInteger(minor) && Math.abs(minor) < DIGITS_BELOW && decimals <= MAX_DIGIT_DECIMALS)
      this.digits(minor, decimals);
    else this.number(fromMinor(minor, decimals));
  }

  /** `minor[from]` up to `minor[to]`, comma-separated, each by `minor` or `null` for zero and NaN. */
  minors(minor: Float64Array, from: number, to: number, decimals: number): void {
    // Room for every figure at once; a matrix row is mostly nulls, written here without a call each, and with
    // the commas through a local index (`minor` writes from `end`, so that is kept in step around it).
    this.reserve((to - from) * FIGURE_BYTES);
    const bytes = this.bytes;
    let at = this.end;
    for (let i = from; i < to; i++) {
      if (i > from) bytes[at++] = COMMA;
      const value = minor[i] as number;
      if (value === 0 || Number.isNaN(value)) at = writeNull(bytes, at);
      else {
        this.end = at;
        this.minor(value, decimals);
        at = this.end;
      }
    }
    this.end = at;
  }

  /** A text known to be printable ASCII with nothing to escape (a number's digits). */
  private ascii(text: string): void {
    const n = text.length;
    if (this.end + n > this.bytes.length) this.reserve(n);
    for (let i = 0; i < n; i++) this.bytes[this.end++] = text.charCodeAt(i);
  }

  /** A whole number of at most 15 digits, with a decimal point `decimals` from its end and trailing zeros dropped. */
  private digits(whole: number, decimals: number): void {
    if (this.end + FIGURE_BYTES + decimals > this.bytes.length) this.reserve(FIGURE_BYTES + decimals);
    if (whole < 0) this.bytes[this.end++] = MINUS;
    this.end = putUnits(this.bytes, this.end, Math.abs(whole), decimals, false);
  }

  /** Room for `more` bytes: the buffer doubles as it fills, so growing costs at most the size of the answer. */
  private reserve(more: number): void {
    const needed = this.end + more;
    if (needed <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.end));
    this.bytes = grown;
  }
}

/** Writes `null` at `at` (room for it already made) and returns the index after it. */
function writeNull(bytes: Uint8Array, at: number): number {
  bytes[at] = 0x6e;
  bytes[at + 1] = 0x75;
  bytes[at + 2] = 0x6c;
  bytes[at + 3] = 0x6c;
  return at + 4;
}
