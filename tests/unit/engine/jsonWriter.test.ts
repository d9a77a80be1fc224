import fc from 'fast-check';
import { fromMinor } from '../../../server/engine/money';
import { JsonWriter } from '../../../server/engine/tables/jsonWriter';

/**
 * The JSON writer must write exactly the bytes `Buffer.from(JSON.stringify(value))` would: an HTTP answer's
 * big tables are written with it, and clients (and the tests of the answer) compare them with that.
 */

const SEED = 20261303;
const RUNS = { numRuns: 2000, seed: SEED } as const;
console.log(`jsonWriter: fast-check seed ${SEED}, ${RUNS.numRuns} runs`);

/** What the writer wrote, as a string, after one call on a writer small enough to grow. */
function written(write: (w: JsonWriter) => void): string {
  const w = new JsonWriter(4);
  write(w);
  return Buffer.from(w.since(0)).toString('utf8');
}

const TRICKY_TEXTS = [
  '',
  'plain ASCII 123',
  'say "hello"',
  'C:\\budget\\file',
  'tab\there, new\nline, return\r, bell\u0007, nul\u0000, unit sep\u001f, delete\u007f',
  'Résumé – ’quoted’ naïve',
  '税金 Ελληνικά русский',
  '🧾 a receipt, 𝄞 a clef',
  'lone high \ud800 surrogate',
  'lone low \udc00 surrogate',
  'reversed pair \udc00\ud800',
  '\u2028 line and \u2029 paragraph separators',
  '</script><!--',
  '\\"',
];

describe('Given texts that JSON must escape or encode', () => {
  test.each(TRICKY_TEXTS)('When %j is written, Then the bytes are those of JSON.stringify', (text) => {
    expect(written((w) => w.string(text))).toBe(JSON.stringify(text));
  });

  test('When any string is written, Then the bytes are those of JSON.stringify', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(written((w) => w.string(text))).toBe(JSON.stringify(text));
      }),
      RUNS,
    );
  });
});

const TRICKY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  7,
  0.77,
  1 / 3,
  -2.5,
  1e-7,
  5e-324,
  123456789012345,
  999999999999999,
  1e15,
  -1e15,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  1.5e300,
  Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
];

describe('Given numbers', () => {
  test.each(TRICKY_NUMBERS)('When %p is written, Then the text is that of JSON.stringify', (n) => {
    expect(written((w) => w.number(n))).toBe(JSON.stringify(n));
  });

  test('When any double is written, Then the text is that of JSON.stringify', () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), (d, i) => {
        expect(written((w) => w.number(d))).toBe(JSON.stringify(d));
        expect(written((w) => w.number(i))).toBe(JSON.stringify(i));
      }),
      RUNS,
    );
  });
});

describe('Given figures in minor units', () => {
  const shown = (minor: number, decimals: number) => JSON.stringify(fromMinor(minor, decimals));

  test.each([
    [123456, 2],
    [-5, 2],
    [1200, 2],
    [-1200, 2],
    [10, 1],
    [999999999999999, 2],
    [-999999999999999, 6],
    [1e15, 2],
    [2 ** 53 - 1, 2],
    [-(2 ** 53) + 1, 8],
    [2 ** 31, 3],
    [2 ** 31 - 1, 0],
    [7, 7],
    [1, 8],
    [2 ** 60, 2],
  ])('When %p at %p decimals is written, Then it reads as fromMinor stringified', (minor, decimals) => {
    expect(written((w) => w.minor(minor, decimals))).toBe(shown(minor, decimals));
  });

  test('When any whole count at any decimals is written, Then it reads as fromMinor stringified', () => {
    const magnitudes = fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.integer({ min: -(2 ** 31) - 10, max: 2 ** 31 + 10 }),
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.constantFrom(1e15 - 1, 1e15, -(1e15 - 1), 2 ** 53, 2 ** 60),
    );
    fc.assert(
      fc.property(magnitudes, fc.integer({ min: 0, max: 8 }), (minor, decimals) => {
        expect(written((w) => w.minor(minor, decimals))).toBe(shown(minor, decimals));
      }),
      RUNS,
    );
  });

  test('When a run is written, Then zeros and NaN are null and the figures are comma-separated', () => {
    const run = Float64Array.from([0, 12345, NaN, -7, 0]);
    expect(written((w) => w.minors(run, 0, 5, 2))).toBe('null,123.45,null,-0.07,null');
    expect(written((w) => w.minors(run, 1, 2, 0))).toBe('12345');
  });
});

describe('Given bytes written before', () => {
  test('When they are written again past the room first made, Then both copies are whole', () => {
    const w = new JsonWriter(8);
    w.string('a long text of forty characters or so...');
    const end = w.length;
    w.byte(0x2c);
    w.again(0, end);
    w.byte(0x2c);
    w.again(1, 3);
    const text = '"a long text of forty characters or so..."';
    expect(Buffer.from(w.since(0)).toString()).toBe(`${text},${text},a `);
  });

  test('When the writer is cleared, Then what it held is wiped and it writes from the start again', () => {
    const w = new JsonWriter(4);
    w.string('first answer');
    const first = w.since(0);
    w.clear();
    expect(first.every((b) => b === 0)).toBe(true);
    w.null();
    expect(Buffer.from(w.since(0)).toString()).toBe('null');
    expect(w.capacity).toBeGreaterThanOrEqual(first.length);
  });
});
