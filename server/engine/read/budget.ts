import type { AmountType, BudgetLine, CellValue, Issue, Loc, Settings, WorkbookGrids } from '../../../models';
import { INPUT_TABLES, issueLocation } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { type Decimal, decimalFromNumber, MoneyRangeError, toMinor, usedDecimals } from '../money';
import { cellText, type Parsed, parseAmount, parseYear } from './cells';
import { amountTypeOf } from './enums';
import { cellProblem, yearProblem } from './values';
import { type TableView, openTable } from './table';

/** The finest money precision kept: a cent, whatever the Units. */
const MAX_DECIMALS = { Dollars: 2, Thousands: 5, Millions: 8 } as const;
/** Dollars are kept to the cent even when typed whole, so splits land on cents. */
const MIN_DECIMALS = { Dollars: 2, Thousands: 0, Millions: 0 } as const;
export const FTE_DECIMALS = 1;

/** An amount read but not yet in minor units: whole numbers (most amounts) skip the exact-decimal path. */
interface PendingAmount {
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

/** A header that names a fiscal year: `FY2018`, `FY 2018`, `2018`, `FY2018 Request`. */
export function yearOfHeader(v: CellValue): number | null {
  const m = /^(?:FY\s*)?((?:19|20)\d{2})(?:\s.*)?$/i.exec(cellText(v));
  return m ? Number(m[1]) : null;
}

function reportAmount(p: Parsed<Decimal>, loc: Loc, issues: Issue[]): Decimal | null {
  if (p.kind === 'ok') return p.value;
  if (p.kind === 'blank') return null;
  const invalid = p.problem === 'percent' ? MESSAGES.amountPercent : MESSAGES.amountInvalid;
  issues.push(issueAt(cellProblem(p, invalid), loc));
  return null;
}

function yearColumns(t: TableView, issues: Issue[]): { year: number; index: number }[] {
  const seen = new Set<number>();
  const out: { year: number; index: number }[] = [];
  t.grid.header.forEach((h, index) => {
    const year = yearOfHeader(h);
    if (year === null) return;
    if (seen.has(year)) {
      issues.push(issueAt(MESSAGES.yearColumnDuplicate(year), t.headerLoc(index)));
      return;
    }
    seen.add(year);
    out.push({ year, index });
  });
  return out;
}

/** Reads one amount cell into `out`, or reports it; blanks and zeros add nothing. */
function readAmount(
  t: TableView,
  row: number,
  index: number,
  year: number,
  out: PendingAmount[],
  issues: Issue[],
): void {
  const raw = t.grid.rows[row]?.[index] ?? null;
  if (raw === null || raw === 0) return;
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) {
    out.push({ year, int: raw, value: null, loc: t.locAt(row, index), raw });
    return;
  }
  const loc = t.locAt(row, index);
  const d = reportAmount(parseAmount(raw), loc, issues);
  if (d) out.push({ year, int: null, value: d, loc, raw });
}

export interface BudgetRead {
  lines: BudgetLine[];
  moneyDecimals: number;
}

/**
 * Reads the Budget table, wide (one column per fiscal year) or long (`Fiscal Year` and `Amount`). Amounts are
 * held as exact decimals until the whole table is read, because the money precision is the finest any amount
 * uses (down to a cent), and only then converted to integer minor units.
 */
export function readBudget(grids: WorkbookGrids, settings: Settings, issues: Issue[]): BudgetRead {
  const empty = { lines: [], moneyDecimals: MIN_DECIMALS[settings.units] };
  const t = openTable(grids, INPUT_TABLES.Budget, issues);
  if (!t || !t.requireColumns()) return empty;
  const years = yearColumns(t, issues);
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
        issueAt(
          MESSAGES.enumInvalid('Amount Type', typeText, [
            'Budget Authority',
            'BA',
            'Obligations',
            'Outlays',
            'FTE',
          ]),
          t.loc(row, 'Amount Type'),
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
      readAmount(t, row, t.indexOf('Amount'), year, amounts, issues);
    } else {
      for (const { year, index } of years) {
        const raw = t.grid.rows[row]?.[index] ?? null;
        if (raw === null || raw === 0) continue;
        // Whole numbers (nearly every amount) become budget amounts at once: one object each. The first
        // amount that needs exact-decimal reading moves the row onto the pending path.
        if (wholes && typeof raw === 'number' && Number.isSafeInteger(raw)) {
          wholes[filled++] = { year, value: raw, loc: t.locAt(row, index) };
          continue;
        }
        if (wholes) {
          for (const w of wholes.slice(0, filled))
            amounts.push({ year: w.year, int: w.value, value: null, loc: w.loc, raw: w.value });
          wholes = null;
        }
        readAmount(t, row, index, year, amounts, issues);
      }
    }
    const key =
      `${account}\u0000${programActivity}\u0000${objectClass}\u0000${category}\u0000${amountType}`.toUpperCase();
    const existing = byIdentity.get(key);
    if (existing && longForm) {
      // Both amounts count (the total still ties out), but a year entered twice is usually a slip: say so.
      const repeated = amounts.find((a) => existing.pending?.some((p) => p.year === a.year));
      if (repeated)
        issues.push(
          issueAt(MESSAGES.duplicateBudgetLine(issueLocation(existing.line.loc)), t.loc(row, 'Account')),
        );
      existing.pending?.push(...amounts);
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

  const lines: BudgetLine[] = [];
  for (const { line, pending: list } of pending) {
    const fte = line.amountType === 'FTE';
    const places = fte ? FTE_DECIMALS : decimals;
    const scale = 10 ** places;
    if (list === null && line.amounts.every((a) => Number.isSafeInteger(a.value * scale))) {
      if (scale !== 1) for (const a of line.amounts) a.value *= scale;
      line.index = lines.length;
      lines.push(line);
      continue;
    }
    const amounts: PendingAmount[] =
      list ??
      line.amounts.map((a) => ({ year: a.year, int: a.value, value: null, loc: a.loc, raw: a.value }));
    const converted: BudgetLine['amounts'] = [];
    for (const a of amounts) {
      if (a.int !== null && Number.isSafeInteger(a.int * scale)) {
        converted.push({ year: a.year, value: a.int * scale, loc: a.loc });
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
        if (value !== 0) converted.push({ year: a.year, value, loc: a.loc });
      } catch (e) {
        if (!(e instanceof MoneyRangeError)) throw e;
        issues.push(issueAt(MESSAGES.amountOutOfRange(), a.loc));
      }
    }
    line.index = lines.length;
    line.amounts = converted;
    lines.push(line);
  }
  return { lines, moneyDecimals: decimals };
}
