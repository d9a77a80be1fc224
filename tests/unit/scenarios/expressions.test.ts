import { runEngine } from '../../../server/engine';
import { checkExpression } from '../../../server/engine/expression';
import { ATTACKS } from '../../helpers/attacks';
import { minimalWorkbook, type Row } from '../../helpers/workbook';
import { coveredCells } from '../../helpers/outputs';
import { BASE, responses, scenarios } from './fixtures';

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
    // Attacks refused with the same words are one issue listing their cells: every attack is still counted.
    const covered = coveredCells(invalid);
    const expected = rows.map((_, i) => `F${i + 3}`);
    expect(covered.count).toBe(rows.length);
    expect(covered.cells.every((cell) => expected.includes(cell))).toBe(true);
    expect(new Set(covered.cells).size).toBe(covered.cells.length);
    expect(invalid.every((i) => i.sheet === 'Responses')).toBe(true);
    const m1 = result.tables.find((t) => t.name === 'ScenarioResults')?.rows.find((r) => r[2] === 'M1');
    expect(m1?.[9]).toBeCloseTo(90, 9);
  });
});
