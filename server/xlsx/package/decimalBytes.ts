/**
 * Numbers read straight from a sheet's bytes, without making a string for `parseFloat`: a budget sheet holds
 * millions of them. Only where the result is provably the one `parseFloat` (and `Number`) gives; everything else
 * is NaN, and the caller parses the text as before.
 */

const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** At most 15 digits: the integer they spell is below 10^15 < 2^53, so it is an exact double. */
const MAX_DIGITS = 15;

/** 10^0..10^15, each an exact double (every power of ten up to 10^22 is). */
const POWERS_OF_TEN = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * The value of a plain decimal written in `bytes[start..end)`: an optional `-`, digits, then optionally `.` and
 * more digits, 15 digits at most in all, nothing else (no sign `+`, exponent, spaces or entity). NaN for
 * anything else. Why this is exactly `parseFloat(text)`: the digits without the point are an integer M < 2^53
 * and the point's place a power of ten 10^k with k <= 15, both exact doubles, so M / 10^k is one IEEE division
 * of exact operands, correctly rounded, which is the correctly rounded value of the decimal, as `parseFloat`
 * returns it. `-0` stays negative zero, as `parseFloat("-0")` does.
 */
export function plainDecimal(bytes: Uint8Array, start: number, end: number): number {
  let p = start;
  const negative = bytes[p] === MINUS;
  if (negative) p++;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; p < end; p++) {
    const b = bytes[p] as number;
    if (b >= ZERO && b <= NINE) {
      mantissa = mantissa * 10 + (b - ZERO);
      if (++digits > MAX_DIGITS) return NaN;
      if (scale >= 0) scale++;
    } else if (b === DOT && scale < 0 && digits > 0) scale = 0;
    else return NaN;
  }
  // No digits, or a point without digits after it.
  if (digits === 0 || scale === 0) return NaN;
  const value = scale > 0 ? mantissa / (POWERS_OF_TEN[scale] as number) : mantissa;
  return negative ? -value : value;
}
