import type { AmountType, BudgetColumns, CellValue, FundingType, LineType } from '../../../models';
import { AMOUNT_TYPES, FUNDING_TYPES, LINE_TYPES } from '../budget';
import type { Decimal } from '../money';

/**
 * Builds the columnar Budget (`BudgetColumns`) row by row: lines as they are found, and their amounts staged
 * flat (a long-form line gathers amounts from many rows), then laid end to end per line by `finish`.
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
  const out = n * 10 ** (places - k);
  return Number.isSafeInteger(out) ? out : null;
}

/** An amount that needs the exact-decimal path: text, or a number with more places than the fast path takes. */
export interface ExactAmount {
  value: Decimal;
  raw: CellValue;
}

export class StagedAmounts {
  line: number[] = [];
  series: number[] = [];
  /** The number as typed (in Units), when `places[i]` >= 0. */
  value: number[] = [];
  /** Its decimal places; -1 = read exactly from `exact`. */
  places: number[] = [];
  row: number[] = [];
  column: number[] = [];
  readonly exact = new Map<number, ExactAmount>();

  get size(): number {
    return this.line.length;
  }

  addExact(series: number, value: Decimal, raw: CellValue, row: number, column: number): void {
    this.exact.set(this.size, { value, raw });
    this.addNumber(series, 0, -1, row, column);
  }

  /** Gives the amounts staged from `from` on to a line. */
  assign(from: number, line: number): void {
    for (let i = from; i < this.size; i++) this.line[i] = line;
  }

  /** A number with `k` decimal places (see `placesOf`). */
  addNumber(series: number, v: number, k: number, row: number, column: number): void {
    this.line.push(-1);
    this.series.push(series);
    this.value.push(v);
    this.places.push(k);
    this.row.push(row);
    this.column.push(column);
  }
}

/** One line's identity, as read. */
export interface LineFields {
  account: string;
  accountTitle: string;
  programActivity: string;
  programActivityTitle: string;
  objectClass: string;
  category: string;
  amountType: AmountType;
  lineType: LineType;
  fundingType: FundingType | null;
  row: number;
}

/** The line columns, growing; text interned so a repeated account or title is stored once. */
export class LineColumns {
  private readonly ids = new Map<string, number>([['', 0]]);
  readonly strings: string[] = [''];
  readonly account: number[] = [];
  readonly accountTitle: number[] = [];
  readonly programActivity: number[] = [];
  readonly programActivityTitle: number[] = [];
  readonly objectClass: number[] = [];
  readonly category: number[] = [];
  readonly amountType: number[] = [];
  readonly lineType: number[] = [];
  readonly fundingType: number[] = [];
  readonly row: number[] = [];

  get size(): number {
    return this.row.length;
  }

  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  add(f: LineFields): number {
    this.account.push(this.intern(f.account));
    this.accountTitle.push(this.intern(f.accountTitle));
    this.programActivity.push(this.intern(f.programActivity));
    this.programActivityTitle.push(this.intern(f.programActivityTitle));
    this.objectClass.push(this.intern(f.objectClass));
    this.category.push(this.intern(f.category));
    this.amountType.push(AMOUNT_TYPES.indexOf(f.amountType));
    this.lineType.push(LINE_TYPES.indexOf(f.lineType));
    this.fundingType.push(f.fundingType === null ? -1 : FUNDING_TYPES.indexOf(f.fundingType));
    this.row.push(f.row);
    return this.size - 1;
  }
}

/** Amounts in minor units, in staged order; `keep[i]` false for those that could not be read or came to zero. */
export interface ConvertedAmounts {
  minor: Float64Array;
  keep: Uint8Array;
  /** Final series numbers. */
  series: Int32Array;
}

/** Staged amount positions grouped by line, each line's in the order read (the order issues are raised in). */
export function inLineOrder(lineCount: number, staged: StagedAmounts): Int32Array {
  const next = lineStarts(lineCount, staged, null);
  const order = new Int32Array(staged.size);
  for (let i = 0; i < staged.size; i++) {
    const line = staged.line[i] as number;
    order[next[line] as number] = i;
    next[line] = (next[line] as number) + 1;
  }
  return order;
}

/** Where each line's amounts (those kept) start when laid end to end; entry `lineCount` is their count. */
function lineStarts(lineCount: number, staged: StagedAmounts, keep: Uint8Array | null): Int32Array {
  const start = new Int32Array(lineCount + 1);
  for (let i = 0; i < staged.size; i++) {
    if (keep && !keep[i]) continue;
    const at = (staged.line[i] as number) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let l = 0; l < lineCount; l++) start[l + 1] = (start[l + 1] as number) + (start[l] as number);
  return start;
}

/** The finished columns: the amounts kept, laid end to end per line in `order` (see `inLineOrder`). */
export function finishColumns(
  lines: LineColumns,
  staged: StagedAmounts,
  order: Int32Array,
  converted: ConvertedAmounts,
  where: { sheet: string; originColumn: number; originRow: number; accountColumn: number },
): BudgetColumns {
  const size = lines.size;
  const amountStart = lineStarts(size, staged, converted.keep);
  const count = amountStart[size] as number;
  const amountSeries = new Int32Array(count);
  const amountValue = new Float64Array(count);
  const amountRow = new Int32Array(count);
  const amountColumn = new Int32Array(count);
  let at = 0;
  for (const i of order) {
    if (!converted.keep[i]) continue;
    amountSeries[at] = converted.series[i] as number;
    amountValue[at] = converted.minor[i] as number;
    amountRow[at] = staged.row[i] as number;
    amountColumn[at] = staged.column[i] as number;
    at++;
  }
  return {
    size,
    strings: lines.strings,
    account: Int32Array.from(lines.account),
    accountTitle: Int32Array.from(lines.accountTitle),
    programActivity: Int32Array.from(lines.programActivity),
    programActivityTitle: Int32Array.from(lines.programActivityTitle),
    objectClass: Int32Array.from(lines.objectClass),
    category: Int32Array.from(lines.category),
    amountType: Uint8Array.from(lines.amountType),
    lineType: Uint8Array.from(lines.lineType),
    fundingType: Int8Array.from(lines.fundingType),
    row: Int32Array.from(lines.row),
    accountColumn: where.accountColumn,
    amountStart,
    amountSeries,
    amountValue,
    amountRow,
    amountColumn,
    sheet: where.sheet,
    originColumn: where.originColumn,
    originRow: where.originRow,
  };
}
