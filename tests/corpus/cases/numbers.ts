import type { CellValue } from '../../../models';
import { E, minimal, W, type CorpusCase, type Row } from '../case';

/** One budget line per amount cell, each in its own program activity so no line repeats another. */
function linesOf(amounts: readonly CellValue[]): Row[] {
  return [
    ['Account', 'Program Activity', 'Amount Type', 'FY2018'],
    ...amounts.map((a, i): Row => ['023-05-0110', String(i + 1).padStart(4, '0'), 'BA', a]),
  ];
}

/** Amounts typed as text the ways exports and people write them, with what each means in dollars. */
const ACCEPTED: [string, number][] = [
  ['1,234', 1234],
  ['1234', 1234],
  ['1,234.56', 1234.56],
  ['$1,234.56', 1234.56],
  ['-1,234', -1234],
  ['(1,234)', -1234],
  ['($1,234.00)', -1234],
  ['-$1,234', -1234],
  ['$ 1,234', 1234],
  [' 1 234 ', 1234],
  ['1\u00a0234', 1234],
  ['+1,234', 1234],
  ['.5', 0.5],
  ['0.50', 0.5],
  ['1e3', 1000],
  ['1,000,000.01', 1000000.01],
];
/** Text that looks numeric but is not an amount the contract accepts: each an error at its cell. */
const REFUSED = [
  '1.234,56', // European decimal comma
  '1 234,56', // French
  '12,34', // misplaced grouping
  '1,234-', // trailing minus (some exports)
  '$-1,234',
  'USD 1,234',
  '(1,234',
  '1,234.5.6',
  '0x1F',
  'Infinity',
  'NaN',
  '1_000',
  '€1.234',
];
const BLANKS = ['—', '-', 'n/a', '  '];

export const numberCases: CorpusCase[] = [
  {
    name: 'numbers stored as text in every common format',
    why: 'Exports and pasted reports hold amounts as text; each common form reads as what it says, anything else is an error.',
    grids: () => minimal({ Budget: linesOf([...ACCEPTED.map(([t]) => t), ...REFUSED, ...BLANKS]) }),
    expected: [
      ...REFUSED.map((_, i) => E('AMOUNT_INVALID', `Budget!D${ACCEPTED.length + 2 + i}`)),
      // Negative amounts typed as (1,234) are spending lines below zero in net budget authority: said once.
      W('COST_BASIS_NET', 'Budget!A6'),
    ],
    totals: {
      'Budget Authority': {
        FY2018: Math.round(ACCEPTED.reduce((s, [, v]) => s + v * 100, 0)) / 100,
      },
    },
  },
  {
    name: 'amounts past the safe integer range',
    why: 'Past 2^53 minor units a number cannot be added exactly; such an amount is an error, never a rounded guess.',
    grids: () =>
      minimal({
        Budget: linesOf([
          '90071992547409.93', // 2^53 + 1 cents
          '9007199254740991', // the largest safe integer, in dollars
          1e308,
          '1e400',
          '123456789012345678901234567890',
          1000,
        ]),
      }),
    // One problem on five cells is one issue at the first, listing the others.
    expected: [E('AMOUNT_OUT_OF_RANGE', 'Budget!D2')],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'the largest amount that fits',
    why: '90,071,992,547,409.91 dollars is 2^53 - 1 cents: it is kept exactly, to the cent.',
    grids: () => minimal({ Budget: linesOf(['90,071,992,547,409.91']) }),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 90071992547409.91 } },
  },
  {
    name: 'tiny amounts',
    why: 'Amounts finer than a cent are rounded (half away from zero) and said to be; 5e-324 is not a crash.',
    grids: () => minimal({ Budget: linesOf(['0.001', 1e-10, 5e-324, '0.005', -0.004, 1000]) }),
    expected: [2, 3, 4, 5, 6].map((r) => W('AMOUNT_ROUNDED', `Budget!D${r}`)),
    totals: { 'Budget Authority': { FY2018: 1000.01 } },
  },
  {
    name: 'allocation limits past any sense',
    why: 'A Floor of -1.6e257 (a slip of the keyboard, or a fuzzer) cannot be held exactly: one error at its cell, not a crash.',
    grids: () =>
      minimal({
        'Allocation Limits': [
          ['Objective ID', 'Floor', 'Ceiling'],
          ['1.1', -1.6180594314955063e257, '1e300%'],
        ],
      }),
    expected: [
      E('AMOUNT_OUT_OF_RANGE', "'Allocation Limits'!B2"),
      E('AMOUNT_OUT_OF_RANGE', "'Allocation Limits'!C2"),
    ],
    totals: { 'Budget Authority': { FY2018: 1000 } },
  },
  {
    name: 'totals past the safe range',
    why: 'Each amount fits but their sum does not: one error naming the total, that year and amount type left out, and no crash.',
    grids: () => minimal({ Budget: linesOf([80_000_000_000_000, 80_000_000_000_000]) }),
    expected: [E('TOTALS_OUT_OF_RANGE', 'Budget')],
  },
  {
    name: 'thousands carried to the finest decimal used',
    why: 'In Thousands, amounts keep up to five decimals (a cent); finer ones are rounded and said to be.',
    grids: () =>
      minimal({
        Settings: [
          ['Setting', 'Value'],
          ['Units', 'Thousands'],
        ],
        Budget: linesOf(['1,234.56789', 1, '0.000004']),
      }),
    expected: [W('AMOUNT_ROUNDED', 'Budget!D4')],
    totals: { 'Budget Authority': { FY2018: 1235.56789 } },
  },
  {
    name: 'FTE to a tenth',
    why: 'FTE is kept to one decimal and never mixed into dollars.',
    grids: () =>
      minimal({
        Budget: [
          ['Account', 'Amount Type', 'FY2018'],
          ['023-05-0110', 'BA', 1000],
          ['023-05-0110', 'FTE', '12.34'],
        ],
      }),
    expected: [W('FTE_ROUNDED', 'Budget!C3')],
    totals: { 'Budget Authority': { FY2018: 1000 }, FTE: { FY2018: 12.3 } },
  },
];
