import type { ColumnFormat, MoneyDisplay } from '../../../models';
import { columnWidthFor, displayLength, internalLinkTarget, numberFormatFor } from '../../../server/xlsx';

const thousands: MoneyDisplay = { units: 'Thousands', decimals: 0 };
const cents: MoneyDisplay = { units: 'Dollars', decimals: 2 };

describe('numberFormatFor', () => {
  it.each<[ColumnFormat, MoneyDisplay, string | undefined]>([
    ['money', thousands, '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)'],
    ['money', cents, '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)'],
    ['fte', thousands, '#,##0.0'],
    ['share', thousands, '0.00%;(0.00%)'],
    ['year', thousands, '0'],
    ['integer', thousands, '#,##0'],
    ['dollars', thousands, '$#,##0.00'],
    ['ratio', thousands, '0.00"x"'],
    ['number', thousands, 'General'],
    ['text', thousands, undefined],
  ])('Given a %s column with %o, When formatted, Then Excel gets %s', (format, money, expected) => {
    expect(numberFormatFor(format, money)).toBe(expected);
  });

  it('Given money kept to three decimals, When formatted, Then the accounting format shows three', () => {
    expect(numberFormatFor('money', { units: 'Millions', decimals: 3 })).toBe(
      '_(* #,##0.000_);_(* (#,##0.000);_(* "-"??_);_(@_)',
    );
  });
});

describe('columnWidthFor', () => {
  it('Given a width on the column, When sized, Then that width wins', () => {
    expect(columnWidthFor({ name: 'Message', format: 'text', width: 72 }, ['short'], thousands)).toBe(72);
  });

  it('Given short values, When sized, Then the column is at least 8 wide and fits its header and filter button', () => {
    expect(columnWidthFor({ name: 'ID', format: 'text' }, ['G1'], thousands)).toBe(8);
    expect(columnWidthFor({ name: 'Objective ID', format: 'text' }, ['O1'], thousands)).toBe(15);
  });

  it('Given a very long message, When sized, Then the column stops at 60', () => {
    expect(columnWidthFor({ name: 'Message', format: 'text' }, ['x'.repeat(500)], thousands)).toBe(60);
  });

  it('Given a large amount, When sized, Then the width counts separators and accounting padding', () => {
    // 1,234,567,890 is 13 characters; accounting adds 3; two more for breathing room.
    expect(displayLength(1234567890, 'money', thousands)).toBe(16);
    expect(columnWidthFor({ name: 'Amount', format: 'money' }, [1234567890, null], thousands)).toBe(18);
  });
});

describe('internalLinkTarget', () => {
  it.each([
    ['Budget!F17', "'Budget'!F17"],
    ['FY 2024 Budget!B3', "'FY 2024 Budget'!B3"],
    ["'Already Quoted'!A1", "'Already Quoted'!A1"],
    ["O'Brien's!C2", "'O''Brien''s'!C2"],
    ['Crosswalk', "'Crosswalk'!A1"],
  ])('Given %s, When linked, Then the target is %s', (address, target) => {
    expect(internalLinkTarget(address)).toBe(target);
  });
});
