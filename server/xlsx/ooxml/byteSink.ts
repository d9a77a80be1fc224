import { DIGITS_BYTES, putDigits, putUnits } from '../../../models/decimalBytes';

/**
 * A part written straight into bytes: the sheet writer puts each tag, number and text into one buffer and
 * hands it on in chunks of about a megabyte, so a sheet of a million rows costs neither a string per cell nor
 * one giant string to convert at the end. Chunks handed on are never written again (the deflater may still be
 * reading one while the next is filled).
 */

/** Bytes per chunk handed on: large enough that handing on is rare, small enough to stay in cache. */
export const CHUNK_BYTES = 1 << 20;

/** Text this short is copied by a loop; longer text goes through the native UTF-8 encoder. */
const SHORT_TEXT = 24;

// Below this many units of 10^-decimals, a double is finer than half a unit by a wide margin (a hundredfold at
// two decimals: 1e12, where a double's step is 1.2e-4), so a value that is a whole number of units has that
// decimal as its shortest round-trip text.
const SCALED_EXACT_BELOW = 1e14;

export class ByteSink {
  private buffer: Buffer;
  private at = 0;
  private readonly done: Buffer[] = [];

  constructor(private readonly chunkBytes = CHUNK_BYTES) {
    this.buffer = Buffer.allocUnsafeSlow(chunkBytes);
  }

  /** True once a full chunk is ready to hand on. */
  get ready(): boolean {
    return this.done.length > 0;
  }

  /** The chunks written so far (the unfinished one too when `all`); the sink goes on with a fresh buffer. */
  take(all = false): Buffer[] {
    if (all && this.at > 0) this.seal(this.chunkBytes);
    return this.done.splice(0);
  }

  /** ASCII text the writer spells itself (tags, attribute names): one byte per character. */
  ascii(text: string): void {
    const n = text.length;
    if (n > SHORT_TEXT) {
      this.room(n);
      this.at += this.buffer.write(text, this.at, 'latin1');
      return;
    }
    this.room(n);
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) b[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Bytes prepared once (a column's `<c r="AB`), copied as they are: the first `n` of them. */
  bytes(data: Uint8Array, n = data.length): void {
    this.room(n);
    if (n > SHORT_TEXT) {
      this.buffer.set(n === data.length ? data : data.subarray(0, n), this.at);
      this.at += n;
      return;
    }
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) b[at++] = data[i] as number;
    this.at = at;
  }

  /** Any text, as UTF-8 (already escaped for XML by the caller). ASCII, nearly all of it, is copied in one pass. */
  utf8(text: string): void {
    const n = text.length;
    this.room(n * 3); // A UTF-16 unit is at most three UTF-8 bytes.
    const b = this.buffer;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) {
        this.at += b.write(text, this.at, 'utf8');
        return;
      }
      b[at++] = code;
    }
    this.at = at;
  }

  /** A non-negative integer below 2^53, in decimal. */
  digits(value: number): void {
    this.room(DIGITS_BYTES);
    this.at = putDigits(this.buffer, this.at, value);
  }

  /**
   * A finite number exactly as JavaScript's shortest round-trip text spells it (`String(value)`), which is what
   * Excel reads back as the same double. Whole numbers and cents, nearly every value in a crosswalk, are spelt
   * here; anything else goes through String.
   */
  number(value: number): void {
    if (!this.scaled(value, 2, false)) this.ascii(String(value));
  }

  /**
   * A finite number with exactly `decimals` places when it is a whole number of 10^-decimals (money from minor
   * units: `1234.50` at two decimals); otherwise as `number` spells it, so no value is ever rounded.
   */
  fixed(value: number, decimals: number): void {
    if (!this.scaled(value, decimals, true)) this.ascii(String(value));
  }

  /**
   * Writes `value` as an integer count of 10^-decimals when it is one and small enough that a double is far
   * finer than that unit (below SCALED_EXACT_BELOW / 10^decimals); then those digits are its shortest text.
   * Places are padded to `decimals` or, when not `pad`, trailing zeros dropped. False when it writes nothing.
   */
  private scaled(value: number, decimals: number, pad: boolean): boolean {
    const scale = 10 ** decimals;
    const magnitude = value < 0 ? -value : value;
    if (!(magnitude < SCALED_EXACT_BELOW / scale)) return false;
    const units = Math.round(magnitude * scale);
    if (units / scale !== magnitude) return false;
    if (value < 0) this.ascii('-'); // -0 is not below 0, and String(-0) is "0" too.
    this.room(DIGITS_BYTES + 1 + decimals);
    this.at = putUnits(this.buffer, this.at, units, decimals, pad);
    return true;
  }

  /** Makes room for `n` more bytes, sealing the current chunk when it is full enough. */
  private room(n: number): void {
    if (this.at + n <= this.buffer.length) return;
    this.seal(Math.max(this.chunkBytes, n));
  }

  private seal(nextSize: number): void {
    if (this.at > 0) this.done.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafeSlow(nextSize);
    this.at = 0;
  }
}
