/**
 * One string per distinct short text across a workbook's sheets: a budget sheet repeats its titles (account
 * names, categories, "Budget Authority") on every line, and a million copies of a few hundred texts would cost
 * memory and collection time. Plain runs are also found by their bytes, before any string is made for them.
 */

/** Texts longer than this are rarely repeated in a sheet; they are kept as read (unless the caller sets more). */
const MAX_INTERNED = 64;
/** Slots for texts found by their bytes (a power of two); a text whose slot is taken replaces the one there. */
const RUN_SLOTS = 4096;
const AMP = 0x26;

export class TextInterner {
  private readonly texts = new Map<string, string>();
  private readonly runs: (string | undefined)[] = new Array<string | undefined>(RUN_SLOTS).fill(undefined);

  /**
   * `maxLength`: longer texts are kept as read; `maxTexts`: once this many are kept, new texts are too (past
   * that many distinct values a column is mostly unique, names or notes, and keeping them gains nothing).
   */
  constructor(
    private readonly maxLength = MAX_INTERNED,
    private readonly maxTexts = Infinity,
  ) {}

  /** How many texts are kept. */
  get size(): number {
    return this.texts.size;
  }

  /** The one copy of `text`. */
  text(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (text.length <= this.maxLength && this.texts.size < this.maxTexts) this.texts.set(text, text);
    return text;
  }

  /**
   * The text of `bytes[start..end)` when it is a plain run (printable ASCII, no `&`: its text is its bytes, with
   * nothing to decode), found by its bytes without decoding a copy; undefined otherwise, for the caller to decode.
   */
  run(bytes: Uint8Array, start: number, end: number): string | undefined {
    if (end - start > this.maxLength) return undefined;
    let hash = 0x811c9dc5;
    for (let p = start; p < end; p++) {
      const b = bytes[p] as number;
      if (b < 0x20 || b >= 0x7f || b === AMP) return undefined;
      hash = Math.imul(hash ^ b, 0x01000193);
    }
    const slot = (hash >>> 0) & (RUN_SLOTS - 1);
    const known = this.runs[slot];
    if (known !== undefined && spells(known, bytes, start, end)) return known;
    const text = this.text(String.fromCharCode(...bytes.subarray(start, end)));
    this.runs[slot] = text;
    return text;
  }
}

/** Whether the ASCII `text` is exactly these bytes. */
function spells(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}
