import type { CellValue, Issue, Loc } from '../../../models';
import { issueAt, MESSAGES, type Msg } from '../messages';
import { type CellProblem, cellText, parseNumber } from './cells';
import type { TableView } from './table';

/**
 * The issue for a cell that could not be read. Error values, dates and uncalculated formulas are said as
 * such whatever the column; anything else gets the column's own wording (`notValid`).
 */
export function cellProblem(p: CellProblem, notValid: (text: string) => Msg): Msg {
  switch (p.problem) {
    case 'error-value':
      return MESSAGES.amountErrorValue(p.text);
    case 'date':
      return MESSAGES.amountDate(p.text);
    case 'formula':
      return MESSAGES.formulaNotCalculated(p.text);
    case 'percent':
    case 'not-a-number':
      return notValid(p.text);
  }
}

/**
 * An Excel error value or a formula Excel never calculated, as its issue; null for any other value. A formula
 * reads as blank text and an error value as its code, so readers ask this first rather than mistake either
 * for a missing or a misspelt value.
 */
export function unreadable(v: CellValue): Msg | null {
  if (v === null || typeof v !== 'object' || 'date' in v) return null;
  return 'error' in v ? MESSAGES.amountErrorValue(v.error) : MESSAGES.formulaNotCalculated(v.formula);
}

/** The issue for a fiscal-year cell that holds no year. */
export function yearProblem(v: CellValue): Msg {
  return unreadable(v) ?? MESSAGES.yearInvalid(cellText(v));
}

/** A number cell that may be blank; a bad value is reported at its cell and read as blank. */
export function numberAt(t: TableView, row: number, column: string, issues: Issue[]): number | null {
  const p = parseNumber(t.value(row, column));
  if (p.kind === 'ok') return p.value;
  if (p.kind === 'blank') return null;
  const loc: Loc = t.loc(row, column);
  issues.push(
    issueAt(
      cellProblem(p, (text) => MESSAGES.numberInvalid(column, text)),
      loc,
    ),
  );
  return null;
}

/** A word from a fixed vocabulary; blank gives `fallback`, an unknown word is reported and gives `fallback`. */
export function choiceAt<T extends string>(
  t: TableView,
  row: number,
  column: string,
  match: (text: string) => T | null,
  allowed: readonly T[],
  fallback: T | null,
  issues: Issue[],
): T | null {
  const text = t.text(row, column);
  if (!text) return fallback;
  const v = match(text);
  if (v) return v;
  issues.push(
    issueAt(
      fallback === null
        ? MESSAGES.enumInvalid(column, text, allowed)
        : MESSAGES.enumDefaulted(column, text, allowed, fallback),
      t.loc(row, column),
    ),
  );
  return fallback;
}
