import type { AmountType, BudgetColumns, OutputTable, Series } from '../../../models';
import { AMOUNT_TYPES, amountTypeOf, fundingTypeOf, lineLoc } from '../budget';
import { issueLocation, OUTPUT_TABLES, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import {
  type CrosswalkResult,
  DESTINATIONS,
  destinationOf,
  type RuleSet,
  setOf,
  type SetLayout,
  Splitter,
} from '../crosswalk';
import type { Target } from '../ledger';
import { targetKey } from '../ledger';
import {
  type AmountFormat,
  type CellRun,
  type OpenTable,
  rowFormatFor,
  TableBuilder,
  type TableSink,
  unitsPhrase,
} from './shape';

const loc = (l: { sheet: string; cell: string } | null) => (l ? issueLocation(l) : '');
/**
 * SHARE_SCALE read once: compiled to CommonJS, a name `models/index.ts` re-exports is read through a getter
 * call at every use, which cost about a millisecond a 5,000-line CrosswalkDetail.
 */
const SCALE = SHARE_SCALE;

export function mappedTo(t: Target): string {
  switch (t.kind) {
    case 'objective':
      return `Objective ${t.id}`;
    case 'goal':
      return `Goal ${t.id}`;
    case 'pool':
      return `Cost pool ${t.id}`;
    case 'unmapped':
      return 'Unmapped';
    case 'receipts':
      return 'Offsetting receipts, not allocated';
    case 'eliminated':
      return 'Intra-agency, eliminated';
  }
}

const seriesColumns = (series: readonly Series[]) =>
  series.map((s) => ({ name: s.label, format: 'money' as const }));

/**
 * One row per budget line × target, with one amount column per series, the Crosswalk row the amounts came
 * from (`Rule`) and the Budget cell of the line (`Source`), so an auditor can trace every goal dollar to an
 * appropriation line. Where a recast row applies to one year, that year's amounts sit on a row of their own
 * with that year's Rule. Rows are written straight from the Budget's columns, a cell at a time (as rows, or
 * as the table's JSON: see `TableSink`): this table has a row per line and target, several per budget line.
 */
export function crosswalkDetail(c: Computation): OutputTable;
export function crosswalkDetail<T>(c: Computation, open: OpenTable<T>): T;
export function crosswalkDetail(c: Computation, open: OpenTable<unknown> = TableBuilder.open): unknown {
  const { model, series } = c;
  // Each amount's column among the series shown, by its series' index in the model.
  const column = new Int32Array(model.series.length);
  series.forEach((s, i) => (column[s.index] = i));
  const t = open(
    'CrosswalkDetail',
    `Crosswalk detail: every budget amount by the objective, goal or cost pool it serves (${unitsPhrase(model.settings.units)})`,
    [
      ...TableBuilder.columns(OUTPUT_TABLES.CrosswalkDetail),
      ...seriesColumns(series),
      ...TableBuilder.columns(OUTPUT_TABLES.CrosswalkDetailTail),
    ],
  );
  const b = model.budgetColumns;
  const rules = new RuleTexts();
  const heads = new PartHeads(c.crosswalk, new TargetCells(model.objectives));
  const rows = new LineRows(series.length);
  const splitter = new Splitter();
  // The Budget sheet's name as a reference quotes it (when it must be), once rather than once a line.
  const budgetSheet = loc({ sheet: b.sheet, cell: '' });
  // The one target of an amount no set splits (it goes whole to Unmapped, receipts or eliminations).
  const whole: Target[] = [];
  // Each amount type's format, made once rather than once a line.
  const formats = AMOUNT_TYPES.map((type) => ({ type, decimals: model.moneyDecimals }));
  for (let line = 0; line < b.size; line++) {
    rows.clear();
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
      const set = setOf(c.crosswalk, b, line, a);
      if (!set) whole[0] = destinationOf(c.crosswalk, line);
      const targets = set ? set.targets : whole;
      const count = splitter.split(set, b.amountValue[a] as number);
      const at = column[b.amountSeries[a] as number] as number;
      for (let i = 0; i < count; i++) {
        const part = splitter.parts[i] as number;
        if (part === 0) continue;
        rows.add(rows.rowFor(targets[i] as Target, set, i, rules, heads.key(set, i, line)), at, part);
      }
    }
    if (rows.count === 0) continue;
    const type = amountTypeOf(b, line);
    const source = budgetSheet && `${budgetSheet}!${lineLoc(b, line).cell}`;
    const format = formats[b.amountType[line] as number] as AmountFormat;
    // A line of several rows writes its own cells once and gives them again to its later rows.
    const many = rows.count > 1;
    let own: CellRun | null = null;
    for (let r = 0; r < rows.count; r++) {
      if (own) t.again(own);
      else {
        if (many) t.startRun();
        detailIdentity(t, b, line, type);
        if (many) own = t.endRun();
      }
      heads.write(t, rows.key(r), rows.target(r), rows.share(r));
      rows.writeSums(t, r, format);
      t.text(rows.rule(r));
      t.text(source);
      t.endRow('detail', rowFormatFor(type));
    }
  }
  return t.build();
}

/**
 * A running sum in minor units, exact or NaN: past the safe range the cell is left blank rather than wrong
 * (the engine's totals report the overflow as an issue), and NaN stays NaN through later additions.
 */
const addExactly = (sum: number, amount: number): number => {
  const next = sum + amount;
  return Number.isSafeInteger(next) ? next : NaN;
};

/** The target columns of a CrosswalkDetail row (Goal ID, Objective ID, Cost Pool, Mapped To), made once per target. */
class TargetCells {
  private readonly byTarget = new Map<Target, string[]>();
  private readonly goalOf: Map<string, string>;

  constructor(objectives: readonly { id: string; goalId: string }[]) {
    this.goalOf = new Map(objectives.map((o) => [o.id, o.goalId]));
  }

  of(target: Target): string[] {
    let cells = this.byTarget.get(target);
    if (!cells) {
      cells = [
        target.kind === 'goal'
          ? target.id
          : target.kind === 'objective'
            ? (this.goalOf.get(target.id) ?? '')
            : '',
        target.kind === 'objective' ? target.id : '',
        target.kind === 'pool' ? target.id : '',
        mappedTo(target),
      ];
      this.byTarget.set(target, cells);
    }
    return cells;
  }
}

/**
 * A CrosswalkDetail row's target cells (Goal ID, Objective ID, Cost Pool, Mapped To) and share, which depend only
 * on the part of a split that made the row: written once per part and given again (`TableSink.again`) to every
 * line the part reaches. Parts are numbered as the sets' layout numbers them, and an amount no set splits after
 * them, by where it goes whole.
 */
class PartHeads {
  private readonly runs: (CellRun | undefined)[];
  /** The number of the first whole destination: after every set's parts. */
  private readonly wholeFrom: number;

  constructor(
    private readonly crosswalk: CrosswalkResult,
    private readonly cells: TargetCells,
  ) {
    this.wholeFrom = crosswalk.sets[0]?.layout?.start[crosswalk.sets.length] ?? 0;
    this.runs = new Array<CellRun | undefined>(this.wholeFrom + DESTINATIONS.length).fill(undefined);
  }

  /** The number of part `i` of `set`, or of where `line` goes whole when `set` is null. */
  key(set: RuleSet | null, i: number, line: number): number {
    if (!set) return this.wholeFrom + (this.crosswalk.lineTo[line] as number);
    return ((set.layout as SetLayout).start[set.position] as number) + i;
  }

  write<T>(t: TableSink<T>, key: number, target: Target, share: number): void {
    const run = this.runs[key];
    if (run) return t.again(run);
    t.startRun();
    for (const cell of this.cells.of(target)) t.text(cell);
    t.cell(share);
    this.runs[key] = t.endRun();
  }
}

/**
 * The CrosswalkDetail rows of one budget line while it is read, in the order first met: a target, the Crosswalk
 * row it came from, the part that made it (see `PartHeads`) and its sums by series. One set of buffers serves
 * every line (`clear` between lines).
 */
class LineRows {
  count = 0;
  private readonly targets: Target[] = [];
  private readonly rules: string[] = [];
  private readonly shares: number[] = [];
  private readonly keys: number[] = [];
  private sums = new Float64Array(0);

  constructor(readonly seriesCount: number) {}

  clear(): void {
    this.count = 0;
  }

  /**
   * The row for a target and rule, made when first needed (a line has a few) with the share and part number of
   * the part that first reaches it.
   */
  rowFor(target: Target, set: RuleSet | null, i: number, rules: RuleTexts, key: number): number {
    const rule = set ? rules.of(set, i) : '';
    for (let r = 0; r < this.count; r++)
      if (this.keys[r] === key || ((this.targets[r] as Target).key === target.key && this.rules[r] === rule))
        return r;
    const r = this.count++;
    this.targets[r] = target;
    this.rules[r] = rule;
    this.shares[r] = set ? (set.shares[i] as number) / SCALE : 1;
    this.keys[r] = key;
    const n = this.seriesCount;
    if (this.sums.length < this.count * n) {
      const grown = new Float64Array(this.count * n * 2);
      grown.set(this.sums);
      this.sums = grown;
    }
    // By hand: a row has a few sums, fewer than a call to `fill` is worth.
    for (let at = r * n; at < this.count * n; at++) this.sums[at] = 0;
    return r;
  }

  key(r: number): number {
    return this.keys[r] as number;
  }

  add(r: number, series: number, amount: number): void {
    const at = r * this.seriesCount + series;
    this.sums[at] = addExactly(this.sums[at] as number, amount);
  }

  target(r: number): Target {
    return this.targets[r] as Target;
  }

  rule(r: number): string {
    return this.rules[r] as string;
  }

  share(r: number): number {
    return this.shares[r] as number;
  }

  /** Row `r`'s sums, one a series, into the table. */
  writeSums<T>(t: TableSink<T>, r: number, format: AmountFormat): void {
    t.amounts(this.sums, r * this.seriesCount, (r + 1) * this.seriesCount, format);
  }
}

/** The `Sheet!A1` of each set's Crosswalk rows, made once per set (found by its position). */
class RuleTexts {
  private readonly bySet: (string[] | undefined)[] = [];

  of(set: RuleSet, i: number): string {
    let texts = this.bySet[set.position];
    if (!texts) {
      texts = set.ruleLocs.map((l) => loc(l));
      this.bySet[set.position] = texts;
    }
    return texts[i] as string;
  }
}

/** The budget line's own cells of a CrosswalkDetail row. */
function detailIdentity<T>(t: TableSink<T>, b: BudgetColumns, line: number, type: AmountType): void {
  const { strings } = b;
  t.interned(strings, b.account[line] as number);
  t.interned(strings, b.accountTitle[line] as number);
  t.interned(strings, b.programActivity[line] as number);
  t.interned(strings, b.objectClass[line] as number);
  t.interned(strings, b.category[line] as number);
  t.text(fundingTypeOf(b, line) ?? '');
  t.text(type);
}

/**
 * The base year (the series scenarios change; the budget year unless Settings say otherwise) as a matrix: one row per budget line, one column per objective grouped by goal (headed by
 * ID and name), then goal-level targets and pools that receive money, Unmapped, what is not allocated
 * (receipts and intra-agency amounts, when there are any) and Total, with a total row per amount type. Zero
 * cells are left blank, as a budget exhibit would print them.
 */
export function crosswalkMatrix(c: Computation): OutputTable;
export function crosswalkMatrix<T>(c: Computation, open: OpenTable<T>): T;
export function crosswalkMatrix(c: Computation, open: OpenTable<unknown> = TableBuilder.open): unknown {
  const { model } = c;
  const base = c.plan.base ?? c.series[c.series.length - 1] ?? null;
  const targets: Target[] = [];
  const seen = new Set<string>();
  const include = (t: Target) => {
    if (!seen.has(t.key)) targets.push(t);
    seen.add(t.key);
  };
  const b = model.budgetColumns;
  const used = new Set<string>();
  for (const p of setsInUse(c.crosswalk))
    for (const t of (c.crosswalk.sets[p] as RuleSet).targets) used.add(t.key);
  let notAllocated = false;
  for (let line = 0; line < b.size; line++) if (c.crosswalk.lineTo[line] !== 0) notAllocated = true;
  const objectiveName = new Map(model.objectives.map((o) => [o.id, o.name]));
  for (const g of model.goals) {
    for (const o of model.objectives)
      if (o.goalId === g.id) include({ kind: 'objective', id: o.id, key: targetKey('objective', o.id) });
  }
  for (const o of model.objectives)
    include({ kind: 'objective', id: o.id, key: targetKey('objective', o.id) });
  for (const g of model.goals)
    if (used.has(targetKey('goal', g.id))) include({ kind: 'goal', id: g.id, key: targetKey('goal', g.id) });
  for (const p of model.pools)
    if (used.has(targetKey('pool', p.name)))
      include({ kind: 'pool', id: p.name, key: targetKey('pool', p.name) });
  const header = (t: Target) => {
    if (t.kind === 'goal') return `${t.id} (goal level)`;
    if (t.kind === 'pool') return `Pool: ${t.id}`;
    const name = objectiveName.get(t.id) ?? '';
    return name ? `${t.id} ${name.length > 60 ? `${name.slice(0, 57)}...` : name}` : t.id;
  };
  const tail = [
    { name: 'Unmapped', format: 'money' as const },
    ...(notAllocated ? [{ name: 'Not Allocated', format: 'money' as const }] : []),
    { name: 'Total', format: 'money' as const },
  ];
  const columns = [
    ...TableBuilder.columns(OUTPUT_TABLES.CrosswalkMatrix),
    ...targets.map((t) => ({ name: header(t), format: 'money' as const })),
    ...tail,
  ];
  const title = `Crosswalk matrix, ${base?.label ?? 'no budget year'}: each budget line across objectives (${unitsPhrase(model.settings.units)})`;
  const table = open('CrosswalkMatrix', title, columns);
  const column = new Map(targets.map((t, i) => [t.key, i]));
  const width = targets.length + tail.length;
  const at: MatrixColumns = {
    of: column,
    unmapped: targets.length,
    notAllocated: notAllocated ? targets.length + 1 : -1,
    total: width - 1,
  };
  const lines = base ? new MatrixLines(c, base.index, at, width) : null;
  const program = new ProgramCells(b);
  for (const type of c.amountTypes) {
    const typeIndex = AMOUNT_TYPES.indexOf(type);
    const totals = new Float64Array(width);
    const format = { type, decimals: model.moneyDecimals };
    for (let line = 0; line < b.size && lines; line++) {
      if (b.amountType[line] !== typeIndex || !lines.read(line)) continue;
      const cells = lines.cells;
      // Only the columns the line put something in can add to a total; a zero leaves it as it is (NaN included).
      for (let k = 0; k < lines.count; k++) {
        const i = lines.touched[k] as number;
        const cell = cells[i] as number;
        if (cell !== 0) totals[i] = addExactly(totals[i] as number, cell);
      }
      const { strings } = b;
      program.write(table, line);
      table.interned(strings, b.objectClass[line] as number);
      table.interned(strings, b.category[line] as number);
      table.text(type);
      table.amounts(cells, 0, width, format);
      table.endRow('detail', rowFormatFor(type));
    }
    for (const cell of ['Total', '', `Total ${type}`, '', '', '', type]) table.text(cell);
    table.amounts(totals, 0, width, format);
    table.endRow('total', rowFormatFor(type));
  }
  return table.build();
}

/**
 * A matrix row's account, program activity and their titles: the same on the neighbouring lines of one program
 * activity (its object classes), so written once and given again (`TableSink.again`) while they stay the same.
 */
class ProgramCells {
  private run: CellRun | null = null;
  private readonly ids = new Int32Array(4).fill(-1);

  constructor(private readonly b: BudgetColumns) {}

  write<T>(t: TableSink<T>, line: number): void {
    const b = this.b;
    const ids = this.ids;
    const account = b.account[line] as number;
    const activity = b.programActivity[line] as number;
    const accountTitle = b.accountTitle[line] as number;
    const activityTitle = b.programActivityTitle[line] as number;
    if (
      this.run &&
      ids[0] === account &&
      ids[1] === activity &&
      ids[2] === accountTitle &&
      ids[3] === activityTitle
    )
      return t.again(this.run);
    ids[0] = account;
    ids[1] = activity;
    ids[2] = accountTitle;
    ids[3] = activityTitle;
    t.startRun();
    t.interned(b.strings, account);
    t.interned(b.strings, activity);
    t.interned(b.strings, accountTitle);
    t.interned(b.strings, activityTitle);
    this.run = t.endRun();
  }
}

/** Where a matrix amount lands: a target's column by key, and the Unmapped, Not Allocated and Total columns. */
interface MatrixColumns {
  of: ReadonlyMap<string, number>;
  unmapped: number;
  notAllocated: number;
  total: number;
}

/**
 * One budget line's base-year amounts split across the matrix columns, into one reused buffer (`cells`), with
 * the columns it put something in (`touched[0..count)`): a line reaches a few of a department's dozens of
 * columns, so only those are cleared for the next line and added to the totals. Each part's column is found
 * once, by its number in the sets' layout.
 */
class MatrixLines {
  readonly cells: Float64Array;
  readonly touched: Int32Array;
  count = 0;
  private readonly marked: Uint8Array;
  private readonly splitter = new Splitter();
  /** By part number in the sets' layout (see `SetLayout`): the part's column, or -1 until first needed. */
  private readonly partColumns: Int32Array;

  constructor(
    private readonly c: Computation,
    private readonly base: number,
    private readonly at: MatrixColumns,
    width: number,
  ) {
    this.cells = new Float64Array(width);
    this.touched = new Int32Array(width);
    this.marked = new Uint8Array(width);
    const sets = c.crosswalk.sets;
    this.partColumns = new Int32Array(sets[0]?.layout?.start[sets.length] ?? 0).fill(-1);
  }

  /** Splits the line's base-year amounts into `cells`; false when it has none. */
  read(line: number): boolean {
    const b = this.c.model.budgetColumns;
    for (let k = 0; k < this.count; k++) {
      const i = this.touched[k] as number;
      this.cells[i] = 0;
      this.marked[i] = 0;
    }
    this.count = 0;
    let any = false;
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
      if (b.amountSeries[a] !== this.base) continue;
      any = true;
      const value = b.amountValue[a] as number;
      const set = setOf(this.c.crosswalk, b, line, a);
      const count = this.splitter.split(set, value);
      for (let i = 0; i < count; i++) {
        const to = set ? this.partColumn(set, i) : this.columnOf(destinationOf(this.c.crosswalk, line));
        this.put(to, this.splitter.parts[i] as number);
      }
      this.put(this.at.total, value);
    }
    return any;
  }

  private put(column: number, amount: number): void {
    if (this.marked[column] === 0) {
      this.marked[column] = 1;
      this.touched[this.count++] = column;
    }
    this.cells[column] = addExactly(this.cells[column] as number, amount);
  }

  private partColumn(set: RuleSet, i: number): number {
    const part = ((set.layout as SetLayout).start[set.position] as number) + i;
    let column = this.partColumns[part] as number;
    if (column < 0) {
      column = this.columnOf(set.targets[i] as Target);
      this.partColumns[part] = column;
    }
    return column;
  }

  private columnOf(t: Target): number {
    if (t.kind === 'unmapped') return this.at.unmapped;
    if (t.kind === 'receipts' || t.kind === 'eliminated') return this.at.notAllocated;
    return this.at.of.get(t.key) as number;
  }
}

/** Positions of the sets that split some amount. */
function setsInUse(c: CrosswalkResult): Set<number> {
  const inUse = new Set<number>();
  for (const p of c.lineSet) if (p >= 0) inUse.add(p);
  for (const positions of c.recast.values()) for (const p of positions) if (p >= 0) inUse.add(p);
  return inUse;
}
