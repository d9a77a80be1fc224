import type { AmountType, OutputCell, OutputTable, Series } from '../../../models';
import { amountTypeOf, RECEIPT, text } from '../budget';
import { OUTPUT_TABLES } from '../../../models';
import type { Computation } from '../compute';
import { destinationOf, setOf, Splitter } from '../crosswalk';
import type { Target } from '../ledger';
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

const key = (account: string, pa: string) =>
  `${account.trim().toUpperCase()}\u0000${pa.trim().toUpperCase()}`;

function programsOf(c: Computation): Program[] {
  const { model } = c;
  const programs = new Map<string, Program>();
  const b = model.budgetColumns;
  const add = (id: string, name: string, line: number) => {
    let p = programs.get(id);
    if (!p) {
      p = { name, accounts: new Set(), lines: [] };
      programs.set(id, p);
    }
    p.accounts.add(text(b, b.account, line));
    p.lines.push(line);
  };
  if (model.programs.length > 0) {
    const byLine = new Map<string, string[]>();
    for (const part of model.programs) {
      const k = key(part.account, part.programActivity);
      byLine.set(k, [...(byLine.get(k) ?? []), part.program]);
    }
    for (let line = 0; line < b.size; line++) {
      if (b.lineType[line] === RECEIPT) continue;
      const account = text(b, b.account, line);
      const named =
        byLine.get(key(account, text(b, b.programActivity, line))) ?? byLine.get(key(account, ''));
      for (const name of named ?? []) add(name.trim().toUpperCase(), name, line);
    }
  } else {
    for (let line = 0; line < b.size; line++) {
      if (b.lineType[line] === RECEIPT) continue;
      const account = text(b, b.account, line);
      const pa = text(b, b.programActivity, line);
      const name = text(b, b.programActivityTitle, line) || pa || text(b, b.accountTitle, line) || account;
      add(key(account, pa), pa ? `${name} (${account})` : name, line);
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
  // or no column for a year) would be empty on every row. The Note says what is missing instead.
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
  const t = new TableBuilder(
    'ProgramInventory',
    `Program inventory (31 U.S.C. 1122(a)): amounts appropriated (${typeOf[0] ?? 'none'}), obligated and outlayed (${typeOf[2] ?? 'none'}), and the goals each program serves (${unitsPhrase(model.settings.units)})`,
    columns,
  );
  const b = model.budgetColumns;
  const goalOf = new Map(model.objectives.map((o) => [o.id, o.goalId]));
  const servedByPool = poolReach(c);
  const missing = MEASURES.filter((_, i) => typeOf[i] === null).map((m) => m.column.toLowerCase());
  const absentYears = years.filter((y) => y.series === null).map((y) => `FY${y.year}`);
  const splitter = new Splitter();

  for (const program of programsOf(c)) {
    const sums = years.map(() => MEASURES.map(() => 0));
    const objectives = new Set<string>();
    const goals = new Set<string>();
    const serve = (target: Target) => {
      if (target.kind === 'objective') {
        objectives.add(target.id);
        const goal = goalOf.get(target.id);
        if (goal) goals.add(goal);
      } else if (target.kind === 'goal') goals.add(target.id);
      else if (target.kind === 'pool')
        // Support costs serve the objectives the pool reaches, directly or through later pools.
        for (const id of servedByPool.get(target.id) ?? []) {
          objectives.add(id);
          const goal = goalOf.get(id);
          if (goal) goals.add(goal);
        }
    };
    for (const line of program.lines) {
      const type = amountTypeOf(b, line);
      for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
        const value = b.amountValue[a] as number;
        const set = setOf(c.crosswalk, b, line, a);
        const targets = set ? set.targets : [destinationOf(c.crosswalk, line)];
        const count = splitter.split(set, value);
        for (let k = 0; k < count; k++) if (splitter.parts[k] !== 0) serve(targets[k] as Target);
        years.forEach(({ series }, y) => {
          if (!series || b.amountSeries[a] !== series.index) return;
          typeOf.forEach((t, m) => {
            if (t !== type) return;
            const row = sums[y] as number[];
            row[m] = addExact(row[m] as number, value);
          });
        });
      }
    }
    const cells: OutputCell[] = sums.flatMap((row, y) =>
      row.flatMap((v, m) => {
        const type = typeOf[m];
        if (!type || !held(y, m)) return [];
        // A sum past the exact range (NaN) is left blank; the Budget's totals report it.
        return [Number.isNaN(v) ? null : shownAmount(v, type, model.moneyDecimals)];
      }),
    );
    const notes: string[] = [];
    if (missing.length > 0) notes.push(`The Budget holds no amounts ${missing.join(' or ')}.`);
    if (absentYears.length > 0) notes.push(`No Budget column for ${absentYears.join(', ')}.`);
    if (objectives.size === 0 && goals.size === 0) notes.push('No Crosswalk row maps it to a goal.');
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
