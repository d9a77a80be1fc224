/**
 * Exact money. Amounts are integer counts of minor units (10^-decimals of the workbook's Units); they are
 * parsed from text or numbers without ever passing through a float sum, and split with largest-remainder
 * rounding so the parts always add back to the whole.
 */

/** A parsed decimal: value = sign * digits / 10^scale, with `digits` a string of 0-9 without leading zeros. */
export interface Decimal {
  negative: boolean;
  digits: string;
  scale: number;
}

export class MoneyRangeError extends Error {
  constructor(what: string) {
    super(`${what} is outside the range Throughline can add exactly (about ±9 quadrillion minor units)`);
    this.name = 'MoneyRangeError';
  }
}

/**
 * Guards a sum that cannot pass the safe range once its inputs are checked (past 2^53 integers stop being
 * exact): a throw here is a bug, not a workbook's problem. Sums a workbook can push past the range use
 * `addExact` and report where they overflow.
 */
export function assertSafe(n: number, what = 'An amount'): number {
  if (!Number.isSafeInteger(n)) throw new MoneyRangeError(what);
  return n;
}

/**
 * A sum in minor units that is exact or NaN: past the safe range the result is NaN, and NaN stays NaN through
 * later additions, so a total that overflowed is seen (and reported, its cells left blank) where it is used,
 * never a drifted figure.
 */
export function addExact(sum: number, amount: number): number {
  const next = sum + amount;
  return Number.isSafeInteger(next) ? next : NaN;
}

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/** Parses plain decimal text (`-1234.50`, `1e6`) exactly; null when it is not one. */
export function parseDecimalText(text: string): Decimal | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return null;
  let digits = intPart + fracPart;
  let scale = fracPart.length - (expPart ? Number(expPart) : 0);
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  digits = digits.replace(/^0+(?=\d)/, '');
  return { negative: sign === '-' && /[1-9]/.test(digits), digits, scale };
}

/**
 * A JS number as the decimal a person typed. `String()` gives the shortest text that round-trips, which for a
 * value typed into Excel is what was typed (1234.56, not 1234.5599999999999).
 */
export function decimalFromNumber(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  // Whole numbers are most amounts; skip the text round trip for them.
  if (Number.isSafeInteger(n)) return { negative: n < 0, digits: String(Math.abs(n)), scale: 0 };
  return parseDecimalText(String(n));
}

/** Decimal places actually used (trailing zeros do not count: 12.50 uses one). */
export function usedDecimals(d: Decimal): number {
  if (/^0*$/.test(d.digits)) return 0;
  let scale = d.scale;
  let digits = d.digits;
  while (scale > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale -= 1;
  }
  return scale;
}

export interface MinorConversion {
  value: number;
  /** True when digits past `decimals` were rounded away (half away from zero). */
  rounded: boolean;
}

/** Converts to integer minor units at `decimals` places; null past the safe range (reported at its cell). */
export function toMinor(d: Decimal, decimals: number): MinorConversion | null {
  let digits = d.digits;
  let rounded = false;
  if (d.scale <= decimals) {
    digits += '0'.repeat(decimals - d.scale);
  } else {
    const cut = d.scale - decimals;
    const keep = digits.length > cut ? digits.slice(0, digits.length - cut) : '0';
    const dropped = digits.length > cut ? digits.slice(digits.length - cut) : digits.padStart(cut, '0');
    rounded = /[1-9]/.test(dropped);
    digits = dropped[0] !== undefined && dropped[0] >= '5' ? incrementDigits(keep) : keep;
  }
  if (digits.length > 16) return null;
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) return null;
  return { value: d.negative && magnitude !== 0 ? -magnitude : magnitude, rounded };
}

function incrementDigits(digits: string): string {
  return (BigInt(digits) + 1n).toString();
}

/**
 * Below `quotientExactBelow(d)` (in minor units), `value / 10^d` is already the number `toFixed(d)` would
 * round it to: the quotient's float error is then under a quarter of 10^-d, so the nearest d-place decimal is
 * the exact one and reading it back gives the same float. Above, `toFixed` decides (a table prints a million
 * figures; `toFixed` on each was a second of the run).
 */
const quotientExactBelow = (decimals: number): number =>
  10 ** decimals * 2 ** (52 - Math.ceil(decimals * Math.log2(10)));
const EXACT_BELOW = Array.from({ length: 16 }, (_, d) => quotientExactBelow(d));

const US_NUMBERS = new Intl.NumberFormat('en-US');

/**
 * A number as `n.toLocaleString('en-US')` writes it (`1,234.5`), by one formatter made once: `toLocaleString`
 * makes a new one on every call, which cost more than the rest of the message it was written into.
 */
export function usNumber(n: number): string {
  return US_NUMBERS.format(n);
}

/** Minor units back to a number in Units, for display and for the wire (exact to the shown decimals). */
export function fromMinor(value: number, decimals: number): number {
  if (decimals === 0) return value;
  const quotient = value / 10 ** decimals;
  // `toFixed` prints -0 as 0; so does this.
  if (Math.abs(value) < (EXACT_BELOW[decimals] ?? 0)) return quotient === 0 ? 0 : quotient;
  return Number(quotient.toFixed(decimals));
}

/** Whole division of safe integers: the float quotient can round up past an integer, so it is corrected. */
function divide(n: number, d: number): { times: number; rest: number } {
  let times = Math.floor(n / d);
  let rest = n - times * d;
  if (rest < 0) {
    times -= 1;
    rest += d;
  }
  return { times, rest };
}

/**
 * Splits `whole` in proportion to non-negative integer `weights` so the parts sum exactly to `whole`
 * (Hamilton's largest-remainder method). Ties go to the earlier weight, so the result is deterministic.
 * Negative wholes split their magnitude and negate, keeping every part's sign with the whole.
 */
export function splitLargestRemainder(whole: number, weights: readonly number[]): number[] {
  const parts = new Array<number>(weights.length);
  splitLargestRemainderInto(whole, weights, parts, new Array<number>(weights.length));
  return parts;
}

/** Writable numbers, as a plain or typed array: the hot loops split into buffers they reuse. */
export interface NumberBuffer {
  [index: number]: number;
  readonly length: number;
}

/**
 * `splitLargestRemainder` into `parts` (its first `weights.length` places), with `remainders` as scratch of at
 * least that length: the crosswalk splits every budget amount, and a new array per split was its garbage.
 */
export function splitLargestRemainderInto(
  whole: number,
  weights: ArrayLike<number>,
  parts: NumberBuffer,
  remainders: NumberBuffer,
): void {
  assertSafe(whole);
  const n = weights.length;
  if (n === 0) return;
  if (n === 1) {
    if ((weights[0] as number) <= 0) throw new RangeError('cannot split by weights that sum to zero');
    parts[0] = whole;
    return;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weights must be non-negative integers, got ${w}`);
    total = assertSafe(total + w, 'A sum of weights');
  }
  if (total === 0) throw new RangeError('cannot split by weights that sum to zero');
  const sign = whole < 0 ? -1 : 1;
  const magnitude = Math.abs(whole);
  let assigned = 0;
  const exactInFloat = magnitude * total <= Number.MAX_SAFE_INTEGER;
  // magnitude = times * total + rest, so magnitude * w / total = times * w + rest * w / total: exact in floats
  // while rest * w (below total^2) is, which covers large amounts split by shares of a few digits.
  const byRest = !exactInFloat && total * total <= Number.MAX_SAFE_INTEGER;
  const { times, rest } = divide(magnitude, total);
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    let q: number;
    let r: number;
    if (exactInFloat) {
      const product = magnitude * w;
      q = Math.floor(product / total);
      r = product - q * total;
    } else if (byRest) {
      const product = rest * w;
      const fraction = Math.floor(product / total);
      q = times * w + fraction;
      r = product - fraction * total;
    } else {
      const product = BigInt(magnitude) * BigInt(w);
      const bigTotal = BigInt(total);
      q = Number(product / bigTotal);
      r = Number(product % bigTotal);
    }
    parts[i] = q;
    remainders[i] = r;
    assigned += q;
  }
  giveLeftover(parts, remainders, n, magnitude - assigned);
  if (sign < 0) negate(parts, n);
}

/**
 * Largest-remainder splits with scratch reused from one split to the next: the crosswalk and its tables split
 * every budget amount, and a new array per split was most of their garbage. A class, so those loops call a
 * method: a function imported from another module costs a getter call per use where ES modules are loaded as
 * CommonJS (tsx), and per amount that was a fifth of the crosswalk's time.
 */
export class SplitScratch {
  private remainders = new Float64Array(8);

  /**
   * `splitLargestRemainderInto(whole, weights, out, ...)`, the same parts. `total` is the weights' sum when they
   * were checked beforehand (non-negative safe integers, a positive sum): a rule set's weights are checked once,
   * not once per amount. Without it, or when the products could pass the exact range, the checked general path.
   */
  split(whole: number, weights: ArrayLike<number>, total: number | undefined, out: NumberBuffer): void {
    const n = weights.length;
    if (total === undefined || n < 2 || !this.splitChecked(whole, weights, 0, n, total, out))
      splitLargestRemainderInto(whole, weights, out, this.scratchFor(n));
  }

  /**
   * The fast path of `split` over `weights[from, from + n)`, whose `total` was checked: every product of the
   * amount and a weight is exact in a float, so the floors and remainders are too. False, with nothing written,
   * when the products could pass the exact range (the caller then takes the general path). The crosswalk keeps
   * every rule set's weights in one array, so it splits by a range of it.
   */
  splitChecked(
    whole: number,
    weights: ArrayLike<number>,
    from: number,
    n: number,
    total: number,
    out: NumberBuffer,
  ): boolean {
    const magnitude = Math.abs(whole);
    if (!(magnitude * total <= Number.MAX_SAFE_INTEGER)) return false;
    if (n === 2) {
      splitInTwo(magnitude, weights[from] as number, total, out);
      if (whole < 0) negate(out, 2);
      return true;
    }
    const remainders = this.scratchFor(n);
    let assigned = 0;
    for (let i = 0; i < n; i++) {
      const product = magnitude * (weights[from + i] as number);
      const q = Math.floor(product / total);
      out[i] = q;
      remainders[i] = product - q * total;
      assigned += q;
    }
    giveLeftover(out, remainders, n, magnitude - assigned);
    if (whole < 0) negate(out, n);
    return true;
  }

  private scratchFor(n: number): Float64Array {
    if (n > this.remainders.length) this.remainders = new Float64Array(n);
    return this.remainders;
  }
}

/**
 * Largest remainder for two parts (most multi-part splits), exact under `splitChecked`'s condition. The two
 * remainders sum to `total` or are both 0, so at most one unit is left over, and it goes to the first part when
 * its remainder is at least half of `total` (the larger, or a tie, which goes to the earlier part).
 */
function splitInTwo(magnitude: number, first: number, total: number, out: NumberBuffer): void {
  const product = magnitude * first;
  let q = Math.floor(product / total);
  const rest = product - q * total;
  if (rest > 0 && 2 * rest >= total) q += 1;
  out[0] = q;
  out[1] = magnitude - q;
}

/**
 * Gives the `left` units the floors did not to the parts with the largest remainders, one each, the earlier
 * part on a tie (fewer units are left than there are parts). Picking the top few directly is cheaper than
 * sorting on this hot path. Marks the remainders it used.
 */
function giveLeftover(parts: NumberBuffer, remainders: NumberBuffer, n: number, left: number): void {
  for (; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (
        (remainders[i] as number) >= 0 &&
        (best < 0 || (remainders[i] as number) > (remainders[best] as number))
      )
        best = i;
    }
    parts[best] = (parts[best] as number) + 1;
    remainders[best] = -1;
  }
}

/** Turns the parts of a split magnitude into those of a negative whole (no part becomes -0). */
function negate(parts: NumberBuffer, n: number): void {
  for (let i = 0; i < n; i++) parts[i] = parts[i] === 0 ? 0 : -(parts[i] as number);
}

/**
 * Splits `whole` by real-valued, non-negative weights (from a linear solve or a driver in square feet), with the
 * same exactness guarantee. Weights are first turned into integers at a fixed resolution.
 */
export function splitByRealWeights(whole: number, weights: readonly number[]): number[] {
  // A loop, not Math.max(...weights): there can be more weights than a call can take arguments.
  let max = 0;
  for (const w of weights) max = Math.max(max, w);
  if (!(max > 0)) throw new RangeError('cannot split by weights that are all zero');
  const resolution = 1e12 / max;
  return splitLargestRemainder(
    whole,
    weights.map((w) => (w > 0 ? Math.round(w * resolution) : 0)),
  );
}
