import { Random } from '../../../bench/random';
import { plainDecimal } from '../../../server/xlsx/package/decimalBytes';

/** plainDecimal over the whole of `text`, written as a sheet holds it (inside other bytes, by offsets). */
function parsed(text: string): number {
  const bytes = Buffer.from(`<v>${text}</v>`, 'latin1');
  return plainDecimal(bytes, 3, 3 + text.length);
}

/** Fails unless the fast path either declines (NaN) or gives exactly what parseFloat and Number give. */
function expectSameAsParseFloat(text: string): void {
  const fast = parsed(text);
  if (Number.isNaN(fast)) return;
  if (!Object.is(fast, parseFloat(text)) || !Object.is(fast, Number(text)))
    throw new Error(`${JSON.stringify(text)}: ${fast} but parseFloat gives ${parseFloat(text)}`);
}

const digitsOf = (r: Random, n: number): string => Array.from({ length: n }, () => r.int(0, 9)).join('');

/** A plain decimal of up to `maxDigits` digits: sign, integer part (with leading zeros at times), fraction. */
function randomDecimal(r: Random, maxDigits: number): string {
  const total = r.int(1, maxDigits);
  const fraction = r.int(0, total - 1);
  const sign = r.next() < 0.3 ? '-' : '';
  const whole = digitsOf(r, total - fraction);
  return fraction > 0 ? `${sign}${whole}.${digitsOf(r, fraction)}` : `${sign}${whole}`;
}

describe('plainDecimal', () => {
  it.each([
    ['0', 0],
    ['-0', -0],
    ['7', 7],
    ['2026', 2026],
    ['905951.64', 905951.64],
    ['-158824.55', -158824.55],
    ['0.1', 0.1],
    ['0.30', 0.3],
    ['00012', 12],
    ['999999999999999', 999999999999999],
    ['0.00000000000001', 1e-14],
    ['1.23456789012345', 1.23456789012345],
    ['-99999999999999.9', -99999999999999.9],
  ])('Given %s, When read from the bytes, Then it is the number parseFloat gives', (text, value) => {
    expect(Object.is(parsed(text), value)).toBe(true);
    expect(Object.is(parsed(text), parseFloat(text))).toBe(true);
  });

  it.each([
    '',
    '-',
    '.',
    '.5',
    '1.',
    '-.5',
    '+1',
    ' 1',
    '1 ',
    '1e5',
    '1E-3',
    '1.2.3',
    '--1',
    '1-',
    '0x10',
    'Infinity',
    'NaN',
    '1&#48;',
    '9007199254740993',
    '0.30000000000000004',
    '1234567890123456',
  ])(
    'Given %j, which is not a plain decimal of 15 digits or fewer, When read, Then it is left to parseFloat (NaN)',
    (text) => {
      expect(parsed(text)).toBeNaN();
    },
  );

  it('Given random plain decimals of up to 15 digits (fixed seed), When read, Then each is exactly parseFloat and Number of its text', () => {
    const seed = 20261203;
    console.log(`plainDecimal seed: ${seed}`);
    const r = new Random(seed);
    let declined = 0;
    for (let i = 0; i < 50_000; i++) {
      const text = randomDecimal(r, 15);
      if (Number.isNaN(parsed(text))) declined++;
      expectSameAsParseFloat(text);
    }
    expect(declined).toBe(0);
  });

  it('Given random byte strings of decimal characters and others (fixed seed), When read, Then it declines or agrees with parseFloat', () => {
    const seed = 1313;
    console.log(`plainDecimal noise seed: ${seed}`);
    const r = new Random(seed);
    const alphabet = ['0', '1', '5', '9', '.', '-', '+', 'e', ' ', '&'];
    for (let i = 0; i < 30_000; i++) {
      const text = Array.from({ length: r.int(0, 20) }, () => r.pick(alphabet)).join('');
      expectSameAsParseFloat(text);
    }
    // Decimals past 15 digits: the fast path must decline or agree.
    for (let i = 0; i < 20_000; i++) expectSameAsParseFloat(randomDecimal(r, 22));
  });

  it('Given the halfway cases near 2^53 and the smallest fractions, When read, Then they agree with parseFloat', () => {
    for (const text of [
      '900719925474099',
      '0.000000000000005',
      '4503599627370.49',
      '0.1000000000000',
      '-0.000',
    ])
      expectSameAsParseFloat(text);
    expect(Object.is(parsed('-0.000'), -0)).toBe(true);
  });
});
