import type { ColumnFormat, MoneyDisplay, OutputCell } from '../../models';

/** Numbers as a budget office writes them: grouped digits, negatives in parentheses, the workbook's units. */

/** The federal fiscal year a date falls in (FY2026 began on 1 October 2025). */
export const fiscalYear = (date: Date): number => date.getFullYear() + (date.getMonth() >= 9 ? 1 : 0);

export function unitsLabel(money: MoneyDisplay): string {
  switch (money.units) {
    case 'Dollars':
      return 'dollars';
    case 'Thousands':
      return 'dollars in thousands';
    case 'Millions':
      return 'dollars in millions';
  }
}

const grouped = (value: number, decimals: number): string =>
  Math.abs(value).toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });

export function formatMoney(amount: number, money: MoneyDisplay): string {
  const text = grouped(amount, money.decimals);
  return amount < 0 ? `(${text})` : text;
}

/** A signed change: `+25,000` or `(33,600)`. */
export function formatChange(amount: number, money: MoneyDisplay): string {
  return amount > 0 ? `+${formatMoney(amount, money)}` : formatMoney(amount, money);
}

/** One output cell as the workbook would show it, for the preview in the browser. */
export function formatCell(value: OutputCell, format: ColumnFormat, money: MoneyDisplay): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'money':
      return value === 0 ? '-' : formatMoney(value, money);
    case 'fte':
      return grouped(value, 1);
    case 'share':
      // As the workbook shows it: negatives in parentheses, like the amounts beside them.
      return value < 0 ? `(${formatPercent(-value, 2)})` : formatPercent(value, 2);
    case 'year':
      return String(value);
    case 'integer':
      return grouped(value, 0);
    case 'dollars':
      return `${value < 0 ? '-' : ''}$${grouped(value, 2)}`;
    case 'ratio':
      return `${value.toFixed(2)}x`;
    case 'number':
    case 'text':
      return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
}

/** A fraction as a percent to `places`: 0.032 at 1 place is `3.2%`. */
export function formatPercent(fraction: number, places: number): string {
  return `${(fraction * 100).toFixed(places)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
