/**
 * A pull tokenizer over the bytes of one XML part, for the direct reader: a sheet body is tens of megabytes, and
 * turning it into a string and then into parser events costs more than reading it. It knows only what workbook
 * parts written by Excel and its peers hold (elements, attributes, text, the XML declaration); anything else
 * (comments, CDATA, processing instructions, a DOCTYPE, a malformed tag or entity) raises `Unsupported`, and the
 * caller hands the whole workbook to exceljs instead.
 */

/** The direct reader met something it does not handle; the workbook is read by exceljs instead. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}

export function unsupported(what: string): never {
  throw new Unsupported(what);
}

/**
 * What `next()` found. Plain numbers: callers copy them into module constants (`const { Open } = Token`), so a
 * hot loop compares integers instead of reading another module's exports.
 */
export const Token = {
  Open: 1,
  /** A self-closing element: `<c r="A1"/>`. */
  Empty: 2,
  Close: 3,
  Text: 4,
  End: 5,
} as const;
export type Token = (typeof Token)[keyof typeof Token];
const { Open, Empty, Close, Text, End } = Token;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const CR = 0x0d;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x09 || b === CR;

export class XmlBytes {
  /** Name of the last Open/Empty/Close token, as byte offsets. */
  nameStart = 0;
  nameEnd = 0;
  /** Attributes of the last Open/Empty token (the bytes between its name and `>`). */
  attrStart = 0;
  attrEnd = 0;
  /** Text of the last Text token. */
  textStart = 0;
  textEnd = 0;
  private pos: number;

  constructor(
    readonly bytes: Buffer,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.pos = start;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) unsupported('byte-order mark');
  }

  get position(): number {
    return this.pos;
  }

  next(): Token {
    const { bytes, end } = this;
    const at = this.pos;
    if (at >= end) return End;
    if (bytes[at] !== LT) {
      let stop = bytes.indexOf(LT, at);
      if (stop < 0 || stop > end) stop = end;
      this.textStart = at;
      this.textEnd = stop;
      this.pos = stop;
      return Text;
    }
    const second = bytes[at + 1];
    if (second === QUESTION) return this.declaration(at);
    if (second === BANG) unsupported('comment, CDATA or DOCTYPE');
    if (second === SLASH) {
      this.nameStart = at + 2;
      this.nameEnd = this.nameEndFrom(at + 2);
      let p = this.nameEnd;
      while (p < end && isSpace(bytes[p] as number)) p++;
      if (bytes[p] !== GT) unsupported('malformed end tag');
      this.pos = p + 1;
      return Close;
    }
    this.nameStart = at + 1;
    this.nameEnd = this.nameEndFrom(at + 1);
    const close = this.tagEnd(this.nameEnd);
    this.pos = close + 1;
    if (bytes[close - 1] === SLASH) {
      this.attrStart = this.nameEnd;
      this.attrEnd = close - 1;
      return Empty;
    }
    this.attrStart = this.nameEnd;
    this.attrEnd = close;
    return Open;
  }

  /** Whether the last tag's name is exactly `name` (ASCII, unprefixed). */
  is(name: Uint8Array): boolean {
    const length = this.nameEnd - this.nameStart;
    if (length !== name.length) return false;
    for (let i = 0; i < length; i++) if (this.bytes[this.nameStart + i] !== name[i]) return false;
    return true;
  }

  /** The last Text token, entities decoded and line ends normalised as an XML parser does. */
  text(): string {
    return decodeText(this.bytes, this.textStart, this.textEnd);
  }

  /** Whether the last Text token is whitespace only. */
  blank(): boolean {
    for (let i = this.textStart; i < this.textEnd; i++) if (!isSpace(this.bytes[i] as number)) return false;
    return true;
  }

  /**
   * Records where each wanted attribute's value sits in the last tag: `found[2i]`..`found[2i+1]` for `wanted[i]`,
   * -1 when absent. One pass; names are compared as written (`r:id` is its own name).
   */
  attributes(wanted: readonly Uint8Array[], found: Int32Array): void {
    found.fill(-1);
    const { bytes } = this;
    let p = this.attrStart;
    const end = this.attrEnd;
    for (;;) {
      while (p < end && isSpace(bytes[p] as number)) p++;
      if (p >= end) return;
      const nameStart = p;
      while (p < end && bytes[p] !== EQUALS && !isSpace(bytes[p] as number)) p++;
      const nameEnd = p;
      while (p < end && isSpace(bytes[p] as number)) p++;
      if (bytes[p] !== EQUALS || nameEnd === nameStart) unsupported('malformed attribute');
      p++;
      while (p < end && isSpace(bytes[p] as number)) p++;
      const quote = bytes[p];
      if (quote !== QUOTE && quote !== APOS) unsupported('unquoted attribute');
      const valueStart = p + 1;
      const valueEnd = closingQuote(bytes, valueStart, end, quote);
      p = valueEnd + 1;
      for (let i = 0; i < wanted.length; i++) {
        if (sameBytes(bytes, nameStart, nameEnd, wanted[i] as Uint8Array)) {
          found[2 * i] = valueStart;
          found[2 * i + 1] = valueEnd;
        }
      }
    }
  }

  /** An attribute value recorded by `attributes`, decoded; undefined when absent. */
  value(found: Int32Array, i: number): string | undefined {
    const start = found[2 * i] as number;
    if (start < 0) return undefined;
    const end = found[2 * i + 1] as number;
    const text = decodeText(this.bytes, start, end);
    // An XML parser turns tabs and line breaks inside attribute values into spaces.
    for (let p = start; p < end; p++) {
      const b = this.bytes[p];
      if (b === 0x09 || b === 0x0a || b === CR) return text.replace(/[\t\n]/g, ' ');
    }
    return text;
  }

  /**
   * An attribute value recorded by `attributes` that is 1 to 9 ASCII digits, as its number (what `parseInt`
   * reads from it); -1 for anything else (absent, empty, signed, an entity), which the caller reads as text.
   */
  digits(found: Int32Array, i: number): number {
    const start = found[2 * i] as number;
    const end = found[2 * i + 1] as number;
    if (start < 0 || end === start || end - start > 9) return -1;
    let n = 0;
    for (let p = start; p < end; p++) {
      const b = this.bytes[p] as number;
      if (b < 0x30 || b > 0x39) return -1;
      n = n * 10 + (b - 0x30);
    }
    return n;
  }

  /**
   * An attribute value recorded by `attributes`, as `value` gives it, but without decoding or a new string when
   * it is one of `known` (the few values an attribute such as a cell's `t` takes).
   */
  knownValue(found: Int32Array, i: number, known: readonly KnownValue[]): string | undefined {
    const start = found[2 * i] as number;
    if (start < 0) return undefined;
    const end = found[2 * i + 1] as number;
    for (const k of known) if (sameBytes(this.bytes, start, end, k.bytes)) return k.text;
    return this.value(found, i);
  }

  /** The text of an element just opened that holds only text, up to its end tag (named `close`). */
  elementText(close: Uint8Array): string {
    let text = '';
    for (;;) {
      const token = this.next();
      if (token === Text) text += this.text();
      else if (token === Close && this.is(close)) return text;
      else unsupported('element inside text');
    }
  }

  /**
   * For an element just opened that holds one run of text (or none) and then its end tag, named `close`
   * (`<v>905951.64</v>`): moves past the end tag and leaves the run's bytes in `textStart`..`textEnd`,
   * undecoded, for the caller to decode only if it needs the text. False, with nothing read, for anything else.
   */
  elementRun(close: Uint8Array): boolean {
    const { bytes, end } = this;
    let p = this.pos;
    while (p < end && bytes[p] !== LT) p++;
    const nameEnd = p + 2 + close.length;
    if (nameEnd >= end || bytes[p + 1] !== SLASH || bytes[nameEnd] !== GT) return false;
    if (!sameBytes(bytes, p + 2, nameEnd, close)) return false;
    this.textStart = this.pos;
    this.textEnd = p;
    this.pos = nameEnd + 1;
    return true;
  }

  /** Skips the rest of an element just opened (its subtree), checking that its tags nest. */
  skipElement(): void {
    let depth = 1;
    while (depth > 0) {
      const token = this.next();
      if (token === Open) depth++;
      else if (token === Close) depth--;
      else if (token === End) unsupported('unclosed element');
    }
  }

  private nameEndFrom(start: number): number {
    const { bytes, end } = this;
    let p = start;
    while (p < end) {
      const b = bytes[p] as number;
      if (isSpace(b) || b === GT || b === SLASH) break;
      if (b === LT || b === QUOTE || b === APOS || b === EQUALS || b === AMP) unsupported('malformed name');
      p++;
    }
    if (p === start || p >= end) unsupported('malformed tag');
    return p;
  }

  /** The `>` closing a start tag, skipping quoted attribute values. */
  private tagEnd(from: number): number {
    const { bytes, end } = this;
    let p = from;
    while (p < end) {
      const b = bytes[p] as number;
      if (b === GT) return p;
      if (b === LT) unsupported('malformed tag');
      if (b === QUOTE || b === APOS) p = closingQuote(bytes, p + 1, end, b) + 1;
      else p++;
    }
    return unsupported('unclosed tag');
  }

  /** `<?xml ... ?>` at the very start; any other processing instruction is unusual. */
  private declaration(at: number): Token {
    if (at !== 0 || this.bytes.toString('latin1', at, at + 6) !== '<?xml ')
      unsupported('processing instruction');
    const close = this.bytes.indexOf('?>', at);
    if (close < 0) unsupported('unclosed declaration');
    const decl = this.bytes.toString('latin1', at, close);
    const encoding = /encoding\s*=\s*["']([^"']*)["']/.exec(decl)?.[1];
    // exceljs decodes every part as UTF-8 whatever it declares; a part in another encoding goes to it.
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) unsupported(`encoding ${encoding}`);
    this.pos = close + 2;
    return this.next();
  }
}

/** Node's own UTF-8 slicer, without `toString`'s argument checks (a sheet has a million small texts). */
const nativeSlice = (Buffer.prototype as { utf8Slice?: (start: number, end: number) => string }).utf8Slice;
const utf8 = (bytes: Buffer, start: number, end: number): string =>
  nativeSlice ? nativeSlice.call(bytes, start, end) : bytes.toString('utf8', start, end);

/**
 * Where an attribute value that starts at `from` ends (its closing `quote`). A "<" inside it is unusual (exceljs's
 * parser would refuse it). A loop, not `indexOf`: values are a few bytes, shorter than a native call costs.
 */
function closingQuote(bytes: Buffer, from: number, end: number, quote: number): number {
  for (let p = from; p < end; p++) {
    const b = bytes[p];
    if (b === quote) return p;
    if (b === LT) unsupported('"<" in an attribute value');
  }
  return unsupported('malformed attribute');
}

function sameBytes(bytes: Buffer, start: number, end: number, name: Uint8Array): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (bytes[start + i] !== name[i]) return false;
  return true;
}

export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** An attribute value known in advance, as text and as the bytes that spell it (see `knownValue`). */
export interface KnownValue {
  text: string;
  bytes: Uint8Array;
}

export const knownValues = (...texts: string[]): KnownValue[] =>
  texts.map((text) => ({ text, bytes: ascii(text) }));

/**
 * Text between `start` and `end`, as a conforming XML parser reports it: UTF-8 decoded, the five predefined
 * entities and character references replaced, CR LF and lone CR read as LF. Control characters XML forbids,
 * unknown entities and references to forbidden characters are errors for a parser (exceljs would call the
 * file damaged), so they go to exceljs too.
 */
export function decodeText(bytes: Buffer, start: number, end: number): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b === AMP || b === CR) plain = false;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a) unsupported('control character');
  }
  const raw = utf8(bytes, start, end);
  if (plain) return raw;
  return raw.replace(/\r\n?/g, '\n').replace(/&([^;&]*);|&/g, (_whole: string, name: string | undefined) => {
    if (name === undefined) return unsupported('bare "&"');
    return entity(name);
  });
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

function entity(name: string): string {
  const predefined = PREDEFINED[name];
  if (predefined !== undefined) return predefined;
  const code = /^#x[0-9a-fA-F]+$/.test(name)
    ? parseInt(name.slice(2), 16)
    : /^#[0-9]+$/.test(name)
      ? parseInt(name.slice(1), 10)
      : -1;
  if (!allowedChar(code)) return unsupported(`entity &${name};`);
  return String.fromCodePoint(code);
}

/** XML 1.0's Char production. */
function allowedChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (code === 0xfffe || code === 0xffff) return false;
  return code <= 0x10ffff;
}
