import type { OutputCell, OutputTable, Series } from '../../../models';
import { issueLocation, OUTPUT_TABLES, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import { partsOf, setOf, targetsOf } from '../crosswalk';
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
  for (const allocation of c.crosswalk.lines) {
    const { line } = allocation;
    const rows = new Map<string, { cells: OutputCell[]; rule: string; sums: number[] }>();
    line.amounts.forEach((amount, a) => {
      const set = setOf(allocation, a);
      const targets = targetsOf(allocation, a);
      partsOf(allocation, a).forEach((value, i) => {
        if (value === 0) return;
        const target = targets[i] as Target;
        const rule = set ? loc(set.ruleLocs[i] ?? null) : '';
        const key = `${target.key}\u0000${rule}`;
        let row = rows.get(key);
        if (!row) {
          row = {
            cells: [
              line.account,
              line.accountTitle,
              line.programActivity,
              line.objectClass,
              line.category,
              line.fundingType ?? '',
              line.amountType,
              target.kind === 'goal'
                ? target.id
                : target.kind === 'objective'
                  ? (goalOf.get(target.id) ?? '')
                  : '',
              target.kind === 'objective' ? target.id : '',
              target.kind === 'pool' ? target.id : '',
              mappedTo(target),
              set ? (set.shares[i] as number) / SHARE_SCALE : 1,
            ],
            rule,
            sums: new Array<number>(series.length).fill(0),
          };
          rows.set(key, row);
        }
        const at = column.get(amount.series) as number;
        row.sums[at] = assertSafe((row.sums[at] as number) + value);
      });
    });
    const format = rowFormatFor(line.amountType);
    for (const { cells, rule, sums } of rows.values()) {
      t.add(
        [
          ...cells,
          ...sums.map((v) => (v === 0 ? null : shownAmount(v, line.amountType, model.moneyDecimals))),
          rule,
          loc(line.loc),
        ],
        'detail',
        format,
      );
    }
  }
  return t.build();
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
  const used = new Set<string>();
  let notAllocated = false;
  for (const l of c.crosswalk.lines) {
    if (l.to.kind === 'receipts' || l.to.kind === 'eliminated') notAllocated = true;
    const sets = l.byAmount ? l.byAmount.map((b) => b.set) : [l.set];
    for (const set of sets) if (set) for (const t of set.targets) used.add(t.key);
  }
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
    for (const allocation of c.crosswalk.lines) {
      const { line } = allocation;
      if (line.amountType !== type || base === null) continue;
      const cells = new Array<number>(width).fill(0);
      let any = false;
      line.amounts.forEach((amount, a) => {
        if (amount.series !== base.index) return;
        any = true;
        const split = partsOf(allocation, a);
        targetsOf(allocation, a).forEach((t, i) => {
          const at = columnOf(t);
          cells[at] = assertSafe((cells[at] as number) + (split[i] as number));
        });
        cells[totalAt] = assertSafe((cells[totalAt] as number) + amount.value);
      });
      if (!any) continue;
      cells.forEach((v, i) => (totals[i] = assertSafe((totals[i] as number) + v)));
      table.add(
        [
          line.account,
          line.programActivity,
          line.accountTitle,
          line.programActivityTitle,
          line.objectClass,
          line.category,
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
