/**
 * Decimal figures written straight into bytes, shared by the two byte-level writers (the xlsx sheet writer's
 * `ByteSink` and the HTTP answer's `JsonWriter`): a whole number's digits by integer arithmetic, and a count of
 * 10^-decimals units as a decimal. The caller makes room first; each returns the index just after what it wrote.
 */

const ZERO = 0x30;
const POINT = 0x2e;

/** The most bytes `putDigits` writes: 2^53 has 16 digits. */
export const DIGITS_BYTES = 16;

/** The decimal digits of a whole number from 0 up to 2^53. */
export function putDigits(bytes: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    bytes[at] = ZERO + value;
    return at + 1;
  }
  let length = 0;
  for (let v = value; v >= 1; v = Math.floor(v / 10)) length++;
  let i = at + length;
  if (value <= 0x7fffffff) {
    // Small integers (row numbers, string ids, most amounts) in 32-bit arithmetic, which V8 does fastest.
    for (let v = value | 0; v > 0; v = (v / 10) | 0) bytes[--i] = ZERO + (v % 10);
  } else {
    for (let v = value; v >= 1; v = Math.floor(v / 10)) bytes[--i] = ZERO + (v % 10);
  }
  return at + length;
}

/**
 * `units / 10^decimals` for a whole number of units from 0 up to 2^53: the whole part's digits, then a point and
 * exactly `decimals` places when `pad` (`1234.50`), or else the places without their trailing zeros and no point
 * when none are left (`1234.5`, `12`, `0.05`). Writes at most `DIGITS_BYTES + 1 + decimals` bytes.
 */
export function putUnits(
  bytes: Uint8Array,
  at: number,
  units: number,
  decimals: number,
  pad: boolean,
): number {
  if (units <= MAX_INT32 && decimals <= MAX_INT32_DECIMALS)
    return putSmallUnits(bytes, at, units, decimals, pad);
  const scale = 10 ** decimals;
  let fraction = units % scale;
  const end = putDigits(bytes, at, (units - fraction) / scale);
  let places = decimals;
  if (!pad) {
    while (places > 0 && fraction % 10 === 0) {
      fraction /= 10;
      places--;
    }
  }
  if (places === 0) return end;
  bytes[end] = POINT;
  for (let i = end + places; i > end; i--, fraction = Math.floor(fraction / 10))
    bytes[i] = ZERO + (fraction % 10);
  return end + places + 1;
}

const MAX_INT32 = 0x7fffffff;
/** 10^9 is the largest power of ten a 32-bit integer holds. */
const MAX_INT32_DECIMALS = 9;

/**
 * `putUnits` for units up to 2^31 - 1 (most figures of a table) in 32-bit integer arithmetic throughout, which
 * V8 runs several times faster than the general path's divisions and remainders of doubles.
 */
function putSmallUnits(bytes: Uint8Array, at: number, units: number, decimals: number, pad: boolean): number {
  const scale = 10 ** decimals;
  const whole = (units / scale) | 0;
  let fraction = units - whole * scale;
  let end = at + 1;
  for (let v = whole; v >= 10; v = (v / 10) | 0) end++;
  for (let v = whole, i = end; i > at; v = (v / 10) | 0) bytes[--i] = ZERO + (v % 10);
  let places = decimals;
  if (!pad) {
    while (places > 0 && fraction % 10 === 0) {
      fraction = (fraction / 10) | 0;
      places--;
    }
  }
  if (places === 0) return end;
  bytes[end] = POINT;
  for (let i = end + places; i > end; i--, fraction = (fraction / 10) | 0) bytes[i] = ZERO + (fraction % 10);
  return end + places + 1;
}
