import fc from 'fast-check';
import { parseAmount, parseNumber, parseShare, parseYear } from '../../server/engine/read/cells';
import { checkExpression, EXPRESSION_VARIABLES } from '../../server/engine/expression';
import { amountText } from '../properties/arbitraries';
import { cellValue, FUZZ_TIMEOUT, fuzzRun } from './fuzz';

/** The amount parser and the response-formula sandbox on random and mutated text. */

/** Seeds for mutation: ways to reach past arithmetic in mathjs (the unit tests hold the full list). */
const ATTACKS = [
  'import({}, {override: true})',
  'cos.constructor("return process")()',
  'f = cos.constructor; f("return this")()',
  'funding["constructor"]',
  'evaluate("1+1")',
  'matrix([1,2])',
  'range(1, 1e9)',
  'f(x) = x^2',
  '{a: 1}',
  'baseValue * (funding / baseFunding) ^ e',
];

const amountLike = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 9 }), fc.nat(3))
    .map(([m, d, s]) => amountText(m, d, s)),
  fc
    .tuple(
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      fc.nat(3),
      fc.string({ maxLength: 3 }),
      fc.nat(20),
    )
    .map(([m, s, junk, at]) => {
      const t = amountText(m, 2, s);
      const i = at % (t.length + 1);
      return t.slice(0, i) + junk + t.slice(i);
    }),
);

describe('Fuzzing the parsers', () => {
  test(
    'Given random and mutated amount text, When parsed as an amount, number, share or year, Then each answers ok, blank or a problem, never throws, and a well-formed amount reads exactly',
    () => {
      fc.assert(
        fc.property(fc.oneof(amountLike, cellValue), (v) => {
          for (const parse of [parseAmount, parseNumber, parseShare]) {
            const p = parse(v);
            expect(['ok', 'blank', 'bad']).toContain(p.kind);
          }
          const year = parseYear(v);
          expect(year === null || (year >= 1900 && year <= 2099)).toBe(true);
          const amount = parseAmount(v);
          if (amount.kind === 'ok') expect(amount.value.digits).toMatch(/^\d+$/);
        }),
        fuzzRun('amount parser', 500),
      );
      // Text written the ways the contract accepts always reads as exactly the amount written.
      fc.assert(
        fc.property(
          fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
          fc.integer({ min: 0, max: 6 }),
          fc.nat(3),
          (minor, decimals, style) => {
            const p = parseAmount(amountText(minor, decimals, style));
            if (p.kind !== 'ok') throw new Error(`${amountText(minor, decimals, style)} did not read`);
            const value = BigInt(p.value.digits) * (p.value.negative ? -1n : 1n);
            expect(value * 10n ** BigInt(decimals)).toBe(minor * 10n ** BigInt(p.value.scale));
          },
        ),
        { seed: 20181003, numRuns: 500 },
      );
    },
    FUZZ_TIMEOUT,
  );

  const token = fc.constantFrom(
    ...EXPRESSION_VARIABLES,
    '+',
    '-',
    '*',
    '/',
    '^',
    '(',
    ')',
    ',',
    '.',
    ';',
    '=',
    '[',
    ']',
    '{',
    '}',
    ':',
    '?',
    '"',
    "'",
    '!',
    '&',
    '|',
    'sqrt',
    'exp',
    'ln',
    'log',
    'min',
    'max',
    'pow',
    'abs',
    'cbrt',
    'import',
    'evaluate',
    'constructor',
    'process',
    'this',
    'f',
    'x',
    '1',
    '0',
    '2.5',
    '1e308',
    'Infinity',
    'NaN',
    ' ',
  );
  const formula = fc.oneof(
    fc.array(token, { maxLength: 40 }).map((t) => t.join('')),
    fc.string({ maxLength: 60 }),
    fc
      .tuple(fc.constantFrom(...ATTACKS), fc.nat(), fc.string({ maxLength: 4 }))
      .map(([a, at, s]) => a.slice(0, at % (a.length + 1)) + s + a.slice(at % (a.length + 1))),
  );

  test(
    'Given random, token-soup and mutated attack formulas, When checked and evaluated, Then nothing throws, every result is a number, and nothing outside the sandbox changes',
    () => {
      const before = Object.getOwnPropertyNames(Object.prototype).join();
      const scope = fc.record({
        funding: fc.double(),
        baseFunding: fc.double(),
        baseValue: fc.double(),
        e: fc.double(),
      });
      fc.assert(
        fc.property(formula, scope, (text, vars) => {
          const check = checkExpression(text);
          if (!check.ok) {
            expect(check.reason.length).toBeGreaterThan(0);
            return;
          }
          const value = check.evaluate(vars);
          expect(typeof value).toBe('number');
          expect(Number.isNaN(value) || Number.isFinite(value)).toBe(true);
        }),
        fuzzRun('expression', 300),
      );
      expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
      expect(typeof process.exit).toBe('function');
    },
    FUZZ_TIMEOUT,
  );
});
