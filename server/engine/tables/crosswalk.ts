import type { OutputTable } from '../../../models';
import { issueLocation, OUTPUT_TABLES, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import type { Target } from '../ledger';
import { partsOf } from '../crosswalk';
import { targetKey, UNMAPPED } from '../ledger';
import { assertSafe } from '../money';
import { rowFormatFor, shownAmount, TableBuilder, unitsPhrase } from './shape';

const loc = (l: { sheet: string; cell: string } | null) => (l ? issueLocation(l) : '');

function mappedTo(t: Target): string {
  switch (t.kind) {
    case 'objective':
      return `Objective ${t.id}`;
    case 'goal':
      return `Goal ${t.id}`;
    case 'pool':
      return `Cost pool ${t.id}`;
    case 'unmapped':
      return 'Unmapped';
  }
}

/**
 * One row per budget line × fiscal year × target, with the Crosswalk row each amount came from (`Rule`) and
 * the Budget cell it came from (`Source`), so an auditor can trace every goal dollar to an appropriation line.
 */
export function crosswalkDetail(c: Computation): OutputTable {
  const { model } = c;
  const goalOf = new Map(model.objectives.map((o) => [o.id, o.goalId]));
  const t = new TableBuilder(
    'CrosswalkDetail',
    `Crosswalk detail: every budget amount by the objective, goal or cost pool it serves (${unitsPhrase(model.settings.units)})`,
    TableBuilder.columns(OUTPUT_TABLES.CrosswalkDetail),
  );
  for (const allocation of c.crosswalk.lines) {
    const { line, set } = allocation;
    const format = rowFormatFor(line.amountType);
    line.amounts.forEach((amount, a) => {
      const split = partsOf(allocation, a);
      const targets = set ? set.targets : [UNMAPPED];
      split.forEach((value, i) => {
        if (value === 0 || !t.accepting()) return;
        const target = targets[i] as Target;
        t.add(
          [
            line.account,
            line.accountTitle,
            line.programActivity,
            line.objectClass,
            line.category,
            line.amountType,
            amount.year,
            target.kind === 'goal'
              ? target.id
              : target.kind === 'objective'
                ? (goalOf.get(target.id) ?? '')
                : '',
            target.kind === 'objective' ? target.id : '',
            target.kind === 'pool' ? target.id : '',
            mappedTo(target),
            set ? (set.shares[i] as number) / SHARE_SCALE : 1,
            shownAmount(value, line.amountType, model.moneyDecimals),
            set ? loc(set.ruleLocs[i] ?? null) : '',
            loc(amount.loc),
          ],
          'detail',
          format,
        );
      });
    });
  }
  return t.build();
}

/**
 * The base year as a matrix: one row per budget line, one column per objective (then goal-level targets and
 * pools that receive money), Unmapped and Total, with a total row per amount type.
 */
export function crosswalkMatrix(c: Computation): OutputTable {
  const { model, baseYear } = c;
  const targets: Target[] = [];
  const seen = new Set<string>();
  const include = (t: Target) => {
    if (!seen.has(t.key)) targets.push(t);
    seen.add(t.key);
  };
  const used = new Set(c.crosswalk.lines.flatMap((l) => (l.set ? l.set.targets.map((t) => t.key) : [])));
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
  const header = (t: Target) =>
    t.kind === 'objective' ? t.id : t.kind === 'goal' ? `${t.id} (goal level)` : `Pool: ${t.id}`;
  const columns = [
    ...TableBuilder.columns(OUTPUT_TABLES.CrosswalkMatrix),
    ...targets.map((t) => ({ name: header(t), format: 'money' as const })),
    ...TableBuilder.columns(OUTPUT_TABLES.CrosswalkMatrixTail),
  ];
  const title = `Crosswalk matrix, FY${baseYear ?? ''}: each budget line across objectives (${unitsPhrase(model.settings.units)})`;
  const table = new TableBuilder('CrosswalkMatrix', title, columns);
  const column = new Map(targets.map((t, i) => [t.key, i]));

  for (const type of c.amountTypes) {
    const totals = new Array<number>(targets.length + 2).fill(0);
    const shown = (v: number) => shownAmount(v, type, model.moneyDecimals);
    for (const allocation of c.crosswalk.lines) {
      const { line, set } = allocation;
      if (line.amountType !== type) continue;
      const cells = new Array<number>(targets.length + 2).fill(0);
      let any = false;
      line.amounts.forEach((amount, a) => {
        if (amount.year !== baseYear) return;
        any = true;
        const split = partsOf(allocation, a);
        (set ? set.targets : [UNMAPPED]).forEach((t, i) => {
          const at = t.kind === 'unmapped' ? targets.length : (column.get(t.key) as number);
          cells[at] = assertSafe((cells[at] as number) + (split[i] as number));
        });
        cells[targets.length + 1] = assertSafe((cells[targets.length + 1] as number) + amount.value);
      });
      if (!any) continue;
      cells.forEach((v, i) => (totals[i] = assertSafe((totals[i] as number) + v)));
      table.add(
        [
          line.account,
          line.programActivity,
          line.accountTitle,
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
      ['Total', '', `Total ${type}`, '', '', type, ...totals.map(shown)],
      'total',
      rowFormatFor(type),
    );
  }
  return table.build();
}
