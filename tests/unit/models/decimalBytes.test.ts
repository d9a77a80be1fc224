import fc from 'fast-check';
import { putDigits, putUnits } from '../../../models/decimalBytes';

/**
 * The digit writer both byte-level writers share (xlsx sheets and JSON answers): what it writes must be what
 * JavaScript's own number-to-text gives for the same figure.
 */

const SEED = 20261205;
const written = (write: (bytes: Uint8Array, at: number) => number): string => {
  const bytes = new Uint8Array(64).fill(0x7e);
  const end = write(bytes, 3);
  expect(bytes[2]).toBe(0x7e); // nothing written before `at`
  return Buffer.from(bytes.subarray(3, end)).toString('latin1');
};

describe('Given whole numbers and counts of units', () => {
  test('When their digits are written, Then they read as String does, at both ends of the range', () => {
    process.stdout.write(`decimalBytes: seed ${SEED}\n`);
    for (const v of [0, 7, 10, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1])
      expect(written((b, at) => putDigits(b, at, v))).toBe(String(v));
    fc.assert(
      fc.property(fc.maxSafeNat(), (v) => written((b, at) => putDigits(b, at, v)) === String(v)),
      { seed: SEED, numRuns: 2000 },
    );
  });

  test('When units are written as decimals, Then padded they read as toFixed, unpadded as String of the figure', () => {
    expect(written((b, at) => putUnits(b, at, 5, 2, false))).toBe('0.05');
    expect(written((b, at) => putUnits(b, at, 123450, 2, true))).toBe('1234.50');
    expect(written((b, at) => putUnits(b, at, 1200, 2, false))).toBe('12');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 2 }), (units, decimals) => {
        const figure = units / 10 ** decimals;
        return (
          written((b, at) => putUnits(b, at, units, decimals, true)) === figure.toFixed(decimals) &&
          written((b, at) => putUnits(b, at, units, decimals, false)) === String(figure)
        );
      }),
      { seed: SEED + 1, numRuns: 2000 },
    );
  });
});
