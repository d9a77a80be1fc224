import fc from 'fast-check';
import type { MoneyDisplay, OutputTable } from '../../../models';
import { planWrites, rowBytes, rowCells, SUSPEND_BYTES } from '../../../addin/excel/planWrites';

const money: MoneyDisplay = { units: 'Thousands', decimals: 0 };
const table = (rows: OutputTable['rows']): OutputTable => ({
  name: 'CrosswalkDetail',
  title: 't',
  columns: [
    { name: 'Account', format: 'text' },
    { name: 'Amount', format: 'money' },
  ],
  rows,
});

describe('planWrites', () => {
  it('Given any table and budget, then the blocks cover every row once, in order, each within the budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 300 }), fc.integer()), { maxLength: 400 }),
        fc.integer({ min: 2_000, max: 50_000 }),
        (rows, budget) => {
          const blocks = planWrites(table(rows), money, budget);
          expect(blocks[0]?.withHeader).toBe(true);
          expect(blocks.slice(1).every((b) => !b.withHeader)).toBe(true);
          let next = 0;
          for (const block of blocks) {
            expect(block.first).toBe(next);
            expect(block.bytes + SUSPEND_BYTES).toBeLessThanOrEqual(budget);
            next = block.last + 1;
          }
          expect(next).toBe(Math.max(1, rows.length));
        },
      ),
    );
  });

  it('Given a row larger than a request may be, then it says which row, rather than send what Excel would refuse', () => {
    expect(() => planWrites(table([['x'.repeat(5_000), 1]]), money, 4_000)).toThrow(
      /Row 1 of CrosswalkDetail/,
    );
  });

  it('Given text in a number column, then that cell alone is formatted as text', () => {
    const { values, formats } = rowCells(table([['0012', '—']]), 0, money);
    expect(values).toEqual(['0012', '—']);
    expect(formats).toEqual(['@', '@']);
    expect(rowCells(table([[null, 5]]), 0, money).formats[0]).toBe('General');
    expect(rowBytes(table([['a', 1]]), 0, money)).toBeGreaterThan(0);
  });

  it('Given an FTE row, then its money cells take the FTE format', () => {
    const t: OutputTable = { ...table([['x', 12.5]]), rowFormats: ['fte'] };
    expect(rowCells(t, 0, money).formats[1]).toBe('#,##0.0');
  });
});
