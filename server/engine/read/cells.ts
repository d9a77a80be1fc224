import type { CellValue } from '../../../models';
import { type Decimal, decimalFromNumber, parseDecimalText } from '../money';
import { withFields } from '../../objects';

/**
 * Turning raw cell values into what a budget officer meant. Every parser returns a tagged result instead of
 * throwing, so the reader can say exactly what was wrong with which cell and carry on with the next.
 */

export type CellProblem =
  | { problem: 'error-value'; text: string }
  | { problem: 'date'; text: string }
  | { problem: 'formula'; text: string }
  | { problem: 'not-a-number'; text: string }
  | { problem: 'percent'; text: string };

export type Parsed<T> = { kind: 'blank' } | { kind: 'ok'; value: T } | ({ kind: 'bad' } & CellProblem);

const BLANK_MARKS = new Set(['', '-', '—', '–', '--', 'n/a', 'N/A', 'NA']);

function special(v: CellValue): ({ kind: 'bad' } & CellProblem) | null {
  if (v === null || typeof v !== 'object') return null;
  if ('error' in v) return { kind: 'bad', problem: 'error-value', text: v.error };
  if ('date' in v) return { kind: 'bad', problem: 'date', text: v.date.slice(0, 10) };
  return { kind: 'bad', problem: 'formula', text: v.formula };
}

/** Anything `cellText` would change: white space at either end, a run of it, or any but a plain space. */
const WHITESPACE_RUN = /^\s|\s$|\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]/;
const SPACE = 0x20;
const TILDE = 0x7e;

/**
 * True when `s` is printable ASCII with single spaces between words, which `cellText` leaves as it is. A
 * character scan, because a large Budget has millions of text cells and nearly all are clean; anything else
 * (other white space, any non-ASCII letter) is left to the RegExp, which decides exactly as before.
 */
export function isPlainText(s: string): boolean {
  const last = s.length - 1;
  if (last < 0) return true;
  if (s.charCodeAt(0) === SPACE || s.charCodeAt(last) === SPACE) return false;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE ? s.charCodeAt(i + 1) === SPACE : c < SPACE || c > TILDE) return false;
  }
  return true;
}

/** Text as a person reads it: trimmed, with runs of white space (line breaks too) folded to one space. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string')
    return isPlainText(v) || !WHITESPACE_RUN.test(v) ? v : v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('date' in v) return v.date.slice(0, 10);
  if ('error' in v) return v.error;
  return '';
}

/** Shown in messages: the cell as the user sees it, shortened. */
export function shown(v: CellValue): string {
  const t =
    v !== null && typeof v === 'object' ? cellText(v) || ('formula' in v ? v.formula : '') : cellText(v);
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

const GROUPED = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * An amount: numbers, or text such as `1,234`, `(1,234)`, `-1,234`, `$1,234.56`; `—`, `-` or blank is no amount.
 * Anything else is a problem at the cell, never a silent zero.
 */
export function parseAmount(v: CellValue): Parsed<Decimal> {
  const s = special(v);
  if (s) return s;
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number') {
    const d = decimalFromNumber(v);
    return d ? { kind: 'ok', value: d } : { kind: 'bad', problem: 'not-a-number', text: String(v) };
  }
  if (typeof v === 'boolean') return { kind: 'bad', problem: 'not-a-number', text: cellText(v) };
  let t = (v as string).replace(/[\s\u00a0]+/g, '');
  if (BLANK_MARKS.has(t)) return { kind: 'blank' };
  const original = (v as string).trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1] as string;
  }
  if (t.startsWith('-') || t.startsWith('+')) {
    // `(-5)` is a negative written twice, not a positive: parentheses already say negative.
    negative = paren ? true : t.startsWith('-');
    t = t.slice(1);
  }
  if (t.startsWith('$')) t = t.slice(1);
  const innerParen = /^\((.*)\)$/.exec(t);
  if (innerParen && !paren) {
    negative = !negative;
    t = innerParen[1] as string;
  }
  if (t.endsWith('%')) return { kind: 'bad', problem: 'percent', text: original };
  if (t === '' || !(GROUPED.test(t) || /^\d+(?:\.\d+)?[eE][+-]?\d+$/.test(t))) {
    return { kind: 'bad', problem: 'not-a-number', text: original };
  }
  const d = parseDecimalText(t.replace(/,/g, ''));
  if (!d) return { kind: 'bad', problem: 'not-a-number', text: original };
  return { kind: 'ok', value: withFields(d, { negative: negative && /[1-9]/.test(d.digits) }) };
}

/** A measure value, driver value or elasticity: a plain number, `55%` read as 0.55, text numbers accepted. */
export function parseNumber(v: CellValue): Parsed<number> {
  const s = special(v);
  if (s) return s;
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'number')
    return Number.isFinite(v)
      ? { kind: 'ok', value: v }
      : { kind: 'bad', problem: 'not-a-number', text: String(v) };
  if (typeof v === 'boolean') return { kind: 'bad', problem: 'not-a-number', text: cellText(v) };
  const t = (v as string).replace(/[\s\u00a0]+/g, '');
  if (BLANK_MARKS.has(t)) return { kind: 'blank' };
  const percent = t.endsWith('%');
  const amount = parseAmount(percent ? t.slice(0, -1) : t);
  if (amount.kind !== 'ok') return { kind: 'bad', problem: 'not-a-number', text: (v as string).trim() };
  const n = Number(`${amount.value.negative ? '-' : ''}${amount.value.digits}e-${amount.value.scale}`);
  return { kind: 'ok', value: percent ? n / 100 : n };
}

/** A share: a fraction (`0.4`), a percent (`40%`), or a bare number (`40`) that the rules judge in context. */
export function parseShare(v: CellValue): Parsed<{ value: Decimal; percent: boolean }> {
  const s = special(v);
  if (s) return s;
  if (typeof v === 'string') {
    const t = v.replace(/[\s\u00a0]+/g, '');
    if (t.endsWith('%')) {
      const d = parseAmount(t.slice(0, -1));
      if (d.kind === 'ok') return { kind: 'ok', value: { value: d.value, percent: true } };
      return { kind: 'bad', problem: 'not-a-number', text: v.trim() };
    }
  }
  const d = parseAmount(v);
  if (d.kind !== 'ok')
    return d.kind === 'bad' && d.problem === 'percent'
      ? withFields(d, { problem: 'not-a-number' as const })
      : d;
  return { kind: 'ok', value: { value: d.value, percent: false } };
}

/** A fiscal year: 2018, `2018`, `FY2018`, `FY 2018`. */
export function parseYear(v: CellValue): number | null {
  const t = cellText(v);
  const m = /^(?:FY\s*)?((?:19|20)\d{2})$/i.exec(t);
  return m ? Number(m[1]) : null;
}

/** Header text normalised for matching (the one normaliser, in models/). */
export { normalizeName } from '../../../models/names';

/** Names compared as the same thing: case, white space and trailing punctuation do not count. */
export function nameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!]+$/, '')
    .trim();
}
