import type { BudgetColumns, BudgetLine, Loc, WorkbookModel } from '../../models';
import { AmountType, FundingType, LineType, type Series } from '../../models';
import { columnLetters } from '../../models/a1';
import { withFields } from '../objects';

/**
 * Reading the columnar Budget (see `BudgetColumns`): a line's text, types, amounts and cells by line number.
 * These are the only ways the engine looks at budget lines, so the layout can change in one place.
 */

export const AMOUNT_TYPES = AmountType.options;
export const LINE_TYPES = LineType.options;
export const FUNDING_TYPES = FundingType.options;
export const SPENDING = LINE_TYPES.indexOf('Spending');
export const RECEIPT = LINE_TYPES.indexOf('Receipt');

export const amountTypeOf = (b: BudgetColumns, line: number): AmountType =>
  AMOUNT_TYPES[b.amountType[line] as number] as AmountType;
export const lineTypeOf = (b: BudgetColumns, line: number): LineType =>
  LINE_TYPES[b.lineType[line] as number] as LineType;
export const fundingTypeOf = (b: BudgetColumns, line: number): FundingType | null => {
  const at = b.fundingType[line] as number;
  // -1 is "none": checked first, since reading an array at -1 is a slow property lookup, not an index.
  return at < 0 ? null : ((FUNDING_TYPES[at] as FundingType | undefined) ?? null);
};

/** Interned text of one identity column at a line: `text(b, b.account, i)`. */
export const text = (b: BudgetColumns, column: Int32Array, line: number): string =>
  b.strings[column[line] as number] as string;

export const amountCount = (b: BudgetColumns, line: number): number =>
  (b.amountStart[line + 1] as number) - (b.amountStart[line] as number);

/** A grid cell's location, made only when a message or an output needs it. */
export function cellLoc(b: BudgetColumns, row: number, column: number): Loc {
  return { sheet: b.sheet, cell: `${columnLetters(b.originColumn + column)}${b.originRow + 1 + row}` };
}

/** The line's own cell: its Account cell, the first row it was read from. */
export const lineLoc = (b: BudgetColumns, line: number): Loc =>
  cellLoc(b, b.row[line] as number, b.accountColumn);

/** The sum of a line's amounts in one series (a long-form line can hold a year twice). */
export function seriesAmount(b: BudgetColumns, line: number, series: number): number {
  let sum = 0;
  for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++)
    if (b.amountSeries[a] === series) sum += b.amountValue[a] as number;
  return sum;
}

/** One line as an object, for the object view of the Budget (`WorkbookModel.budget`). */
export function lineObject(b: BudgetColumns, series: readonly Series[], line: number): BudgetLine {
  const amounts: BudgetLine['amounts'] = [];
  for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
    const s = b.amountSeries[a] as number;
    amounts.push({
      series: s,
      year: (series[s] as Series).year,
      value: b.amountValue[a] as number,
      loc: cellLoc(b, b.amountRow[a] as number, b.amountColumn[a] as number),
    });
  }
  return {
    index: line,
    loc: lineLoc(b, line),
    account: text(b, b.account, line),
    accountTitle: text(b, b.accountTitle, line),
    programActivity: text(b, b.programActivity, line),
    programActivityTitle: text(b, b.programActivityTitle, line),
    objectClass: text(b, b.objectClass, line),
    category: text(b, b.category, line),
    amountType: amountTypeOf(b, line),
    lineType: lineTypeOf(b, line),
    fundingType: fundingTypeOf(b, line),
    amounts,
  };
}

/** A Budget with no lines (no Budget table, or one whose totals cannot be added exactly). */
export function emptyBudget(): BudgetColumns {
  const ints = () => new Int32Array(0);
  return {
    size: 0,
    strings: [''],
    account: ints(),
    accountTitle: ints(),
    programActivity: ints(),
    programActivityTitle: ints(),
    objectClass: ints(),
    category: ints(),
    amountType: new Uint8Array(0),
    lineType: new Uint8Array(0),
    fundingType: new Int8Array(0),
    row: ints(),
    accountColumn: 0,
    amountStart: new Int32Array(1),
    amountSeries: ints(),
    amountValue: new Float64Array(0),
    amountRow: ints(),
    amountColumn: ints(),
    sheet: '',
    originColumn: 1,
    originRow: 1,
  };
}

export type ModelWithoutBudget = Omit<WorkbookModel, 'budget' | 'budgetColumns'>;

/** Each model's object-per-line list, once made (see `withBudget`). */
const budgetLists = new WeakMap<WorkbookModel, BudgetLine[]>();

/**
 * The `budget` getter of every model `withBudget` makes: one function for them all, so that the models share one
 * V8 map. A getter made per model gave each model a map of its own (a property's accessor is part of the map),
 * and every function reading models then met a new map each request.
 */
function budgetList(this: WorkbookModel): BudgetLine[] {
  let lines = budgetLists.get(this);
  if (!lines) {
    const columns = this.budgetColumns;
    const { series } = this;
    lines = Array.from({ length: columns.size }, (_, i) => lineObject(columns, series, i));
    budgetLists.set(this, lines);
  }
  return lines;
}

/**
 * The model with both views of one Budget: the columns, and the object-per-line list (`budget`) made from them
 * on first use, so the engine, which never asks for it, never pays for a million objects. Copy such a model
 * with `withBudget`, not by spreading it: a spread would make the list.
 */
export function withBudget(model: ModelWithoutBudget, columns: BudgetColumns): WorkbookModel {
  const out = withFields(model, { budgetColumns: columns }) as WorkbookModel;
  Object.defineProperty(out, 'budget', { enumerable: true, get: budgetList });
  return out;
}

/** The same model with another Budget (one with some amounts left out). */
export function replaceBudget(model: WorkbookModel, columns: BudgetColumns): WorkbookModel {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(model))
    if (key !== 'budget' && key !== 'budgetColumns') rest[key] = model[key as keyof WorkbookModel];
  return withBudget(rest as ModelWithoutBudget, columns);
}

/**
 * The Budget without the amounts `drop` picks by amount type (position in `AMOUNT_TYPES`) and series: a total
 * past the exact range leaves its type and series out, and every stage then computes without them.
 */
export function withoutAmounts(
  b: BudgetColumns,
  drop: (type: number, series: number) => boolean,
): BudgetColumns {
  const kept: number[] = [];
  const amountStart = new Int32Array(b.size + 1);
  for (let line = 0; line < b.size; line++) {
    amountStart[line] = kept.length;
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++)
      if (!drop(b.amountType[line] as number, b.amountSeries[a] as number)) kept.push(a);
  }
  amountStart[b.size] = kept.length;
  return withFields(b, {
    amountStart,
    amountSeries: Int32Array.from(kept, (a) => b.amountSeries[a] as number),
    amountValue: Float64Array.from(kept, (a) => b.amountValue[a] as number),
    amountRow: Int32Array.from(kept, (a) => b.amountRow[a] as number),
    amountColumn: Int32Array.from(kept, (a) => b.amountColumn[a] as number),
  });
}
