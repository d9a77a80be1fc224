import type { BudgetColumns, CellValue } from '../../../models';
import type { Decimal } from '../money';
import { fitted, grown, newColumn } from './growable';
import type { LineKey } from './lineIndex';
import { TextIds } from './textIds';
import { withFields } from '../../objects';

/**
 * Builds the columnar Budget (`BudgetColumns`) row by row: lines as they are found, and their amounts staged
 * flat (a long-form line gathers amounts from many rows), then laid end to end per line by `finishColumns`.
 * Everything lives in typed columns sized from the table's row count up front: a million lines make a few
 * dozen large arrays, not millions of small objects for the garbage collector to trace.
 */

/** The most decimals an amount can carry and still be read without the exact-decimal path. */
const MAX_FAST_DECIMALS = 8;
const POWERS = Array.from({ length: MAX_FAST_DECIMALS + 1 }, (_, k) => 10 ** k);

/**
 * Decimal places of a number as typed (1234.5 has 1), found without making text: the fewest places k at which
 * the number is a whole count of 10^-k. -1 when it has more than the fast path takes (the exact path decides).
 */
export function placesOf(v: number): number {
  if (Number.isSafeInteger(v)) return 0;
  for (let k = 1; k <= MAX_FAST_DECIMALS; k++) {
    const n = Math.round(v * (POWERS[k] as number));
    // Well inside the safe range, so v * 10^k is within half a unit of n and n is the number as typed.
    if (Math.abs(n) < 2 ** 50 && n / (POWERS[k] as number) === v) return k;
  }
  return -1;
}

/** `v` (with `k` places) in minor units at `places` decimals, or null when that is not exact and safe. */
export function scaledExactly(v: number, k: number, places: number): number | null {
  if (k > places) return null;
  const n = k === 0 ? v : Math.round(v * (POWERS[k] as number));
  const out = places - k <= MAX_FAST_DECIMALS ? n * (POWERS[places - k] as number) : n * 10 ** (places - k);
  return Number.isSafeInteger(out) ? out : null;
}

/** An amount that needs the exact-decimal path: text, or a number with more places than the fast path takes. */
export interface ExactAmount {
  value: Decimal;
  raw: CellValue;
}

/**
 * The amounts read so far, one entry each, in the order read: parallel typed columns grown together.
 * `convertAmounts` (budget.ts) then turns `value` into minor units and `series` into final series numbers in
 * place, so the columns can become the Budget's own.
 */
export class StagedAmounts {
  size = 0;
  /** The line each amount belongs to (set by `assign`: every amount staged is assigned to a line). */
  line: Int32Array;
  series: Int32Array;
  /** The number as typed (in Units), when `places[i]` >= 0. */
  value: Float64Array;
  /** Its decimal places; -1 = read exactly from `exact`. */
  places: Int8Array;
  row: Int32Array;
  column: Int32Array;
  readonly exact = new Map<number, ExactAmount>();

  /** `capacity`: the most amounts expected (rows times amount columns); more still fit, by regrowing. */
  constructor(capacity: number) {
    const n = Math.max(capacity, 16);
    this.line = newColumn(Int32Array, n);
    this.series = newColumn(Int32Array, n);
    this.value = newColumn(Float64Array, n);
    this.places = newColumn(Int8Array, n);
    this.row = newColumn(Int32Array, n);
    this.column = newColumn(Int32Array, n);
  }

  /**
   * Stages a number cell read without the exact-decimal path (see `placesOf`) and returns its decimal places;
   * -1 (nothing staged) for any other cell. A method, so the reader's loop calls no function of another module
   * per amount: under tsx such a call goes through the module's export getter.
   */
  addPlainNumber(series: number, raw: CellValue, row: number, column: number): number {
    const k = typeof raw === 'number' ? placesOf(raw) : -1;
    if (k >= 0) this.addNumber(series, raw as number, k, row, column);
    return k;
  }

  /** Amount `i` in minor units at `places` when a plain number scales exactly (see `scaledExactly`), else null. */
  scaledAt(i: number, places: number): number | null {
    const k = this.places[i] as number;
    return k >= 0 ? scaledExactly(this.value[i] as number, k, places) : null;
  }

  addExact(series: number, value: Decimal, raw: CellValue, row: number, column: number): void {
    this.exact.set(this.size, { value, raw });
    this.addNumber(series, 0, -1, row, column);
  }

  /** Gives the amounts staged from `from` on to a line. */
  assign(from: number, line: number): void {
    // A loop, not fill(): a row stages a few amounts, too few to pay for a call into the runtime.
    for (let i = from; i < this.size; i++) this.line[i] = line;
  }

  /** A number with `k` decimal places (see `placesOf`). */
  addNumber(series: number, v: number, k: number, row: number, column: number): void {
    const i = this.size;
    if (i === this.line.length) this.grow();
    this.series[i] = series;
    this.value[i] = v;
    this.places[i] = k;
    this.row[i] = row;
    this.column[i] = column;
    this.size = i + 1;
  }

  private grow(): void {
    const needed = this.size + 1;
    this.line = grown(this.line, needed);
    this.series = grown(this.series, needed);
    this.value = grown(this.value, needed);
    this.places = grown(this.places, needed);
    this.row = grown(this.row, needed);
    this.column = grown(this.column, needed);
  }
}

/**
 * One line's identity: text ids from the `TextIds` of its `LineColumns` and type indexes (AMOUNT_TYPES,
 * LINE_TYPES, FUNDING_TYPES; funding -1 when not said). Readers fill one and reuse it row after row.
 */
export interface LineFields extends LineKey {
  accountTitle: number;
  programActivityTitle: number;
  row: number;
}

/**
 * A blank line key, made fresh: not `{ ...constant, more }`, which gave each request's object a map of its own
 * (see `withFields`), so the reader's every store into its row (`f.account = ...`) met a map it had not seen,
 * deoptimised, and then went through the generic store path for good.
 */
const blankKey = (): LineKey => ({
  account: 0,
  programActivity: 0,
  objectClass: 0,
  category: 0,
  amountType: 0,
  lineType: 0,
  fundingType: -1,
});

/** A LineFields to fill (all blank). */
export const blankLineFields = (): LineFields =>
  withFields(blankKey(), { accountTitle: 0, programActivityTitle: 0, row: 0 });

/**
 * The line columns, growing. While reading, the text columns hold text ids (see `TextIds`); `internTexts`
 * then renumbers them into `strings`, which holds only the texts of lines kept, in the order lines use them.
 */
export class LineColumns {
  /** Every identity text read, kept or not (a row left out still has to be matched). */
  readonly texts = new TextIds();
  size = 0;
  account: Int32Array;
  accountTitle: Int32Array;
  programActivity: Int32Array;
  programActivityTitle: Int32Array;
  objectClass: Int32Array;
  category: Int32Array;
  amountType: Uint8Array;
  lineType: Uint8Array;
  fundingType: Int8Array;
  row: Int32Array;

  /** `capacity`: the most lines expected (the table's row count); more still fit, by regrowing. */
  constructor(capacity: number) {
    const n = Math.max(capacity, 16);
    this.account = newColumn(Int32Array, n);
    this.accountTitle = newColumn(Int32Array, n);
    this.programActivity = newColumn(Int32Array, n);
    this.programActivityTitle = newColumn(Int32Array, n);
    this.objectClass = newColumn(Int32Array, n);
    this.category = newColumn(Int32Array, n);
    this.amountType = newColumn(Uint8Array, n);
    this.lineType = newColumn(Uint8Array, n);
    this.fundingType = newColumn(Int8Array, n);
    this.row = newColumn(Int32Array, n);
  }

  add(f: LineFields): number {
    const i = this.size;
    if (i === this.row.length) this.grow();
    this.account[i] = f.account;
    this.accountTitle[i] = f.accountTitle;
    this.programActivity[i] = f.programActivity;
    this.programActivityTitle[i] = f.programActivityTitle;
    this.objectClass[i] = f.objectClass;
    this.category[i] = f.category;
    this.amountType[i] = f.amountType;
    this.lineType[i] = f.lineType;
    this.fundingType[i] = f.fundingType;
    this.row[i] = f.row;
    this.size = i + 1;
    return i;
  }

  /** Line `line`'s identity, written into `into` (or a new key): the key of `LineIndex`. */
  keyOf(line: number, into: LineKey = blankKey()): LineKey {
    into.account = this.account[line] as number;
    into.programActivity = this.programActivity[line] as number;
    into.objectClass = this.objectClass[line] as number;
    into.category = this.category[line] as number;
    into.amountType = this.amountType[line] as number;
    into.lineType = this.lineType[line] as number;
    into.fundingType = this.fundingType[line] as number;
    return into;
  }

  /**
   * The interned texts, '' first, then each line's account, account title, program activity, its title, object
   * class and category as first used; the text columns are renumbered to index it. Call once, when all is read.
   */
  internTexts(): string[] {
    const strings: string[] = [''];
    const stringOf = new Int32Array(this.texts.text.length).fill(-1, 1);
    const text = this.texts.text;
    for (let line = 0; line < this.size; line++) {
      internAt(this.account, line, stringOf, strings, text);
      internAt(this.accountTitle, line, stringOf, strings, text);
      internAt(this.programActivity, line, stringOf, strings, text);
      internAt(this.programActivityTitle, line, stringOf, strings, text);
      internAt(this.objectClass, line, stringOf, strings, text);
      internAt(this.category, line, stringOf, strings, text);
    }
    return strings;
  }

  private grow(): void {
    const needed = this.size + 1;
    this.account = grown(this.account, needed);
    this.accountTitle = grown(this.accountTitle, needed);
    this.programActivity = grown(this.programActivity, needed);
    this.programActivityTitle = grown(this.programActivityTitle, needed);
    this.objectClass = grown(this.objectClass, needed);
    this.category = grown(this.category, needed);
    this.amountType = grown(this.amountType, needed);
    this.lineType = grown(this.lineType, needed);
    this.fundingType = grown(this.fundingType, needed);
    this.row = grown(this.row, needed);
  }
}

/**
 * Renumbers one text column's entry from a text id to its place in `strings` (see `LineColumns.internTexts`),
 * adding the text when first used. A plain function, not a closure: it runs six million times in one call, much
 * of it before the loop is optimised, and a call to a closure costs more there.
 */
function internAt(
  column: Int32Array,
  line: number,
  stringOf: Int32Array,
  strings: string[],
  text: readonly string[],
): void {
  const id = column[line] as number;
  let at = stringOf[id] as number;
  if (at < 0) {
    at = strings.length;
    strings.push(text[id] as string);
    stringOf[id] = at;
  }
  column[line] = at;
}

/**
 * Staged amount positions grouped by line, each line's in the order read (the order issues are raised in); null
 * when the staged order already is that (always for a wide Budget, whose every row starts a line).
 */
export function inLineOrder(lineCount: number, staged: StagedAmounts): Int32Array | null {
  if (isInLineOrder(staged)) return null;
  const next = lineStarts(lineCount, staged);
  const order = newColumn(Int32Array, staged.size);
  for (let i = 0; i < staged.size; i++) {
    const line = staged.line[i] as number;
    order[next[line] as number] = i;
    next[line] = (next[line] as number) + 1;
  }
  return order;
}

function isInLineOrder(staged: StagedAmounts): boolean {
  for (let i = 1; i < staged.size; i++)
    if ((staged.line[i] as number) < (staged.line[i - 1] as number)) return false;
  return true;
}

/** Where each line's staged amounts start when laid end to end; entry `lineCount` is their count. */
function lineStarts(lineCount: number, staged: StagedAmounts): Int32Array {
  const counts = newColumn(Int32Array, lineCount + 1);
  for (let i = 0; i < staged.size; i++) {
    const at = (staged.line[i] as number) + 1;
    counts[at] = (counts[at] as number) + 1;
  }
  return runningTotals(counts);
}

/** Each line's count (at entry line + 1, entry 0 being 0) turned, in place, into where its entries start. */
export function runningTotals(counts: Int32Array): Int32Array {
  for (let l = 1; l < counts.length; l++) counts[l] = (counts[l] as number) + (counts[l - 1] as number);
  return counts;
}

/** Which staged amounts are kept (`keep[i]`), and where each line's start when laid end to end (`amountStart`). */
export interface KeptAmounts {
  keep: Uint8Array;
  amountStart: Int32Array;
}

/** The Budget's amount columns: `amountSeries`, `amountValue`, `amountRow` and `amountColumn`. */
type AmountColumns = Pick<BudgetColumns, 'amountSeries' | 'amountValue' | 'amountRow' | 'amountColumn'>;

/**
 * The amounts kept (`keep[i]`), converted (see `StagedAmounts`), laid end to end per line in `order` (see
 * `inLineOrder`). In staged order already, they are moved down within the staged columns, which then serve.
 */
function amountColumns(
  staged: StagedAmounts,
  order: Int32Array | null,
  keep: Uint8Array,
  count: number,
): AmountColumns {
  const inPlace = order === null;
  const out: AmountColumns = inPlace
    ? {
        amountSeries: staged.series,
        amountValue: staged.value,
        amountRow: staged.row,
        amountColumn: staged.column,
      }
    : {
        amountSeries: newColumn(Int32Array, count),
        amountValue: newColumn(Float64Array, count),
        amountRow: newColumn(Int32Array, count),
        amountColumn: newColumn(Int32Array, count),
      };
  // In place with every amount kept (the usual wide Budget), the staged columns already are the result.
  const size = inPlace && count === staged.size ? 0 : staged.size;
  let at = 0;
  for (let o = 0; o < size; o++) {
    const i = inPlace ? o : (order[o] as number);
    if (!keep[i]) continue;
    out.amountSeries[at] = staged.series[i] as number;
    out.amountValue[at] = staged.value[i] as number;
    out.amountRow[at] = staged.row[i] as number;
    out.amountColumn[at] = staged.column[i] as number;
    at++;
  }
  return {
    amountSeries: fitted(out.amountSeries, count),
    amountValue: fitted(out.amountValue, count),
    amountRow: fitted(out.amountRow, count),
    amountColumn: fitted(out.amountColumn, count),
  };
}

/** The finished columns: the lines, and their amounts kept (see `amountColumns`). */
export function finishColumns(
  lines: LineColumns,
  staged: StagedAmounts,
  order: Int32Array | null,
  { keep, amountStart }: KeptAmounts,
  where: { sheet: string; originColumn: number; originRow: number; accountColumn: number },
): BudgetColumns {
  const size = lines.size;
  const strings = lines.internTexts();
  return {
    size,
    strings,
    account: fitted(lines.account, size),
    accountTitle: fitted(lines.accountTitle, size),
    programActivity: fitted(lines.programActivity, size),
    programActivityTitle: fitted(lines.programActivityTitle, size),
    objectClass: fitted(lines.objectClass, size),
    category: fitted(lines.category, size),
    amountType: fitted(lines.amountType, size),
    lineType: fitted(lines.lineType, size),
    fundingType: fitted(lines.fundingType, size),
    row: fitted(lines.row, size),
    accountColumn: where.accountColumn,
    amountStart,
    ...amountColumns(staged, order, keep, amountStart[size] as number),
    sheet: where.sheet,
    originColumn: where.originColumn,
    originRow: where.originRow,
  };
}
