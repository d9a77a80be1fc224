import type { Decimal } from '../money';

/**
 * Exact decimal amounts for the tie-out: `units / 10^scale` with `units` a bigint. Treasury's broker compares
 * File A with the sum of File B in SQL NUMERIC, to the last digit; a float sum of thousands of cents drifts, so
 * every sum here is exact whatever the number of decimals the agency reported.
 */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

export const ZERO: Exact = { units: 0n, scale: 0 };

const POWERS: bigint[] = [1n];
function power(n: number): bigint {
  while (POWERS.length <= n) POWERS.push((POWERS[POWERS.length - 1] as bigint) * 10n);
  return POWERS[n] as bigint;
}

export function exactOf(d: Decimal): Exact {
  const units = BigInt(d.digits);
  return { units: d.negative ? -units : units, scale: d.scale };
}

export function negate(a: Exact): Exact {
  return { units: -a.units, scale: a.scale };
}

export function add(a: Exact, b: Exact): Exact {
  if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
  if (a.scale > b.scale) return { units: a.units + b.units * power(a.scale - b.scale), scale: a.scale };
  return { units: a.units * power(b.scale - a.scale) + b.units, scale: b.scale };
}

export function subtract(a: Exact, b: Exact): Exact {
  return add(a, negate(b));
}

export function isZero(a: Exact): boolean {
  return a.units === 0n;
}

export function equal(a: Exact, b: Exact): boolean {
  return isZero(subtract(a, b));
}

/** Plain decimal text, `-1234.5`, with no trailing zeros after the point: what the Budget reader parses. */
export function plainText(a: Exact): string {
  if (a.units === 0n) return '0';
  const negative = a.units < 0n;
  let digits = (negative ? -a.units : a.units).toString();
  let scale = a.scale;
  while (scale > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const frac = scale > 0 ? `.${padded.slice(padded.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

// A double holds any decimal of at most 15 significant digits exactly (to its decimal text and back).
const MAX_EXACT_DIGITS = 15;
/** Units below this have at most 15 digits, so the amount has at most 15 significant digits. */
const EXACT_UNITS = 10n ** 15n;

/** Whether plain decimal text (`-1234.50`) reads into a double and back unchanged: at most 15 significant digits. */
export function fitsDouble(text: string): boolean {
  // Sign and point aside, a text this short has at most 15 digits (the common case, decided without counting).
  if (text.length <= MAX_EXACT_DIGITS) return true;
  const [whole = '', fraction = ''] = text.replace(/^-/, '').split('.');
  return (whole + fraction.replace(/0+$/, '')).replace(/^0+/, '').length <= MAX_EXACT_DIGITS;
}

/**
 * The amount as a cell holds it: a number when a double holds it exactly (as Excel would store it, and as the
 * Budget reader reads fastest), else its exact decimal text.
 */
export function cellAmount(a: Exact): number | string {
  // Both exact doubles, so the quotient is the double nearest the decimal, as Number(text) would give: no text.
  if (a.units < EXACT_UNITS && a.units > -EXACT_UNITS && a.scale <= MAX_EXACT_DIGITS)
    return Number(a.units) / 10 ** a.scale;
  const text = plainText(a);
  return fitsDouble(text) ? Number(text) : text;
}

/** The amount as a number for an output cell (display only; sums and comparisons stay exact). */
export function toNumber(a: Exact): number {
  return Number(plainText(a));
}

/** `$1,234.50`, `-$12.00`: dollars and cents, or every decimal the agency reported when it reported more. */
export function formatDollars(a: Exact): string {
  const text = plainText(a);
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${grouped}.${frac.padEnd(2, '0')}`;
}
