import { runEngine } from '../../../server/engine';
import { checkExpression } from '../../../server/engine/scenarios/expression';
import { minimalWorkbook, type Row } from '../../helpers/workbook';
import { BASE, responses, scenarios } from './fixtures';

/** Known ways to reach past arithmetic in mathjs, or to make it work too hard; none may run. */
export const ATTACKS = [
  'import({}, {override: true})',
  'createUnit("foo")',
  'evaluate("1+1")',
  'parse("1+1")',
  'compile("1")',
  'simplify("x+x")',
  'derivative("x^2", "x")',
  'cos.constructor("return process")()',
  'f = cos.constructor; f("return this")()',
  'a = 1',
  'f(x) = x^2',
  'funding.constructor',
  'funding["constructor"]',
  '[1, 2, 3]',
  'matrix([1,2])',
  'ones(100000, 100000)',
  'zeros(1e9)',
  'range(1, 1e9)',
  '1:1e9',
  '{a: 1}',
  '"text"',
  'concat("a", "b")',
  'config({number: "BigNumber"})',
  'chain(3).add(4).done()',
  'typed("x", {})',
  'reviver()',
  'help("sqrt")',
  'factorial(1e6)',
  'gamma(1e6)',
  'random()',
  'x ? 1 : 2',
  'funding; baseFunding',
  'e.toString()',
  'pi',
  'sqrt('.repeat(40) + '1' + ')'.repeat(40),
  '1+'.repeat(300) + '1',
  'baseValue'.padEnd(600, ' '),
];

describe('Given response formulas typed by users', () => {
  test.each(ATTACKS)('When the formula is %s, Then it is refused before it runs', (attack) => {
    expect(checkExpression(attack).ok).toBe(false);
  });

  test.each([
    ['baseValue * (funding / baseFunding) ^ e', 2 * 2 ** 0.5],
    ['min(baseValue * 2, max(funding, baseFunding)) - abs(-1)', 3],
    ['baseValue * (1 + e * ln(funding / baseFunding))', 2 * (1 + 0.5 * Math.log(2))],
    ['sqrt(funding) + exp(0) + log10(100) + pow(2, 3) + cbrt(27)', 2 + 1 + 2 + 8 + 3],
  ])('When the formula is plain arithmetic (%s), Then it evaluates on numbers', (text, expected) => {
    const check = checkExpression(text);
    if (!check.ok) throw new Error(check.reason);
    expect(check.evaluate({ funding: 4, baseFunding: 2, baseValue: 2, e: 0.5 })).toBeCloseTo(expected, 10);
  });

  test('When every attack is typed into a Responses sheet, Then each is an EXPRESSION_INVALID issue at its cell and the rest still runs', () => {
    const rows = ATTACKS.filter((a) => a.length <= 500).map((a, i) => [
      `X${i}`,
      'Expression',
      null,
      null,
      null,
      a,
    ]);
    const measures = [
      ['Measure ID', 'Objective ID', 'Measure', 'Kind', 'Direction'],
      ['M1', '1.1', 'Cases', 'Count', 'Increase'],
      ...rows.map((r): Row => [r[0] ?? null, '1.1', 'Attack', 'Count', 'Increase']),
    ];
    const results = [
      ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
      ['M1', 2018, 100, 100],
      ...rows.map((r): Row => [r[0] ?? null, 2018, 1, 1]),
    ];
    const result = runEngine(
      minimalWorkbook({
        ...BASE,
        Measures: measures,
        Results: results,
        Scenarios: scenarios(['Cut', 'All', null, '-10%']),
        Responses: responses(['M1', 'Proportional', null, null, null, null], ...rows),
      }),
    );
    const invalid = result.issues.filter((i) => i.code === 'EXPRESSION_INVALID');
    expect(invalid.map((i) => i.cell)).toEqual(rows.map((_, i) => `F${i + 3}`));
    expect(invalid.every((i) => i.sheet === 'Responses')).toBe(true);
    const m1 = result.tables.find((t) => t.name === 'ScenarioResults')?.rows.find((r) => r[2] === 'M1');
    expect(m1?.[9]).toBeCloseTo(90, 9);
  });
});
