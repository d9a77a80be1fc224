import type { CellValue } from '../../../models';
import { INPUT_TABLES } from '../../../models';
import {
  cellText,
  nameKey,
  normalizeName,
  parseAmount,
  parseNumber,
  parseShare,
  parseYear,
} from '../../../server/engine/read/cells';
import { TableView } from '../../../server/engine/read/table';
import { grid } from '../../helpers/workbook';

/** An amount as the number it means, so expectations read like the sheet. */
function amountOf(v: CellValue): number | 'blank' | string {
  const p = parseAmount(v);
  if (p.kind === 'blank') return 'blank';
  if (p.kind === 'bad') return p.problem;
  return Number(`${p.value.negative ? '-' : ''}${p.value.digits}e-${p.value.scale}`);
}

describe('parseAmount', () => {
  test.each<[CellValue, number]>([
    ['1,234', 1234],
    ['(1,234)', -1234],
    ['-1,234', -1234],
    ['$1,234.56', 1234.56],
    ['$(1,234)', -1234],
    ['-$1,234', -1234],
    ['  1,234,567.5 ', 1234567.5],
    ['.5', 0.5],
    [1234.5, 1234.5],
    [-0.25, -0.25],
    [0, 0],
  ])('Given the amount %p, when read, then it is %p', (cell, expected) => {
    expect(amountOf(cell)).toBe(expected);
  });

  test('Given a text amount, when read, then its digits are exact (no float on the way)', () => {
    expect(parseAmount('$1,234.56')).toEqual({
      kind: 'ok',
      value: { negative: false, digits: '123456', scale: 2 },
    });
  });

  test.each<[CellValue]>([['—'], ['-'], ['–'], [''], ['   '], [null]])(
    'Given %p, when read, then it is no amount (not zero, not an error)',
    (cell) => {
      expect(parseAmount(cell)).toEqual({ kind: 'blank' });
    },
  );

  test('Given a percent where an amount belongs, when read, then it is the percent problem', () => {
    expect(parseAmount('12%')).toEqual({ kind: 'bad', problem: 'percent', text: '12%' });
  });

  test.each<[string]>([['abc'], ['1,2,3'], ['1,23'], ['1.2.3'], ['(1,234'], ['12 apples']])(
    'Given the text %p, when read as an amount, then it is not a number (never a silent zero)',
    (text) => {
      expect(parseAmount(text)).toEqual({ kind: 'bad', problem: 'not-a-number', text });
    },
  );

  test('Given an Excel error value, when read, then it is the error-value problem naming the error', () => {
    expect(parseAmount({ error: '#REF!' })).toEqual({ kind: 'bad', problem: 'error-value', text: '#REF!' });
  });

  test('Given a date where an amount belongs, when read, then it is the date problem showing the day', () => {
    expect(parseAmount({ date: '2018-10-01T00:00:00.000Z' })).toEqual({
      kind: 'bad',
      problem: 'date',
      text: '2018-10-01',
    });
  });

  test('Given a formula with no calculated value, when read, then it is the formula problem showing the formula', () => {
    expect(parseAmount({ formula: 'SUM(B2:B9)' })).toEqual({
      kind: 'bad',
      problem: 'formula',
      text: 'SUM(B2:B9)',
    });
  });

  test('Given TRUE or a non-finite number, when read as an amount, then it is not a number', () => {
    expect(parseAmount(true)).toMatchObject({ kind: 'bad', problem: 'not-a-number' });
    expect(parseAmount(Number.NaN)).toMatchObject({ kind: 'bad', problem: 'not-a-number' });
  });
});

describe('parseNumber', () => {
  test('Given measure values as numbers, text or percents, when read, then they are numbers (55% is 0.55)', () => {
    expect(parseNumber(0.033)).toEqual({ kind: 'ok', value: 0.033 });
    expect(parseNumber('0.033')).toEqual({ kind: 'ok', value: 0.033 });
    expect(parseNumber('55%')).toEqual({ kind: 'ok', value: 0.55 });
    expect(parseNumber('1,234')).toEqual({ kind: 'ok', value: 1234 });
  });

  test('Given a cell holding only spaces, when read, then it is blank', () => {
    expect(parseNumber('   ')).toEqual({ kind: 'blank' });
  });

  test('Given words, when read as a number, then it is not a number', () => {
    expect(parseNumber('TBD')).toEqual({ kind: 'bad', problem: 'not-a-number', text: 'TBD' });
  });
});

describe('parseShare', () => {
  const share = (v: CellValue) => {
    const p = parseShare(v);
    if (p.kind !== 'ok') return p.kind;
    const n = Number(`${p.value.value.digits}e-${p.value.value.scale}`);
    return { n, percent: p.value.percent };
  };

  test('Given 40%, when read, then it is 40 marked as a percent', () => {
    expect(share('40%')).toEqual({ n: 40, percent: true });
    expect(share(' 40 % ')).toEqual({ n: 40, percent: true });
  });

  test('Given 0.4 as a number or as text, when read, then it is the fraction 0.4', () => {
    expect(share(0.4)).toEqual({ n: 0.4, percent: false });
    expect(share('0.4')).toEqual({ n: 0.4, percent: false });
  });

  test('Given a bare 40, when read, then it is 40 not marked as a percent (the rules judge it in context)', () => {
    expect(share(40)).toEqual({ n: 40, percent: false });
  });

  test('Given text that is not a share, when read, then it is bad', () => {
    expect(share('abc%')).toBe('bad');
    expect(share('forty')).toBe('bad');
    expect(share(null)).toBe('blank');
  });
});

describe('parseYear', () => {
  test.each<[CellValue, number | null]>([
    [2018, 2018],
    ['2018', 2018],
    ['FY2018', 2018],
    ['FY 2018', 2018],
    ['fy2018', 2018],
    [' 2018 ', 2018],
    ['18', null],
    [2018.5, null],
    ['next year', null],
    [null, null],
  ])('Given %p, when read as a fiscal year, then it is %p', (cell, year) => {
    expect(parseYear(cell)).toBe(year);
  });
});

describe('names', () => {
  test('Given header spellings, when normalised, then Objective ID, objective_id and ObjectiveID are the same', () => {
    const keys = ['Objective ID', 'objective_id', 'ObjectiveID', ' OBJECTIVE-ID '].map(normalizeName);
    expect(new Set(keys)).toEqual(new Set(['objectiveid']));
  });

  test('Given names that differ by case, spacing or a trailing period, when keyed, then they are the same', () => {
    expect(nameKey('Reduce the cost of Federal inventory.')).toBe(
      nameKey('Reduce the  Cost of Federal Inventory'),
    );
    expect(nameKey('Real Estate')).not.toBe(nameKey('Real Estates'));
  });

  test('Given text with line breaks and runs of spaces, when read, then it is folded to single spaces and trimmed', () => {
    expect(cellText('  Reduce the cost\nof Federal\r\n  inventory  ')).toBe(
      'Reduce the cost of Federal inventory',
    );
    expect(cellText(4542)).toBe('4542');
  });

  test.each([['Objective ID'], ['objective_id'], ['ObjectiveID'], ['OBJECTIVE id']])(
    'Given a Crosswalk header %p, when the table is opened, then it is the Objective ID column',
    (header) => {
      const t = new TableView(
        INPUT_TABLES.Crosswalk,
        grid('Crosswalk', [
          ['Account', header, 'Share'],
          ['4542', '1.1', '100%'],
        ]),
        [],
      );
      expect(t.has('Objective ID')).toBe(true);
      expect(t.text(0, 'Objective ID')).toBe('1.1');
    },
  );
});
