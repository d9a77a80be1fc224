import type { AmountType, BudgetColumns, OutputCell, OutputTable, Series } from '../../../models';
import { AMOUNT_TYPES, RECEIPT, text } from '../budget';
import { OUTPUT_TABLES } from '../../../models';
import type { Computation } from '../compute';
import { setOf, Splitter } from '../crosswalk';
import type { Target } from '../ledger';
import { NOTES } from '../messages';
import { addExact } from '../money';
import { shownAmount, TableBuilder, unitsPhrase } from './shape';

/**
 * The program inventory of 31 U.S.C. 1122(a): for each program, the amounts appropriated, obligated and
 * outlayed in the current year and the two years before it, as the Budget holds them, and the goals and
 * objectives it serves (from the Crosswalk). A program is each row group of the optional Programs table, else
 * each account and program activity. Receipts are not a program's spending and are left out.
 */

/** What each inventory column reads, in the order a budget officer would take it when several are present. */
const MEASURES: readonly { column: string; types: readonly AmountType[] }[] = [
  { column: 'Appropriated', types: ['Budget Authority', 'Gross Budget Authority'] },
  { column: 'Obligated', types: ['Obligations'] },
  { column: 'Outlayed', types: ['Outlays', 'Gross Outlays'] },
];

interface Program {
  name: string;
  accounts: Set<string>;
  lines: number[];
}

/**
 * Numbers for texts compared as the Programs table compares them (trimmed, in any case), so a program's key is
 * one number made from its account's and program activity's: each distinct Budget text is trimmed and
 * upper-cased once, not once per budget line, and no key text is built per line.
 */
class ProgramKeys {
  private readonly byText = new Map<string, number>();
  private readonly byString: Int32Array;
  /** More than the distinct texts there can be: every Budget string and both texts of every Programs row. */
  private readonly bound: number;

  constructor(
    private readonly b: BudgetColumns,
    programRows: number,
  ) {
    this.byString = new Int32Array(b.strings.length).fill(-1);
    this.bound = b.strings.length + 2 * programRows + 1;
  }

  of(text: string): number {
    const normal = text.trim().toUpperCase();
    let n = this.byText.get(normal);
    if (n === undefined) {
      n = this.byText.size;
      this.byText.set(normal, n);
    }
    return n;
  }

  /** The key of an account and program activity, given as numbers from `of` or `ofLine`. */
  pair(account: number, programActivity: number): number {
    return account * this.bound + programActivity;
  }

  /** A Budget line's column (account, program activity), by the number of its interned string. */
  ofLine(column: Int32Array, line: number): number {
    const id = column[line] as number;
    let n = this.byString[id] as number;
    if (n < 0) {
      n = this.of(this.b.strings[id] as string);
      this.byString[id] = n;
    }
    return n;
  }
}

function programsOf(c: Computation): Program[] {
  const { model } = c;
  const programs = new Map<string | number, Program>();
  const b = model.budgetColumns;
  /** A program named for its account and program activity (no Programs table): from the line's own texts. */
  const nameOf = (line: number) => {
    const account = text(b, b.account, line);
    const pa = text(b, b.programActivity, line);
    const name = text(b, b.programActivityTitle, line) || pa || text(b, b.accountTitle, line) || account;
    return pa ? `${name} (${account})` : name;
  };
  const keys = new ProgramKeys(b, model.programs.length);
  /**
   * Adds the line to the program `id`, made when first met and named `name`, or by `nameOf(line)` when none is
   * given (a name made from the line's texts only for a program's first line, and no function made per line).
   */
  const add = (id: string | number, name: string | null, nameOf: (line: number) => string, line: number) => {
    let p = programs.get(id);
    if (!p) {
      p = { name: name ?? nameOf(line), accounts: new Set(), lines: [] };
      programs.set(id, p);
    }
    p.accounts.add(text(b, b.account, line));
    p.lines.push(line);
  };
  if (model.programs.length > 0) {
    const byLine = new Map<number, string[]>();
    for (const part of model.programs) {
      const k = keys.pair(keys.of(part.account), keys.of(part.programActivity));
      byLine.set(k, [...(byLine.get(k) ?? []), part.program]);
    }
    const noActivity = keys.of('');
    for (let line = 0; line < b.size; line++) {
      if (b.lineType[line] === RECEIPT) continue;
      const account = keys.ofLine(b.account, line);
      const named =
        byLine.get(keys.pair(account, keys.ofLine(b.programActivity, line))) ??
        byLine.get(keys.pair(account, noActivity));
      for (const name of named ?? []) add(name.trim().toUpperCase(), name, nameOf, line);
    }
  } else {
    for (let line = 0; line < b.size; line++) {
      if (b.lineType[line] === RECEIPT) continue;
      const id = keys.pair(keys.ofLine(b.account, line), keys.ofLine(b.programActivity, line));
      add(id, null, nameOf, line);
    }
  }
  return [...programs.values()];
}

/** CY and the two fiscal years before it, each with the series that stands for it. */
function inventoryYears(c: Computation): { year: number; series: Series | null }[] {
  const cy = c.plan.cy?.year ?? (c.plan.by ? c.plan.by.year - 1 : null);
  if (cy === null) return [];
  return [cy - 2, cy - 1, cy].map((year) => ({ year, series: c.plan.ofYear(year) }));
}

export function programInventory(c: Computation): OutputTable {
  const { model } = c;
  const years = inventoryYears(c);
  const typeOf = MEASURES.map((m) => m.types.find((t) => c.amountTypes.includes(t)) ?? null);
  // Only the amounts the Budget holds get a column: one it holds nothing for (GSA's Budget has no obligations,
  // or no column for a year) would be empty on every row. The title says what is missing instead, once.
  const held = (y: number, m: number) => years[y]?.series != null && typeOf[m] !== null;
  const columns = [
    ...TableBuilder.columns(OUTPUT_TABLES.ProgramInventory),
    ...years.flatMap(({ series }, y) =>
      MEASURES.filter((_, m) => held(y, m)).map((m) => ({
        name: `${m.column} ${series?.label ?? ''}`,
        format: 'money' as const,
      })),
    ),
    ...TableBuilder.columns(OUTPUT_TABLES.ProgramInventoryTail),
  ];
  const missing = MEASURES.filter((_, i) => typeOf[i] === null).map((m) => m.column.toLowerCase());
  const absentYears = years.filter((y) => y.series === null).map((y) => `FY${y.year}`);
  // What the whole table lacks is said once, in its title, not on every program's row.
  const lacks = [
    ...(missing.length > 0 ? [NOTES.inventoryNoAmounts(missing)] : []),
    ...(absentYears.length > 0 ? [NOTES.inventoryNoColumn(absentYears)] : []),
  ];
  const t = new TableBuilder(
    'ProgramInventory',
    `Program inventory (31 U.S.C. 1122(a)): amounts appropriated (${typeOf[0] ?? 'none'}), obligated and outlayed (${typeOf[2] ?? 'none'}), and the goals each program serves (${unitsPhrase(model.settings.units)})${lacks.length > 0 ? `. ${lacks.join(' ')}` : ''}`,
    columns,
  );
  const b = model.budgetColumns;
  const goalOf = new Map(model.objectives.map((o) => [o.id, o.goalId]));
  const servedByPool = poolReach(c);
  const reach = new ProgramReach(c, goalOf, servedByPool);
  // A series stands for one fiscal year, and each amount type for at most one measure: where an amount adds.
  // Both by number (-1: none), read for every amount of every program.
  const yearOfSeries = new Int32Array(model.series.length).fill(-1);
  years.forEach(({ series }, y) => {
    if (series) yearOfSeries[series.index] = y;
  });
  const measureOfType = AMOUNT_TYPES.map((type) => typeOf.indexOf(type));
  // Each program's sums by year and measure (`y * MEASURES.length + m`), in one buffer cleared per program.
  const width = MEASURES.length;
  const sums = new Float64Array(years.length * width);

  for (const program of programsOf(c)) {
    sums.fill(0);
    reach.clear();
    for (const line of program.lines) {
      const m = measureOfType[b.amountType[line] as number] as number;
      for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
        const value = b.amountValue[a] as number;
        reach.addAmount(line, a, value);
        const y = m < 0 ? -1 : (yearOfSeries[b.amountSeries[a] as number] as number);
        if (y < 0) continue;
        sums[y * width + m] = addExact(sums[y * width + m] as number, value);
      }
    }
    const { goals, objectives } = reach;
    const cells: OutputCell[] = [];
    for (let y = 0; y < years.length; y++)
      for (let m = 0; m < width; m++) {
        const type = typeOf[m];
        const v = sums[y * width + m] as number;
        // A sum past the exact range (NaN) is left blank; the Budget's totals report it.
        if (type && held(y, m))
          cells.push(Number.isNaN(v) ? null : shownAmount(v, type, model.moneyDecimals));
      }
    const notes: string[] = [];
    if (objectives.size === 0 && goals.size === 0) notes.push(NOTES.inventoryUnmapped());
    t.add([
      program.name,
      [...program.accounts].join(', '),
      ...cells,
      [...goals].join(', '),
      [...objectives].join(', '),
      notes.join(' '),
    ]);
  }
  return t.build();
}

/**
 * The goals and objectives one program's money reaches through the Crosswalk: a target counts when some amount
 * of the program's lines gives it a part that is not zero. Only sets can name an objective, goal or pool (a
 * line with no set goes to Unmapped, receipts or eliminations, which serve no goal), so only they are split;
 * and once an amount has reached every target of a set, the program's later amounts split by it add nothing.
 */
class ProgramReach {
  readonly objectives = new Set<string>();
  readonly goals = new Set<string>();
  private readonly splitter = new Splitter();
  /** By set position: the program (a count of `clear`s) for which the set has reached all its targets. */
  private readonly reachedAllFor: Int32Array;
  private program = 0;

  constructor(
    private readonly c: Computation,
    private readonly goalOf: ReadonlyMap<string, string>,
    private readonly servedByPool: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    this.reachedAllFor = new Int32Array(c.crosswalk.sets.length).fill(-1);
  }

  clear(): void {
    this.objectives.clear();
    this.goals.clear();
    this.program++;
  }

  addAmount(line: number, amount: number, value: number): void {
    const set = setOf(this.c.crosswalk, this.c.model.budgetColumns, line, amount);
    if (!set || this.reachedAllFor[set.position as number] === this.program) return;
    const count = this.splitter.split(set, value);
    let all = true;
    for (let k = 0; k < count; k++)
      if (this.splitter.parts[k] !== 0) this.serve(set.targets[k] as Target);
      else all = false;
    if (all) this.reachedAllFor[set.position as number] = this.program;
  }

  private serve(target: Target): void {
    if (target.kind === 'objective') this.addObjective(target.id);
    else if (target.kind === 'goal') this.goals.add(target.id);
    else if (target.kind === 'pool')
      // Support costs serve the objectives the pool reaches, directly or through later pools.
      for (const id of this.servedByPool.get(target.id) ?? []) this.addObjective(id);
  }

  private addObjective(id: string): void {
    this.objectives.add(id);
    const goal = this.goalOf.get(id);
    if (goal) this.goals.add(goal);
  }
}

/** The objectives each cost pool's money reaches in the baseline, through any later pools. */
function poolReach(c: Computation): Map<string, Set<string>> {
  const direct = new Map<string, Set<string>>();
  const next = new Map<string, Set<string>>();
  for (const f of c.support.flows) {
    if (f.amount === 0) continue;
    const into = f.to.startsWith('O:') ? direct : next;
    const set = into.get(f.pool) ?? new Set<string>();
    set.add(f.to.slice(2));
    into.set(f.pool, set);
  }
  const reach = new Map<string, Set<string>>();
  const visit = (pool: string, seen: Set<string>): Set<string> => {
    const known = reach.get(pool);
    if (known) return known;
    const out = new Set(direct.get(pool) ?? []);
    seen.add(pool);
    for (const later of next.get(pool) ?? [])
      if (!seen.has(later)) for (const id of visit(later, seen)) out.add(id);
    reach.set(pool, out);
    return out;
  };
  for (const pool of new Set([...direct.keys(), ...next.keys()])) visit(pool, new Set());
  return reach;
}
