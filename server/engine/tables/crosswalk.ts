import type { AmountType, BudgetColumns, OutputCell, OutputTable, Series } from '../../../models';
import { amountTypeOf, fundingTypeOf, lineLoc, text } from '../budget';
import { issueLocation, OUTPUT_TABLES, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import { type CrosswalkResult, destinationOf, partsOf, type RuleSet, setOf } from '../crosswalk';
import type { Target } from '../ledger';
import { targetKey } from '../ledger';
import { assertSafe } from '../money';
import { rowFormatFor, shownAmount, TableBuilder, unitsPhrase } from './shape';

const loc = (l: { sheet: string; cell: string } | null) => (l ? issueLocation(l) : '');

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
 * with that year's Rule.
 */
export function crosswalkDetail(c: Computation): OutputTable {
  const { model, series } = c;
  const goalOf = new Map(model.objectives.map((o) => [o.id, o.goalId]));
  const column = new Map(series.map((s, i) => [s.index, i]));
  const t = new TableBuilder(
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
  for (let line = 0; line < b.size; line++) {
    const rows: DetailRow[] = [];
    for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
      const set = setOf(c.crosswalk, b, line, a);
      const targets = set ? set.targets : [destinationOf(c.crosswalk, line)];
      const parts = partsOf(set, b.amountValue[a] as number);
      const at = column.get(b.amountSeries[a] as number) as number;
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === 0) continue;
        const row = rowFor(rows, targets[i] as Target, set, i, rules, series.length);
        row.sums[at] = assertSafe((row.sums[at] as number) + (parts[i] as number));
      }
    }
    if (rows.length === 0) continue;
    const type = amountTypeOf(b, line);
    const identity = detailIdentity(b, line, type);
    const source = loc(lineLoc(b, line));
    for (const { target, share, rule, sums } of rows) {
      t.add(
        [
          ...identity,
          target.kind === 'goal'
            ? target.id
            : target.kind === 'objective'
              ? (goalOf.get(target.id) ?? '')
              : '',
          target.kind === 'objective' ? target.id : '',
          target.kind === 'pool' ? target.id : '',
          mappedTo(target),
          share,
          ...sums.map((v) => (v === 0 ? null : shownAmount(v, type, model.moneyDecimals))),
          rule,
          source,
        ],
        'detail',
        rowFormatFor(type),
      );
    }
  }
  return t.build();
}

/** One CrosswalkDetail row while its line is read: a target and the Crosswalk row it came from. */
interface DetailRow {
  target: Target;
  share: number;
  rule: string;
  sums: number[];
}

/** The `Sheet!A1` of each set's Crosswalk rows, made once per set. */
class RuleTexts {
  private readonly bySet = new Map<RuleSet, string[]>();

  of(set: RuleSet, i: number): string {
    let texts = this.bySet.get(set);
    if (!texts) {
      texts = set.ruleLocs.map((l) => loc(l));
      this.bySet.set(set, texts);
    }
    return texts[i] as string;
  }
}

/** The line's row for a target and rule, made when first needed (a line has a few). */
function rowFor(
  rows: DetailRow[],
  target: Target,
  set: RuleSet | null,
  i: number,
  rules: RuleTexts,
  seriesCount: number,
): DetailRow {
  const rule = set ? rules.of(set, i) : '';
  for (const row of rows) if (row.target.key === target.key && row.rule === rule) return row;
  const row = {
    target,
    share: set ? (set.shares[i] as number) / SHARE_SCALE : 1,
    rule,
    sums: new Array<number>(seriesCount).fill(0),
  };
  rows.push(row);
  return row;
}

/** The budget line's own columns of a CrosswalkDetail row. */
function detailIdentity(b: BudgetColumns, line: number, type: AmountType): OutputCell[] {
  return [
    text(b, b.account, line),
    text(b, b.accountTitle, line),
    text(b, b.programActivity, line),
    text(b, b.objectClass, line),
    text(b, b.category, line),
    fundingTypeOf(b, line) ?? '',
    type,
  ];
}

/**
 * The base year (the series scenarios change; the budget year unless Settings say otherwise) as a matrix: one row per budget line, one column per objective grouped by goal (headed by
 * ID and name), then goal-level targets and pools that receive money, Unmapped, what is not allocated
 * (receipts and intra-agency amounts, when there are any) and Total, with a total row per amount type. Zero
 * cells are left blank, as a budget exhibit would print them.
 */
export function crosswalkMatrix(c: Computation): OutputTable {
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
  const table = new TableBuilder('CrosswalkMatrix', title, columns);
  const column = new Map(targets.map((t, i) => [t.key, i]));
  const unmappedAt = targets.length;
  const notAllocatedAt = notAllocated ? targets.length + 1 : -1;
  const width = targets.length + tail.length;
  const totalAt = width - 1;
  const columnOf = (t: Target): number =>
    t.kind === 'unmapped'
      ? unmappedAt
      : t.kind === 'receipts' || t.kind === 'eliminated'
        ? notAllocatedAt
        : (column.get(t.key) as number);

  for (const type of c.amountTypes) {
    const totals = new Array<number>(width).fill(0);
    const shown = (v: number) => (v === 0 ? null : shownAmount(v, type, model.moneyDecimals));
    for (let line = 0; line < b.size; line++) {
      if (amountTypeOf(b, line) !== type || base === null) continue;
      const cells = new Array<number>(width).fill(0);
      let any = false;
      for (let a = b.amountStart[line] as number; a < (b.amountStart[line + 1] as number); a++) {
        if (b.amountSeries[a] !== base.index) continue;
        any = true;
        const value = b.amountValue[a] as number;
        const set = setOf(c.crosswalk, b, line, a);
        const targets = set ? set.targets : [destinationOf(c.crosswalk, line)];
        const split = partsOf(set, value);
        targets.forEach((t, i) => {
          const at = columnOf(t);
          cells[at] = assertSafe((cells[at] as number) + (split[i] as number));
        });
        cells[totalAt] = assertSafe((cells[totalAt] as number) + value);
      }
      if (!any) continue;
      cells.forEach((v, i) => (totals[i] = assertSafe((totals[i] as number) + v)));
      table.add(
        [
          text(b, b.account, line),
          text(b, b.programActivity, line),
          text(b, b.accountTitle, line),
          text(b, b.programActivityTitle, line),
          text(b, b.objectClass, line),
          text(b, b.category, line),
          type,
          ...cells.map(shown),
        ],
        'detail',
        rowFormatFor(type),
      );
    }
    table.add(
      ['Total', '', `Total ${type}`, '', '', '', type, ...totals.map(shown)],
      'total',
      rowFormatFor(type),
    );
  }
  return table.build();
}

/** Positions of the sets that split some amount. */
function setsInUse(c: CrosswalkResult): Set<number> {
  const inUse = new Set<number>();
  for (const p of c.lineSet) if (p >= 0) inUse.add(p);
  for (const positions of c.recast.values()) for (const p of positions) if (p >= 0) inUse.add(p);
  return inUse;
}
