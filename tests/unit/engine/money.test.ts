import fc from 'fast-check';
import {
  decimalFromNumber,
  fromMinor,
  MoneyRangeError,
  parseDecimalText,
  splitByRealWeights,
  splitLargestRemainder,
  SplitScratch,
  toMinor,
  usedDecimals,
  usNumber,
} from '../../../server/engine/money';

const minor = (text: string, decimals: number) => {
  const d = parseDecimalText(text);
  if (!d) throw new Error(`not decimal text: ${text}`);
  return toMinor(d, decimals);
};
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('parseDecimalText', () => {
  test('Given plain decimal text, when parsed, then the digits and scale are exact', () => {
    expect(parseDecimalText('1234.50')).toEqual({ negative: false, digits: '123450', scale: 2 });
    expect(parseDecimalText('-0.05')).toEqual({ negative: true, digits: '5', scale: 2 });
    expect(parseDecimalText('.5')).toEqual({ negative: false, digits: '5', scale: 1 });
    expect(parseDecimalText('007')).toEqual({ negative: false, digits: '7', scale: 0 });
  });

  test('Given exponent notation, when parsed, then the exponent moves the decimal point exactly', () => {
    expect(parseDecimalText('1e6')).toEqual({ negative: false, digits: '1000000', scale: 0 });
    expect(parseDecimalText('1.5E-3')).toEqual({ negative: false, digits: '15', scale: 4 });
  });

  test('Given minus zero, when parsed, then it is not negative', () => {
    expect(parseDecimalText('-0')?.negative).toBe(false);
    expect(parseDecimalText('-0.00')?.negative).toBe(false);
  });

  test.each(['', '-', '.', 'abc', '1,234', '1.2.3', '$5', '12%'])(
    'Given %p, when parsed, then it is not plain decimal text',
    (text) => {
      expect(parseDecimalText(text)).toBeNull();
    },
  );
});

describe('decimalFromNumber', () => {
  test('Given a number typed into Excel, when read, then it is the decimal that was typed, not its binary approximation', () => {
    expect(decimalFromNumber(1234.56)).toEqual({ negative: false, digits: '123456', scale: 2 });
    expect(decimalFromNumber(-0.1)).toEqual({ negative: true, digits: '1', scale: 1 });
  });

  test('Given a very large or very small number, when read, then it is expanded exactly', () => {
    expect(decimalFromNumber(1e21)).toEqual({ negative: false, digits: '1' + '0'.repeat(21), scale: 0 });
    expect(decimalFromNumber(1e-7)).toEqual({ negative: false, digits: '1', scale: 7 });
  });

  test('Given NaN or Infinity, when read, then it is no decimal', () => {
    expect(decimalFromNumber(Number.NaN)).toBeNull();
    expect(decimalFromNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('usedDecimals', () => {
  test('Given trailing zeros, when counting decimal places, then they do not count', () => {
    expect(usedDecimals({ negative: false, digits: '1250', scale: 2 })).toBe(1);
    expect(usedDecimals({ negative: false, digits: '10000', scale: 2 })).toBe(0);
    expect(usedDecimals({ negative: false, digits: '5', scale: 2 })).toBe(2);
  });

  test('Given zero written with decimals (0.00), when counting decimal places, then it uses none', () => {
    expect(usedDecimals(parseDecimalText('0.00') as NonNullable<ReturnType<typeof parseDecimalText>>)).toBe(
      0,
    );
  });
});

describe('toMinor', () => {
  test('Given fewer decimals than the precision, when converted, then it is padded and not flagged rounded', () => {
    expect(minor('12.5', 2)).toEqual({ value: 1250, rounded: false });
    expect(minor('-7', 2)).toEqual({ value: -700, rounded: false });
  });

  test('Given exactly half a minor unit, when converted, then it rounds half away from zero', () => {
    expect(minor('0.005', 2)).toEqual({ value: 1, rounded: true });
    expect(minor('-0.005', 2)).toEqual({ value: -1, rounded: true });
    expect(minor('2.345', 2)).toEqual({ value: 235, rounded: true });
    expect(minor('-2.345', 2)).toEqual({ value: -235, rounded: true });
  });

  test('Given less than half a minor unit, when converted, then it rounds toward zero and is flagged', () => {
    expect(minor('2.344', 2)).toEqual({ value: 234, rounded: true });
    expect(minor('0.0049', 2)).toEqual({ value: 0, rounded: true });
  });

  test('Given a negative amount that rounds to nothing, when converted, then it is zero, not minus zero', () => {
    expect(Object.is(minor('-0.004', 2)?.value, 0)).toBe(true);
  });

  test('Given a carry through every digit, when rounded, then the carry is exact', () => {
    expect(minor('9.995', 2)).toEqual({ value: 1000, rounded: true });
    expect(minor('99.5', 0)).toEqual({ value: 100, rounded: true });
  });

  test('Given trailing zeros past the precision, when converted, then it is not flagged rounded', () => {
    expect(minor('1.2300', 2)).toEqual({ value: 123, rounded: false });
  });

  test('Given the largest safe amount, when converted, then it is exact', () => {
    expect(minor('90071992547409.91', 2)).toEqual({ value: Number.MAX_SAFE_INTEGER, rounded: false });
  });

  test('Given an amount past the safe integer range, when converted, then it is null (a value, not a throw)', () => {
    expect(minor('90071992547409.92', 2)).toBeNull();
    expect(minor('1e20', 0)).toBeNull();
    expect(minor('-1e20', 0)).toBeNull();
  });
});

describe('fromMinor', () => {
  test('Given minor units, when shown, then they are exact at the decimals', () => {
    expect(fromMinor(123456, 2)).toBe(1234.56);
    expect(fromMinor(-5, 2)).toBe(-0.05);
    expect(fromMinor(42, 0)).toBe(42);
  });

  test('Given any safe amount, when shown, then it is the number toFixed at the decimals gives', () => {
    // The fast division must agree with the text round trip it replaced, near its switch-over point too.
    const seed = 16_2026;
    console.log(`fromMinor property seed ${seed}`);
    const byToFixed = (value: number, decimals: number) =>
      decimals === 0 ? value : Number((value / 10 ** decimals).toFixed(decimals));
    const magnitude = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 2 ** 44, max: 2 ** 49 }),
    );
    fc.assert(
      fc.property(magnitude, fc.boolean(), fc.integer({ min: 0, max: 8 }), (m, negative, decimals) => {
        const value = negative ? -m : m;
        expect(Object.is(fromMinor(value, decimals), byToFixed(value, decimals))).toBe(true);
      }),
      { numRuns: 20_000, seed },
    );
  });

  test('Given minus zero, when shown at decimals, then it is zero as toFixed prints it', () => {
    expect(Object.is(fromMinor(-0, 2), 0)).toBe(true);
  });
});

describe('splitLargestRemainder', () => {
  test('Given 100 split three ways, when split, then the parts are 34/33/33 with the extra unit to the first', () => {
    expect(splitLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  test('Given ties in the remainders, when split twice, then the result is the same and the earlier weight wins', () => {
    const a = splitLargestRemainder(10, [1, 1, 1, 1]);
    expect(a).toEqual([3, 3, 2, 2]);
    expect(splitLargestRemainder(10, [1, 1, 1, 1])).toEqual(a);
  });

  test('Given unequal remainders, when split, then the largest remainders receive the leftover units', () => {
    // 10 × [0.15, 0.25, 0.6] = [1.5, 2.5, 6]: remainders .5, .5, 0 → the two halves round up.
    expect(splitLargestRemainder(10, [15, 25, 60])).toEqual([2, 2, 6]);
    // 7 × [0.1, 0.3, 0.6] = [0.7, 2.1, 4.2]: one leftover unit, the largest remainder (.7) takes it.
    expect(splitLargestRemainder(7, [1, 3, 6])).toEqual([1, 2, 4]);
  });

  test('Given a negative whole, when split, then every part carries the sign and they sum to the whole', () => {
    const parts = splitLargestRemainder(-100, [1, 1, 1]);
    expect(parts).toEqual([-34, -33, -33]);
    expect(sum(parts)).toBe(-100);
  });

  test('Given a zero weight, when split, then that part is exactly zero and receives no leftover unit', () => {
    expect(splitLargestRemainder(1, [0, 1, 1])).toEqual([0, 1, 0]);
    expect(splitLargestRemainder(-1, [0, 1, 1]).map((p) => Object.is(p, -0))).toEqual([false, false, false]);
  });

  test('Given a zero whole, when split, then every part is zero', () => {
    expect(splitLargestRemainder(0, [1, 2])).toEqual([0, 0]);
  });

  test('Given a whole and weights whose product passes 2^53, when split, then the BigInt path keeps it exact', () => {
    const whole = Number.MAX_SAFE_INTEGER;
    const parts = splitLargestRemainder(whole, [1, 1, 1]);
    expect(parts).toEqual([3002399751580331, 3002399751580330, 3002399751580330]);
    expect(BigInt(parts[0] as number) + BigInt(parts[1] as number) + BigInt(parts[2] as number)).toBe(
      BigInt(whole),
    );
    const byShares = splitLargestRemainder(123_456_789_012_345, [400_000_000, 600_000_000]);
    expect(byShares).toEqual([49_382_715_604_938, 74_074_073_407_407]);
  });

  test('Given no weights, when split, then there are no parts', () => {
    expect(splitLargestRemainder(100, [])).toEqual([]);
  });

  test('Given weights that are all zero, negative or fractional, when split, then it is a programmer error', () => {
    expect(() => splitLargestRemainder(100, [0, 0])).toThrow(RangeError);
    expect(() => splitLargestRemainder(100, [1, -1])).toThrow(RangeError);
    expect(() => splitLargestRemainder(100, [0.5, 0.5])).toThrow(RangeError);
  });

  test('Given a whole past the safe range, when split, then it throws MoneyRangeError', () => {
    expect(() => splitLargestRemainder(2 ** 53, [1])).toThrow(MoneyRangeError);
  });
});

describe('splitByRealWeights', () => {
  test('Given real weights (square feet, solved shares), when split, then the parts follow them and sum exactly', () => {
    expect(splitByRealWeights(100, [0.1, 0.2, 0.7])).toEqual([10, 20, 70]);
    const thirds = splitByRealWeights(1000, [1 / 3, 1 / 3, 1 / 3]);
    expect(thirds).toEqual([334, 333, 333]);
  });

  test('Given negative or zero weights, when split, then they receive nothing', () => {
    expect(splitByRealWeights(99, [-1, 0, 2.5])).toEqual([0, 0, 99]);
  });

  test('Given weights that are all zero, when split, then it is a programmer error', () => {
    expect(() => splitByRealWeights(10, [0, 0])).toThrow(RangeError);
    expect(() => splitByRealWeights(10, [])).toThrow(RangeError);
  });

  test('Given a large whole and irrational weights, when split, then the parts still sum exactly', () => {
    const whole = 987_654_321_098_765;
    const parts = splitByRealWeights(whole, [Math.PI, Math.E, Math.SQRT2]);
    expect(sum(parts)).toBe(whole);
    expect((parts[0] as number) / whole).toBeCloseTo(Math.PI / (Math.PI + Math.E + Math.SQRT2), 9);
  });
});

describe('SplitScratch', () => {
  test('Given weights checked once and any whole, when split with their total, then the parts are those of splitLargestRemainder', () => {
    const seed = 13_2026;
    console.log(`SplitScratch property seed ${seed}`);
    const scratch = new SplitScratch();
    const out = new Float64Array(12);
    const whole = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    );
    const weights = fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(whole, weights, (w, ws) => {
        fc.pre(sum(ws) > 0);
        scratch.split(w, ws, sum(ws), out);
        expect(Array.from(out.subarray(0, ws.length))).toEqual(splitLargestRemainder(w, ws));
      }),
      { numRuns: 5_000, seed },
    );
  });

  test('Given weights in a range of a longer array, when split checked, then the parts are those of the range alone, and nothing is written past the exact range', () => {
    const seed = 20261203;
    console.log(`SplitScratch.splitChecked property seed ${seed}`);
    const scratch = new SplitScratch();
    const out = new Float64Array(12);
    const weights = fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
        weights,
        (whole, before, ws) => {
          fc.pre(sum(ws) > 0);
          const all = Float64Array.from([...before, ...ws, 7]);
          out.fill(-1);
          const split = scratch.splitChecked(whole, all, before.length, ws.length, sum(ws), out);
          expect(split).toBe(Math.abs(whole) * sum(ws) <= Number.MAX_SAFE_INTEGER);
          const expected = split ? splitLargestRemainder(whole, ws) : ws.map(() => -1);
          expect(Array.from(out.subarray(0, ws.length))).toEqual(expected);
        },
      ),
      { numRuns: 3_000, seed },
    );
  });

  test('Given no checked total, when weights a split refuses are given, then it refuses them as splitLargestRemainder does', () => {
    const out = new Float64Array(2);
    expect(() => new SplitScratch().split(100, [1.5, 2], undefined, out)).toThrow(RangeError);
    expect(() => new SplitScratch().split(100, [0, 0], undefined, out)).toThrow(RangeError);
  });
});

describe('usNumber', () => {
  test('Given any number, then it reads as toLocaleString in en-US writes it', () => {
    const seed = 20261204;
    console.log(`usNumber: fast-check seed ${seed}`);
    for (const n of [0, -0, 1234.5, -1234567.891, 1e21, NaN, Infinity])
      expect(usNumber(n)).toBe(n.toLocaleString('en-US'));
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer()), (n) => {
        expect(usNumber(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000, seed },
    );
  });
});
