import { budgetClass, isValidObjectClass, objectClassCode } from '../../../server/engine/dataAct/codes';
import { Random } from '../../../bench/random';
import { add, cellAmount, equal, formatDollars, plainText } from '../../../server/engine/dataAct/exact';
import { parseSubmissionPeriod, seriesHeaderOf } from '../../../server/engine/dataAct/period';
import { parseTas, renderTas } from '../../../server/engine/dataAct/tas';

/** The small readers the intake is built from: TAS text, object classes, periods and exact amounts. */

describe('TAS', () => {
  it('Given the written forms Treasury displays, then they parse and render back the same', () => {
    for (const tas of ['047-X-4542-000', '011-047-X-0100-000', '075-2024/2025-0515-000', '020-2024-1801-000'])
      expect(renderTas(parseTas(tas) ?? ({} as never))).toBe(tas);
    expect(parseTas('023-05-4542')).toBeNull();
  });
});

describe('object classes', () => {
  it('Given 252, 2520 and 25.2, then one code; 2525 keeps its suffix for the broker but is 252 on the Budget', () => {
    expect(['252', '2520', '25.2'].map(objectClassCode).map(budgetClass)).toEqual(['252', '252', '252']);
    expect(budgetClass('2525')).toBe('252');
    expect(budgetClass('0')).toBe('000');
    expect(isValidObjectClass('2525')).toBe(true);
    expect(isValidObjectClass('1252')).toBe(false);
  });
});

describe('submission periods', () => {
  it('Given periods and quarters in the usual spellings, then the fiscal year and period', () => {
    expect(parseSubmissionPeriod('FY2024P06')).toEqual({ year: 2024, period: 6, quarter: false });
    expect(parseSubmissionPeriod('fy24 q2')).toEqual({ year: 2024, period: 6, quarter: true });
    expect(parseSubmissionPeriod('2024P12')).toEqual({ year: 2024, period: 12, quarter: false });
    expect(parseSubmissionPeriod('FY2024P13')).toBeNull();
    expect(parseSubmissionPeriod('FY2024Q5')).toBeNull();
  });

  it('Given a period, then the Budget column it fills', () => {
    expect(seriesHeaderOf({ year: 2024, period: 12, quarter: false })).toBe('FY2024 Actual');
    expect(seriesHeaderOf({ year: 2024, period: 3, quarter: false })).toBe('FY2024 Actual through P03');
    expect(seriesHeaderOf({ year: 2024, period: 9, quarter: true })).toBe('FY2024 Actual through Q3');
  });
});

describe('exact amounts', () => {
  const e = (units: bigint, scale: number) => ({ units, scale });

  it('Given amounts of different scales, then they add exactly and compare by value', () => {
    expect(plainText(add(e(1n, 1), e(2n, 2)))).toBe('0.12');
    expect(equal(e(150n, 2), e(15n, 1))).toBe(true);
    expect(plainText(e(-120n, 2))).toBe('-1.2');
    expect(plainText(e(5n, 3))).toBe('0.005');
    expect(plainText(e(0n, 2))).toBe('0');
  });

  it('Given an amount for a cell, then a number when a double holds it exactly, else its exact text', () => {
    expect(cellAmount(e(-130000001n, 2))).toBe(-1300000.01);
    expect(cellAmount(e(123456789012345n, 2))).toBe(1234567890123.45);
    expect(cellAmount(e(1234567890123456n, 2))).toBe('12345678901234.56');
    expect(cellAmount(e(-1234567890123450n, 3))).toBe(-1234567890123.45);
  });

  it('Given 5,000 random amounts (seed 20261203), then each cell number is the one its decimal text reads as', () => {
    const random = new Random(20261203);
    for (let i = 0; i < 5_000; i++) {
      const digits = Array.from({ length: random.int(1, 15) }, () => random.int(0, 9)).join('');
      const amount = e(BigInt(digits) * (random.next() < 0.5 ? -1n : 1n), random.int(0, 8));
      expect(cellAmount(amount)).toBe(Number(plainText(amount)));
    }
  });

  it('Given an amount, then dollars with cents for messages, more decimals only when reported', () => {
    expect(formatDollars(e(-123456789n, 2))).toBe('-$1,234,567.89');
    expect(formatDollars(e(5n, 0))).toBe('$5.00');
    expect(formatDollars(e(12345n, 4))).toBe('$1.2345');
  });
});
