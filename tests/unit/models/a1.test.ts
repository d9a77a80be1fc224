import fc from 'fast-check';
import {
  cellAddress,
  columnLetters,
  issueLocation,
  parseA1,
  parseRange,
  quoteSheet,
  rangeAddress,
} from '../../../models';

const SEED = 20261203;

describe('Given the one A1 module every edge uses', () => {
  test('Every column Excel has (A to XFD) spells and parses back to itself', () => {
    console.log(`a1 property seed ${SEED}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16384 }),
        fc.integer({ min: 1, max: 1_048_576 }),
        (column, row) => {
          expect(parseA1(cellAddress(row, column))).toEqual({ column, row });
          expect(parseA1(`$${columnLetters(column)}$${row}`)).toEqual({ column, row });
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(16384)]).toEqual([
      'A',
      'Z',
      'AA',
      'XFD',
    ]);
  });

  test('A range keeps its corners whichever way it is written, with or without its sheet', () => {
    const box = { top: 2, left: 2, bottom: 10, right: 4 };
    expect(parseRange('B2:D10')).toEqual(box);
    expect(parseRange('D10:B2')).toEqual(box);
    expect(parseRange("'Cost Pools'!B2:D10")).toEqual(box);
    expect(rangeAddress(box)).toBe('B2:D10');
    expect(rangeAddress({ top: 3, left: 1, bottom: 3, right: 1 })).toBe('A3');
    expect(() => parseA1('B0')).toThrow(RangeError);
  });

  test('Sheet names are quoted where Excel needs it: spaces, quotes, and names that read as a cell', () => {
    expect(quoteSheet('Budget')).toBe('Budget');
    expect(quoteSheet('Cost_Pools.v2')).toBe('Cost_Pools.v2');
    expect(quoteSheet('Cost Pools')).toBe("'Cost Pools'");
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    for (const cellLike of ['FY2018', 'A1', 'XFD1048576', 'R1C1', 'R', 'C', 'RC', 'r2c'])
      expect(quoteSheet(cellLike)).toBe(`'${cellLike}'`);
    expect(quoteSheet('Budget', true)).toBe("'Budget'");
    expect(issueLocation({ sheet: 'FY2018', cell: 'F17' })).toBe("'FY2018'!F17");
    expect(issueLocation({ sheet: 'Budget', cell: 'F17' })).toBe('Budget!F17');
  });
});
