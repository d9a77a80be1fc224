import { ascii, Token, unsupported, type XmlBytes } from './xmlBytes';

const { Open, Empty, Close, Text, End } = Token;

/**
 * Shared strings and inline rich text for the direct reader, with exceljs's meaning: an entry's text is its
 * `<t>`, or its runs' texts joined (phonetic guides left out); `_xHHHH_` escapes are decoded inside `<t>`; an
 * empty entry reads as a blank cell. Each entry becomes its grid value once, so every cell that uses it shares
 * one string.
 */

const SST = ascii('sst');
const SI = ascii('si');
const T = ascii('t');
const R = ascii('r');
const RPR = ascii('rPr');
const RPH = ascii('rPh');
const PHONETIC_PR = ascii('phoneticPr');

/** The grid value of every `<si>` in order: its text, or null when blank. */
export function readSharedStrings(x: XmlBytes): (string | null)[] {
  const values: (string | null)[] = [];
  let token = x.next();
  while (token === Text) token = x.next();
  if ((token !== Open && token !== Empty) || !x.is(SST)) return unsupported('shared strings root');
  if (token === Empty) return values;
  for (;;) {
    token = x.next();
    if (token === Text) continue;
    if (token === Close && x.is(SST)) break;
    if (token === Empty && x.is(SI)) values.push(null);
    else if (token === Open && x.is(SI)) values.push(nonEmpty(readItem(x, SI)));
    // exceljs refuses anything else in the shared strings part.
    else unsupported('unexpected element in shared strings');
  }
  expectEnd(x);
  return values;
}

/**
 * The text of an `<si>` (or an inline `<is>`) just opened, up to its end tag: the last `<t>`, or the runs
 * joined; undefined when it holds neither. A `<t>` before runs makes exceljs fail; that goes to exceljs.
 */
export function readItem(x: XmlBytes, close: Uint8Array): string | undefined {
  let text: string | undefined;
  let runs: string | undefined;
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close) {
      if (!x.is(close)) unsupported('mismatched end tag');
      return runs ?? text;
    }
    if (token === End) unsupported('unclosed string');
    if (x.is(T)) {
      text = token === Open ? readText(x) : '';
      runs = undefined;
    } else if (x.is(R)) {
      if (text !== undefined) unsupported('runs after text');
      runs = (runs ?? '') + (token === Open ? readRun(x) : '');
    } else if (x.is(RPH)) {
      if (token === Open) x.skipElement();
    } else if (!x.is(PHONETIC_PR)) unsupported('unexpected element in a string');
    else if (token === Open) x.skipElement();
  }
}

/** A rich text run's text: its last `<t>` (escapes decoded); run properties are skipped. Shared by inline strings. */
export function readRun(x: XmlBytes): string {
  let text = '';
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close) {
      if (!x.is(R)) unsupported('mismatched end tag');
      return text;
    }
    if (token === End) unsupported('unclosed run');
    if (x.is(T)) text = token === Open ? readText(x) : '';
    else if (x.is(RPR)) {
      if (token === Open) x.skipElement();
    } else unsupported('unexpected element in a run');
  }
}

/** The text of a `<t>` just opened, `_xHHHH_` escapes decoded as exceljs decodes them. */
function readText(x: XmlBytes): string {
  return decodeEscapes(x.elementText(T));
}

/** exceljs's `_xHHHH_` unescaping (upper-case hex only, one UTF-16 unit each). */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}

/** After the root's end tag only whitespace may follow. */
export function expectEnd(x: XmlBytes): void {
  for (;;) {
    const token = x.next();
    if (token === End) return;
    if (token !== Text || !x.blank()) unsupported('content after the root element');
  }
}
