import type {
  AmountType,
  BudgetLine,
  CellValue,
  FundingType,
  Issue,
  LineType,
  Loc,
  Series,
  Settings,
  WorkbookGrids,
} from '../../../models';
import { INPUT_TABLES, issueLocation } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { type Decimal, decimalFromNumber, MoneyRangeError, toMinor, usedDecimals } from '../money';
import { cellText, type Parsed, parseAmount, parseYear } from './cells';
import { amountTypeOf, fundingTypeOf, lineTypeOf } from './enums';
import { makeSeries, type SeriesHeader, seriesKey, seriesLabel, seriesOfHeader } from './series';
import { cellProblem, yearProblem } from './values';
import { type TableView, openTable } from './table';

/** The finest money precision kept: a cent, whatever the Units. */
const MAX_DECIMALS = { Dollars: 2, Thousands: 5, Millions: 8 } as const;
/** Dollars are kept to the cent even when typed whole, so splits land on cents. */
const MIN_DECIMALS = { Dollars: 2, Thousands: 0, Millions: 0 } as const;
export const FTE_DECIMALS = 1;

/** An amount read but not yet in minor units: whole numbers (most amounts) skip the exact-decimal path. */
interface PendingAmount {
  series: number;
  year: number;
  int: number | null;
  value: Decimal | null;
  loc: Loc;
  raw: CellValue;
}
/** Lines as read, with their amounts not yet converted (kept beside them, so the line objects stay plain). */
interface PendingLine {
  line: BudgetLine;
  /** Null when every amount was a whole number: those sit in `line.amounts` already, in Units, unscaled. */
  pending: PendingAmount[] | null;
}

function reportAmount(p: Parsed<Decimal>, loc: Loc, issues: Issue[]): Decimal | null {
  if (p.kind === 'ok') return p.value;
  if (p.kind === 'blank') return null;
  const invalid = p.problem === 'percent' ? MESSAGES.amountPercent : MESSAGES.amountInvalid;
  issues.push(issueAt(cellProblem(p, invalid), loc));
  return null;
}

/** The series found so far, by key; numbered in the order found, renumbered by year at the end. */
class SeriesFinder {
  private readonly byKey = new Map<string, number>();
  readonly found: Omit<Series, 'index'>[] = [];

  /** The series' provisional number, or null if this exact series was already taken by another column. */
  add(label: string, h: SeriesHeader, allowRepeat: boolean): number | null {
    const key = seriesKey(h);
    const at = this.byKey.get(key);
    if (at !== undefined) return allowRepeat ? at : null;
    this.byKey.set(key, this.found.length);
    this.found.push(makeSeries(label, h));
    return this.found.length - 1;
  }

  /** The final series (by year, then as found) and the map from provisional to final numbers. */
  finish(): { series: Series[]; renumber: number[] } {
    const order = this.found.map((_, i) => i).sort((a, b) => this.year(a) - this.year(b) || a - b);
    const renumber = new Array<number>(this.found.length);
    order.forEach((i, index) => (renumber[i] = index));
    const series = order.map((i, index) => ({ ...(this.found[i] as Omit<Series, 'index'>), index }));
    return { series, renumber };
  }

  private year(i: number): number {
    return (this.found[i] as Omit<Series, 'index'>).year;
  }
}

function seriesColumns(
  t: TableView,
  finder: SeriesFinder,
  issues: Issue[],
): { series: number; year: number; index: number }[] {
  const out: { series: number; year: number; index: number }[] = [];
  t.grid.header.forEach((header, index) => {
    const h = seriesOfHeader(header);
    if (h === null) return;
    const label = seriesLabel(cellText(header), h);
    const series = finder.add(label, h, false);
    if (series === null) {
      issues.push(issueAt(MESSAGES.seriesColumnDuplicate(label), t.headerLoc(index)));
      return;
    }
    out.push({ series, year: h.year, index });
  });
  return out;
}

/** Reads one amount cell into `out`, or reports it; blanks and zeros add nothing. */
function readAmount(
  t: TableView,
  row: number,
  index: number,
  series: number,
  year: number,
  out: PendingAmount[],
  issues: Issue[],
): void {
  const raw = t.grid.rows[row]?.[index] ?? null;
  if (raw === null || raw === 0) return;
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) {
    out.push({ series, year, int: raw, value: null, loc: t.locAt(row, index), raw });
    return;
  }
  const loc = t.locAt(row, index);
  const d = reportAmount(parseAmount(raw), loc, issues);
  if (d) out.push({ series, year, int: null, value: d, loc, raw });
}

export interface BudgetRead {
  lines: BudgetLine[];
  series: Series[];
  moneyDecimals: number;
}

/**
 * Reads the Budget table, wide (one column per fiscal year) or long (`Fiscal Year` and `Amount`). Amounts are
 * held as exact decimals until the whole table is read, because the money precision is the finest any amount
 * uses (down to a cent), and only then converted to integer minor units.
 */
export function readBudget(grids: WorkbookGrids, settings: Settings, issues: Issue[]): BudgetRead {
  const empty = { lines: [], series: [], moneyDecimals: MIN_DECIMALS[settings.units] };
  const t = openTable(grids, INPUT_TABLES.Budget, issues);
  if (!t || !t.requireColumns()) return empty;
  const finder = new SeriesFinder();
  const years = seriesColumns(t, finder, issues);
  const longForm = years.length === 0 && t.has('Fiscal Year') && t.has('Amount');
  if (years.length === 0 && !longForm) {
    issues.push(issueAt(MESSAGES.budgetNoYears(), t.headerLoc(0)));
    return empty;
  }

  const pending: PendingLine[] = [];
  const byIdentity = new Map<string, PendingLine>();
  const rows = t.dataRows();
  if (rows.length === 0) issues.push(issueAt(MESSAGES.tableEmpty('Budget'), t.headerLoc(0)));
  const col = {
    account: t.indexOf('Account'),
    type: t.indexOf('Amount Type'),
    title: t.indexOf('Account Title'),
    pa: t.indexOf('Program Activity'),
    paTitle: t.indexOf('Program Activity Title'),
    oc: t.indexOf('Object Class'),
    category: t.indexOf('Category'),
    lineType: t.indexOf('Line Type'),
    fundingType: t.indexOf('Funding Type'),
    version: t.indexOf('Version'),
  };
  for (const row of rows) {
    const account = t.textAt(row, col.account);
    if (!account) {
      issues.push(issueAt(MESSAGES.valueRequired('Budget', 'Account'), t.loc(row, 'Account')));
      continue;
    }
    const typeText = t.textAt(row, col.type);
    const amountType: AmountType | null = typeText ? amountTypeOf(typeText) : 'Budget Authority';
    if (!amountType) {
      issues.push(
        issueAt(MESSAGES.enumInvalid('Amount Type', typeText, AMOUNT_TYPE_WORDS), t.loc(row, 'Amount Type')),
      );
      continue;
    }
    const lineText = t.textAt(row, col.lineType);
    const lineType: LineType | null = lineText ? lineTypeOf(lineText) : 'Spending';
    if (!lineType) {
      issues.push(
        issueAt(
          MESSAGES.enumInvalid('Line Type', lineText, ['Spending', 'Receipt', 'Intra-agency']),
          t.loc(row, 'Line Type'),
        ),
      );
      continue;
    }
    const fundingText = t.textAt(row, col.fundingType);
    const fundingType: FundingType | null = fundingText ? fundingTypeOf(fundingText) : null;
    if (fundingText && !fundingType) {
      issues.push(
        issueAt(
          MESSAGES.enumInvalid('Funding Type', fundingText, ['Direct', 'Reimbursable']),
          t.loc(row, 'Funding Type'),
        ),
      );
      continue;
    }
    const programActivity = t.textAt(row, col.pa);
    const objectClass = t.textAt(row, col.oc);
    const category = t.textAt(row, col.category);
    const amounts: PendingAmount[] = [];
    // Sized for the year columns and cut to what was filled: growing each line's array by push over-allocates.
    let wholes: BudgetLine['amounts'] | null = longForm ? null : new Array(years.length);
    let filled = 0;
    if (longForm) {
      const yearValue = t.value(row, 'Fiscal Year');
      const year = parseYear(yearValue);
      if (year === null) {
        issues.push(issueAt(yearProblem(yearValue), t.loc(row, 'Fiscal Year')));
        continue;
      }
      const version = t.textAt(row, col.version);
      const h = { year, version };
      const series = finder.add(seriesLabel(`FY${year} ${version}`, h), h, true) as number;
      readAmount(t, row, t.indexOf('Amount'), series, year, amounts, issues);
    } else {
      for (const { series, year, index } of years) {
        const raw = t.grid.rows[row]?.[index] ?? null;
        if (raw === null || raw === 0) continue;
        // Whole numbers (nearly every amount) become budget amounts at once: one object each. The first
        // amount that needs exact-decimal reading moves the row onto the pending path.
        if (wholes && typeof raw === 'number' && Number.isSafeInteger(raw)) {
          wholes[filled++] = { series, year, value: raw, loc: t.locAt(row, index) };
          continue;
        }
        if (wholes) {
          for (const w of wholes.slice(0, filled))
            amounts.push({
              series: w.series,
              year: w.year,
              int: w.value,
              value: null,
              loc: w.loc,
              raw: w.value,
            });
          wholes = null;
        }
        readAmount(t, row, index, series, year, amounts, issues);
      }
    }
    const key =
      `${account}\u0000${programActivity}\u0000${objectClass}\u0000${category}\u0000${amountType}\u0000${fundingType ?? ''}\u0000${lineType}`.toUpperCase();
    const existing = byIdentity.get(key);
    if (existing && longForm) {
      // Both amounts count (the total still ties out), but a year entered twice is usually a slip: say so.
      const repeated = amounts.find((a) => existing.pending?.some((p) => p.series === a.series));
      if (repeated)
        issues.push(
          issueAt(MESSAGES.duplicateBudgetLine(issueLocation(existing.line.loc)), t.loc(row, 'Account')),
        );
      for (const a of amounts) existing.pending?.push(a);
      continue;
    }
    // Built once, literally: spreading millions of line objects is what made large budgets slow to read.
    const line: BudgetLine = {
      index: pending.length,
      loc: t.loc(row, 'Account'),
      account,
      accountTitle: t.textAt(row, col.title),
      programActivity,
      programActivityTitle: t.textAt(row, col.paTitle),
      objectClass,
      category,
      amountType,
      lineType,
      fundingType,
      amounts: [],
    };
    if (wholes) {
      wholes.length = filled;
      line.amounts = wholes;
    }
    const entry: PendingLine = { line, pending: wholes ? null : amounts };
    if (existing)
      issues.push(issueAt(MESSAGES.duplicateBudgetLine(issueLocation(existing.line.loc)), line.loc));
    else byIdentity.set(key, entry);
    pending.push(entry);
  }

  let decimals: number = MIN_DECIMALS[settings.units];
  for (const { line, pending: amounts } of pending) {
    if (line.amountType === 'FTE' || amounts === null) continue;
    for (const a of amounts)
      if (a.value)
        decimals = Math.max(decimals, Math.min(usedDecimals(a.value), MAX_DECIMALS[settings.units]));
  }

  const { series, renumber } = finder.finish();
  const lines: BudgetLine[] = [];
  for (const { line, pending: list } of pending) {
    const fte = line.amountType === 'FTE';
    const places = fte ? FTE_DECIMALS : decimals;
    const scale = 10 ** places;
    if (list === null && line.amounts.every((a) => Number.isSafeInteger(a.value * scale))) {
      for (const a of line.amounts) {
        a.value *= scale;
        a.series = renumber[a.series] as number;
      }
      line.index = lines.length;
      lines.push(line);
      continue;
    }
    const amounts: PendingAmount[] =
      list ??
      line.amounts.map((a) => ({
        series: a.series,
        year: a.year,
        int: a.value,
        value: null,
        loc: a.loc,
        raw: a.value,
      }));
    const converted: BudgetLine['amounts'] = [];
    for (const a of amounts) {
      const s = renumber[a.series] as number;
      if (a.int !== null && Number.isSafeInteger(a.int * scale)) {
        converted.push({ series: s, year: a.year, value: a.int * scale, loc: a.loc });
        continue;
      }
      try {
        const { value, rounded } = toMinor(
          a.value ?? (decimalFromNumber(a.int as number) as Decimal),
          places,
        );
        const text = cellText(a.raw);
        if (rounded)
          issues.push(
            issueAt(
              fte ? MESSAGES.fteRounded(text) : MESSAGES.amountRounded(text, places, settings.units),
              a.loc,
            ),
          );
        if (value !== 0) converted.push({ series: s, year: a.year, value, loc: a.loc });
      } catch (e) {
        if (!(e instanceof MoneyRangeError)) throw e;
        issues.push(issueAt(MESSAGES.amountOutOfRange(), a.loc));
      }
    }
    line.index = lines.length;
    line.amounts = converted;
    lines.push(line);
  }
  return { lines, series, moneyDecimals: decimals };
}

const AMOUNT_TYPE_WORDS = [
  'Budget Authority',
  'BA',
  'Gross Budget Authority',
  'Obligations',
  'Outlays',
  'Gross Outlays',
  'Offsetting Collections',
  'Expenses',
  'FTE',
];
