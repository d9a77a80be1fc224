import type { BudgetColumns, CellValue, Issue, Loc, Series, Settings, WorkbookGrids } from '../../../models';
import { INPUT_TABLES, issueLocation } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { type Decimal, decimalFromNumber, toMinor, usedDecimals } from '../money';
import { AMOUNT_TYPES, emptyBudget, FUNDING_TYPES, LINE_TYPES } from '../budget';
import {
  blankLineFields,
  type ExactAmount,
  finishColumns,
  inLineOrder,
  type KeptAmounts,
  LineColumns,
  type LineFields,
  runningTotals,
  StagedAmounts,
} from './budgetBuilder';
import { grown, newColumn } from './growable';
import { IssuePlaces } from './issuePlaces';
import { LineIndex, repeatedLines } from './lineIndex';
import type { TextIds } from './textIds';
import { cellText, type Parsed, parseAmount, parseYear } from './cells';
import { amountTypeOf, fundingTypeOf, lineTypeOf } from './enums';
import { makeSeries, type SeriesHeader, seriesKey, seriesLabel, seriesOfHeader } from './series';
import { cellProblem, yearProblem } from './values';
import { type TableView, openTable } from './table';
import { withFields } from '../../objects';

/** The finest money precision kept: a cent, whatever the Units. */
const MAX_DECIMALS = { Dollars: 2, Thousands: 5, Millions: 8 } as const;
/** Dollars are kept to the cent even when typed whole, so splits land on cents. */
const MIN_DECIMALS = { Dollars: 2, Thousands: 0, Millions: 0 } as const;
export const FTE_DECIMALS = 1;
const FTE_TYPE = AMOUNT_TYPES.indexOf('FTE');

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
    const series = order.map((i, index) => withFields(this.found[i] as Omit<Series, 'index'>, { index }));
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

/**
 * Reads one amount cell into `staged`, or reports it; blanks and zeros add nothing. Returns the decimal places
 * the amount uses (the money precision is the finest any amount uses), or -1 when none was staged.
 */
function readAmount(
  t: TableView,
  cells: readonly CellValue[],
  row: number,
  index: number,
  series: number,
  staged: StagedAmounts,
  issues: Issue[],
): number {
  const raw = cells[index] ?? null;
  if (raw === null || raw === 0) return -1;
  // Whole numbers and numbers with a few decimals (nearly every amount) skip the exact-decimal path.
  const k = staged.addPlainNumber(series, raw, row, index);
  if (k >= 0) return k;
  const d = reportAmount(parseAmount(raw), t.locAt(row, index), issues);
  if (!d) return -1;
  staged.addExact(series, d, raw, row, index);
  return usedDecimals(d);
}

/**
 * The text id (see `TextIds`) of the cell at a grid column index, -1 meaning the column is absent: a string
 * cell is one Map lookup; other values are read as `textAt` reads them (an uncalculated formula is reported).
 */
function textIdAt(
  t: TableView,
  texts: TextIds,
  cells: readonly CellValue[],
  row: number,
  index: number,
): number {
  if (index < 0) return 0;
  const v = cells[index];
  if (typeof v === 'string') return texts.idAt(index, v);
  if (v === null || v === undefined) return 0;
  return texts.idOf(t.textAt(row, index));
}

export interface BudgetRead {
  columns: BudgetColumns;
  series: Series[];
  moneyDecimals: number;
}

/** The columns of the Budget's identity fields, by grid position (-1 when absent). */
function identityColumns(t: TableView) {
  return {
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
}
type IdentityColumns = ReturnType<typeof identityColumns>;

/** Not looked up yet (see `WordPositions`). */
const UNASKED = -2;
/** How many cell strings a `WordPositions` remembers. */
const RECENT_CELLS = 8;

/**
 * The position of each text's word in a type column's vocabulary (-1: not one of its words), looked up once
 * per distinct text: a Budget's type columns hold a handful of texts over a million rows. `blank` is the
 * position a blank cell means; `said` the words a message lists when a cell holds none of them.
 */
class WordPositions<T extends string> {
  private memo = new Int8Array(16).fill(UNASKED);
  /**
   * The last few cell strings read as a word or as blank, and their positions: a type column takes turns among
   * two or three texts row after row, and comparing with them spares a text id lookup (see `TextIds`) per row.
   */
  private readonly recentCells: string[] = [];
  private readonly recentAt: number[] = [];

  constructor(
    readonly column: string,
    private readonly match: (text: string) => T | null,
    private readonly words: readonly T[],
    readonly blank: number,
    readonly said: readonly string[],
  ) {}

  /** The position a cell string was last read as, or UNASKED. */
  recent(cell: string): number {
    const cells = this.recentCells;
    for (let i = 0; i < cells.length; i++) if (cells[i] === cell) return this.recentAt[i] as number;
    return UNASKED;
  }

  /** Remembers what a cell string reads as (the first few strings only; a type column has few). */
  remember(cell: string, at: number): void {
    if (this.recentCells.length === RECENT_CELLS) return;
    this.recentCells.push(cell);
    this.recentAt.push(at);
  }

  of(texts: TextIds, id: number): number {
    if (id >= this.memo.length) {
      const known = this.memo.length;
      this.memo = grown(this.memo, id + 1);
      this.memo.fill(UNASKED, known);
    }
    let at = this.memo[id] as number;
    if (at === UNASKED) {
      const word = this.match(texts.text[id] as string);
      at = word === null ? -1 : this.words.indexOf(word);
      this.memo[id] = at;
    }
    return at;
  }
}

/** Reads each row's types: Amount Type (blank: Budget Authority), Line Type (blank: Spending), Funding Type. */
class RowTypes {
  private readonly amountTypes = new WordPositions(
    'Amount Type',
    amountTypeOf,
    AMOUNT_TYPES,
    BUDGET_AUTHORITY,
    AMOUNT_TYPE_WORDS,
  );
  private readonly lineTypes = new WordPositions(
    'Line Type',
    lineTypeOf,
    LINE_TYPES,
    SPENDING_LINE,
    LINE_TYPE_WORDS,
  );
  private readonly fundingTypes = new WordPositions(
    'Funding Type',
    fundingTypeOf,
    FUNDING_TYPES,
    -1,
    FUNDING_TYPE_WORDS,
  );

  constructor(
    private readonly t: TableView,
    private readonly texts: TextIds,
    private readonly col: IdentityColumns,
  ) {}

  /** Reads a row's types into `f`; false (reported) when one is not a word the contract knows. */
  read(cells: readonly CellValue[], row: number, f: LineFields, issues: Issue[]): boolean {
    const { col } = this;
    const amountType = this.typeAt(this.amountTypes, cells, row, col.type, issues);
    if (amountType === null) return false;
    const lineType = this.typeAt(this.lineTypes, cells, row, col.lineType, issues);
    if (lineType === null) return false;
    const fundingType = this.typeAt(this.fundingTypes, cells, row, col.fundingType, issues);
    if (fundingType === null) return false;
    f.amountType = amountType;
    f.lineType = lineType;
    f.fundingType = fundingType;
    return true;
  }

  /** One type column's position for a row (its `blank` when the cell is blank); null, reported, when unknown. */
  private typeAt<T extends string>(
    words: WordPositions<T>,
    cells: readonly CellValue[],
    row: number,
    index: number,
    issues: Issue[],
  ): number | null {
    const { t, texts } = this;
    const cell = index < 0 ? null : cells[index];
    const known = typeof cell === 'string' ? words.recent(cell) : UNASKED;
    if (known !== UNASKED) return known;
    const id = textIdAt(t, texts, cells, row, index);
    const at = id === 0 ? words.blank : words.of(texts, id);
    if (id !== 0 && at < 0) {
      const said = MESSAGES.enumInvalid(words.column, texts.text[id] as string, words.said);
      issues.push(issueAt(said, t.loc(row, words.column)));
      return null;
    }
    if (typeof cell === 'string') words.remember(cell, at);
    return at;
  }
}

/** DUPLICATE_BUDGET_LINE at `row`'s Account cell, pointing to the first line with its identity. */
function duplicateLine(
  t: TableView,
  lines: LineColumns,
  first: number,
  row: number,
  col: IdentityColumns,
): Issue {
  const firstCell = issueLocation(t.locAt(lines.row[first] as number, col.account));
  return issueAt(MESSAGES.duplicateBudgetLine(firstCell), t.loc(row, 'Account'));
}

/** A wide Budget's repeated lines (see `repeatedLines`), each with its DUPLICATE_BUDGET_LINE, in line order. */
function repeatsSaid(
  t: TableView,
  lines: LineColumns,
  col: IdentityColumns,
): { item: number; issue: Issue }[] {
  const repeats = repeatedLines(lines);
  const said: { item: number; issue: Issue }[] = [];
  for (let i = 0; i < repeats.length; i += 2) {
    const line = repeats[i] as number;
    const issue = duplicateLine(t, lines, repeats[i + 1] as number, lines.row[line] as number, col);
    said.push({ item: line, issue });
  }
  return said;
}

/**
 * Reads the Budget table, wide (one column per fiscal year) or long (`Fiscal Year` and `Amount`), into columns.
 * Amounts are kept as typed until the whole table is read, because the money precision is the finest any amount
 * uses (down to a cent), and only then converted to integer minor units.
 */
export function readBudget(grids: WorkbookGrids, settings: Settings, issues: Issue[]): BudgetRead {
  const empty = { columns: emptyBudget(), series: [], moneyDecimals: MIN_DECIMALS[settings.units] };
  const t = openTable(grids, INPUT_TABLES.Budget, issues);
  if (!t || !t.requireColumns()) return empty;
  const finder = new SeriesFinder();
  const years = seriesColumns(t, finder, issues);
  const longForm = years.length === 0 && t.has('Fiscal Year') && t.has('Amount');
  if (years.length === 0 && !longForm) {
    issues.push(issueAt(MESSAGES.budgetNoYears(), t.headerLoc(0)));
    return empty;
  }

  // Sized once from the rows up to the last with data (a sheet may hand over a long blank tail).
  const dataRows = t.dataRowEnd();
  if (dataRows === 0) issues.push(issueAt(MESSAGES.tableEmpty('Budget'), t.headerLoc(0)));
  const lines = new LineColumns(dataRows);
  const texts = lines.texts;
  const staged = new StagedAmounts(dataRows * (longForm ? 1 : years.length));
  /**
   * Long form: the first line of each identity, as rows are read (a row of a line already read adds to it). A wide
   * Budget's every row is a line, so its repeats are found once all are read (`repeatedLines`), and said in place.
   */
  const firstLine = longForm ? new LineIndex(lines, dataRows) : null;
  const places = new IssuePlaces(issues);
  /** Long form only: `line series` pairs already read, to say when a year is entered twice. */
  const seen = new Set<string>();
  const col = identityColumns(t);
  const types = new RowTypes(t, texts, col);
  const moneyPlaces = readRows({
    t,
    dataRows,
    years,
    longForm,
    lines,
    staged,
    firstLine,
    places,
    seen,
    col,
    types,
    finder,
    issues,
  });
  if (!firstLine) places.insert(repeatsSaid(t, lines, col));

  const decimals = Math.max(
    MIN_DECIMALS[settings.units],
    Math.min(moneyPlaces, MAX_DECIMALS[settings.units]),
  );
  const { series, renumber } = finder.finish();
  // A wide Budget's amounts are staged row by row, each row a line: in line order already.
  const order = longForm ? inLineOrder(lines.size, staged) : null;
  const kept = convertAmounts(t, lines, staged, order, renumber, decimals, settings, issues);
  const columns = finishColumns(lines, staged, order, kept, {
    sheet: t.sheet,
    originColumn: t.origin.column,
    originRow: t.origin.row,
    accountColumn: col.account,
  });
  return { columns, series, moneyDecimals: decimals };
}

/**
 * The Budget's rows read into `lines` and `staged`, in a function of its own for the reason `convertEach`
 * gives: V8 compiled the long loop on the fly before the code after it in `readBudget` had ever run, so every
 * read left the fast code there (a deoptimisation per request for the first thousand or so a worker answered).
 * Returns the most decimal places any money amount (FTE aside) uses, or -1 when there is none.
 */
function readRows(c: {
  t: TableView;
  /** The rows up to the last with data (`TableView.dataRowEnd`). */
  dataRows: number;
  years: readonly { series: number; index: number }[];
  longForm: boolean;
  lines: LineColumns;
  staged: StagedAmounts;
  firstLine: LineIndex | null;
  places: IssuePlaces;
  seen: Set<string>;
  col: IdentityColumns;
  types: RowTypes;
  finder: SeriesFinder;
  issues: Issue[];
}): number {
  const { t, dataRows, years, longForm, lines, staged, firstLine, places, seen, col, types, finder, issues } =
    c;
  const texts = lines.texts;
  const amountColumn = t.indexOf('Amount');
  /** The row being read, reused row after row. */
  const f = blankLineFields();
  /** The most decimal places any money amount (FTE aside) uses; -1 while there is none. */
  let moneyPlaces = -1;
  for (let row = 0; row < dataRows; row++) {
    const cells = t.grid.rows[row] as readonly CellValue[];
    if (t.isBlank(row)) continue;
    f.account = textIdAt(t, texts, cells, row, col.account);
    if (f.account === 0) {
      issues.push(issueAt(MESSAGES.valueRequired('Budget', 'Account'), t.loc(row, 'Account')));
      continue;
    }
    if (!types.read(cells, row, f, issues)) continue;
    f.programActivity = textIdAt(t, texts, cells, row, col.pa);
    f.objectClass = textIdAt(t, texts, cells, row, col.oc);
    f.category = textIdAt(t, texts, cells, row, col.category);
    const from = staged.size;
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
      const used = readAmount(t, cells, row, amountColumn, series, staged, issues);
      if (f.amountType !== FTE_TYPE) moneyPlaces = Math.max(moneyPlaces, used);
    } else {
      for (let y = 0; y < years.length; y++) {
        const { series, index } = years[y] as { series: number; index: number };
        const used = readAmount(t, cells, row, index, series, staged, issues);
        if (f.amountType !== FTE_TYPE) moneyPlaces = Math.max(moneyPlaces, used);
      }
    }
    const existing = firstLine ? firstLine.find(f) : -1;
    if (existing >= 0) {
      // Both amounts count (the total still ties out), but a year entered twice is usually a slip: say so.
      const repeated = from < staged.size && seen.has(`${existing} ${staged.series[from] as number}`);
      if (repeated) issues.push(duplicateLine(t, lines, existing, row, col));
      staged.assign(from, existing);
      if (from < staged.size) seen.add(`${existing} ${staged.series[from] as number}`);
      continue;
    }
    f.accountTitle = textIdAt(t, texts, cells, row, col.title);
    f.programActivityTitle = textIdAt(t, texts, cells, row, col.paTitle);
    f.row = row;
    const line = lines.add(f);
    staged.assign(from, line);
    if (firstLine) {
      if (from < staged.size) seen.add(`${line} ${staged.series[from] as number}`);
      firstLine.add(line);
    } else places.note(line);
  }
  return moneyPlaces;
}

/**
 * Every staged amount in integer minor units, in place (`staged.value`, and `staged.series` renumbered), in the
 * order of the lines: FTE in tenths, money at `decimals`. Amounts with more decimals are rounded (and said so);
 * those past the exact range are reported and not kept. Returns which amounts are kept (read, and not zero),
 * and where each line's kept amounts start when laid end to end (see `KeptAmounts`).
 */
function convertAmounts(
  t: TableView,
  lines: LineColumns,
  staged: StagedAmounts,
  order: Int32Array | null,
  renumber: readonly number[],
  decimals: number,
  settings: Settings,
  issues: Issue[],
): KeptAmounts {
  const keep = newColumn(Uint8Array, staged.size);
  const counts = newColumn(Int32Array, lines.size + 1);
  convertEach({ t, lines, staged, order, renumber, decimals, settings, issues, keep, counts });
  return { keep, amountStart: runningTotals(counts) };
}

/**
 * `convertAmounts`' loop, alone in its function: V8 compiles a long loop on the fly (on-stack replacement)
 * before the code after it has ever run, and that code then lacked the type feedback it needs, so every call
 * left the fast code there (a deoptimisation per Budget read, and the next read's loop slow until compiled
 * again). Here nothing follows the loop.
 */
function convertEach(c: {
  t: TableView;
  lines: LineColumns;
  staged: StagedAmounts;
  order: Int32Array | null;
  renumber: readonly number[];
  decimals: number;
  settings: Settings;
  issues: Issue[];
  keep: Uint8Array;
  counts: Int32Array;
}): void {
  const { t, lines, staged, order, renumber, decimals, settings, issues, keep, counts } = c;
  for (let o = 0; o < staged.size; o++) {
    const i = order === null ? o : (order[o] as number);
    staged.series[i] = renumber[staged.series[i] as number] as number;
    const line = staged.line[i] as number;
    const fte = lines.amountType[line] === FTE_TYPE;
    const minor = minorAt(t, staged, i, fte ? FTE_DECIMALS : decimals, fte, settings, issues);
    if (minor === null || minor === 0) continue;
    staged.value[i] = minor;
    keep[i] = 1;
    counts[line + 1] = (counts[line + 1] as number) + 1;
  }
}

/**
 * Staged amount `i` in minor units at `places`: scaled exactly when it can be, else through the exact-decimal
 * path (rounded, and said so, past `places`); null when out of range (said).
 */
function minorAt(
  t: TableView,
  staged: StagedAmounts,
  i: number,
  places: number,
  fte: boolean,
  settings: Settings,
  issues: Issue[],
): number | null {
  const fast = staged.scaledAt(i, places);
  if (fast !== null) return fast;
  const k = staged.places[i] as number;
  const exact = k >= 0 ? null : (staged.exact.get(i) as ExactAmount);
  const raw = exact ? exact.raw : (staged.value[i] as number);
  const value = exact ? exact.value : (decimalFromNumber(staged.value[i] as number) as Decimal);
  const loc = t.locAt(staged.row[i] as number, staged.column[i] as number);
  return exactMinor(value, raw, places, fte, settings, loc, issues);
}

/** One amount through the exact-decimal path: rounded (and said so) past `places`; null when out of range. */
function exactMinor(
  d: Decimal,
  raw: CellValue,
  places: number,
  fte: boolean,
  settings: Settings,
  loc: Loc,
  issues: Issue[],
): number | null {
  const converted = toMinor(d, places);
  if (!converted) {
    issues.push(issueAt(MESSAGES.amountOutOfRange(), loc));
    return null;
  }
  const text = cellText(raw);
  if (converted.rounded)
    issues.push(
      issueAt(fte ? MESSAGES.fteRounded(text) : MESSAGES.amountRounded(text, places, settings.units), loc),
    );
  return converted.value;
}

const BUDGET_AUTHORITY = AMOUNT_TYPES.indexOf('Budget Authority');
const SPENDING_LINE = LINE_TYPES.indexOf('Spending');
const LINE_TYPE_WORDS = ['Spending', 'Receipt', 'Intra-agency'];
const FUNDING_TYPE_WORDS = ['Direct', 'Reimbursable'];
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
