import { readWorkbook, runEngine } from '../../../server/engine';
import { parseAmount } from '../../../server/engine/read/cells';
import { placesOf, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';

describe('regressions found in review', () => {
  test('Given (-5), when read as an amount, then it is negative (parentheses already mean negative)', () => {
    const p = parseAmount('(-5)');
    expect(p.kind === 'ok' && p.value.negative).toBe(true);
  });

  test('Given whole-number shares 40 and 50, when crosswalked, then they are read as 40% and 50% and the missing 10% is Unmapped', () => {
    const result = runEngine(
      minimalWorkbook({
        Objectives: [
          ['Objective ID', 'Goal ID', 'Objective'],
          ['1.1', 'G1', 'One'],
          ['1.2', 'G1', 'Two'],
        ],
        Crosswalk: [
          ['Account', 'Objective ID', 'Share'],
          ['023-05-0110', '1.1', 40],
          ['023-05-0110', '1.2', 50],
        ],
      }),
    );
    expect(placesOf(result.issues, 'CROSSWALK_SHARES_AS_WHOLE_NUMBERS')).toEqual(['Crosswalk!C2']);
    expect(result.issues.find((i) => i.code === 'CROSSWALK_SHARES_NOT_100')?.message).toMatch(
      /sum to 90%.*remaining 10%/,
    );
    const unmapped = rowsOf(result, 'ResourcesByGoal').find((r) => r.Level === 'Unmapped');
    expect(unmapped?.FY2018).toBe(100);
  });

  test('Given amounts that fit one by one but not in total, when run, then TOTALS_OUT_OF_RANGE is reported instead of a crash', () => {
    const result = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'BA', 80_000_000_000_000],
          ['023-05-4543', 'BA', 80_000_000_000_000],
        ],
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toContain('TOTALS_OUT_OF_RANGE');
    expect(result.tables.map((t) => t.name)).toContain('Issues');
  });

  test('Given a Goal ID computed by a formula Excel never calculated, when read, then the cell gets one issue saying so, not a second one saying it is missing', () => {
    const result = runEngine(
      minimalWorkbook({
        Goals: [
          ['Goal ID', 'Goal'],
          ['G1', 'Real Estate'],
          [{ formula: '=CONCAT("G","2")' }, 'Second'],
        ],
      }),
    );
    const atCell = result.issues.filter((i) => i.sheet === 'Goals' && i.cell === 'A3').map((i) => i.code);
    expect(atCell).toEqual(['FORMULA_NOT_CALCULATED']);
  });

  test('Given a row with a whole number, a blank, then a text amount, when read, then every amount keeps its year, value and cell', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Budget: [
          ['Account', 'Amount Type', 'FY2016', 'FY2017', 'FY2018'],
          ['023-05-0110', 'BA', 1000, null, '1,234.5'],
          ['023-05-4543', 'BA', null, 7, 8],
        ],
      }),
    );
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const [first, second] = model.budget;
    expect(first?.amounts.map((a) => [a.year, a.value, a.loc.cell])).toEqual([
      [2016, 100000, 'C2'],
      [2018, 123450, 'E2'],
    ]);
    expect(second?.amounts.map((a) => [a.year, a.value, a.loc.cell])).toEqual([
      [2017, 700, 'D3'],
      [2018, 800, 'E3'],
    ]);
  });
});
