import type { AmountType, OutputCell, OutputTable } from '../../../models';
import { OUTPUT_TABLES } from '../../../models';
import type { Computation } from '../compute';
import { ELIMINATED, RECEIPTS, targetKey, UNMAPPED } from '../ledger';
import { addExact } from '../money';
import { isLeftOut } from '../crosswalkQueries';
import { rowFormatFor, shownAmount, TableBuilder, unitsPhrase } from './shape';

export class TieOutError extends Error {
  constructor(type: string, series: string, got: number, want: number) {
    super(`ResourcesByGoal does not tie out for ${type} ${series}: ${got} vs budget ${want}`);
    this.name = 'TieOutError';
  }
}

/**
 * Resources by strategic goal: cost (direct + support) by goal and objective, with goal-level money, any pool
 * that could not be allocated, Unmapped, offsetting receipts and intra-agency eliminations on rows of their own,
 * and a Total that equals the Budget total for each amount type and series. That equality is checked here on
 * every run; a mismatch is a bug and fails loudly. One column per series under its own label, then the change
 * from the current year (CY) to the budget year (BY), and each row's share of the BY total.
 */
export function resourcesByGoal(c: Computation): OutputTable {
  const { model, series, support, plan } = c;
  // Goal leaders belong on the exhibit (GPRA names one per goal), but an always-empty column does not.
  const hasLeaders = model.goals.some((g) => g.leader) || model.objectives.some((o) => o.leader);
  const columns = [
    ...TableBuilder.columns(OUTPUT_TABLES.ResourcesByGoal),
    ...(hasLeaders ? [{ name: 'Leader', format: 'text' as const }] : []),
    ...series.map((s) => ({ name: s.label, format: 'money' as const })),
    ...TableBuilder.columns(OUTPUT_TABLES.ResourcesByGoalTail),
  ];
  const agency = model.settings.agency ? `${model.settings.agency}: ` : '';
  const hasFte = c.amountTypes.includes('FTE');
  const t = new TableBuilder(
    'ResourcesByGoal',
    `${agency}${c.cost.basis === 'Expenses' ? 'Full Cost' : 'Resources'} by Strategic Goal (${unitsPhrase(model.settings.units)}${hasFte ? '; FTE rows in full-time equivalents' : ''}; cost basis ${c.cost.basis ?? 'none'}, support costs allocated)`,
    columns,
  );
  const by = plan.by?.index ?? null;
  const cy = plan.cy?.index ?? null;

  for (const type of c.amountTypes) {
    // Amounts left out for a total past the exact range are NaN here, so their cells are blank, never 0.
    const amount = (key: string, s: number) =>
      isLeftOut(c.crosswalk, type, s) ? NaN : support.full.get(type, s, key);
    const sumKeys = (keys: readonly string[], s: number) => {
      let sum = 0;
      for (const k of keys) sum = addExact(sum, amount(k, s));
      return sum;
    };
    const total = (s: number) =>
      isLeftOut(c.crosswalk, type, s) ? NaN : c.crosswalk.budget.get(type, s, 'total');
    // A sum past the exact range (NaN) is left blank, as is anything made from it.
    const shown = (v: number) => (Number.isNaN(v) ? null : shownAmount(v, type, model.moneyDecimals));
    const tailOf = (keys: readonly string[]): OutputCell[] => {
      const atBy = by === null ? null : sumKeys(keys, by);
      const atCy = cy === null ? null : sumKeys(keys, cy);
      const change = atBy !== null && atCy !== null ? addExact(atBy, -atCy) : null;
      const whole = by === null ? 0 : total(by);
      return [
        change === null ? null : shown(change),
        change === null || Number.isNaN(change) || atCy === null || atCy === 0
          ? null
          : change / Math.abs(atCy),
        atBy === null || Number.isNaN(atBy) || whole === 0 ? null : atBy / whole,
      ];
    };
    const row = (
      level: string,
      goalId: string,
      objectiveId: string,
      name: string,
      keys: readonly string[],
      leader = '',
    ) => [
      level,
      goalId,
      objectiveId,
      name,
      type,
      ...(hasLeaders ? [leader] : []),
      ...series.map((s) => shown(sumKeys(keys, s.index))),
      ...tailOf(keys),
    ];
    const nonZero = (keys: readonly string[]) =>
      series.some((s) => !isLeftOut(c.crosswalk, type, s.index) && sumKeys(keys, s.index) !== 0);
    const format = rowFormatFor(type);
    const listed: string[] = [];

    for (const goal of model.goals) {
      const objectives = model.objectives.filter((o) => o.goalId === goal.id && c.known.objectives.has(o.id));
      const objectiveKeys = objectives.map((o) => targetKey('objective', o.id));
      const goalLevel = targetKey('goal', goal.id);
      const keys = [...objectiveKeys, goalLevel];
      for (const k of keys) listed.push(k);
      t.add(row('Goal', goal.id, '', goal.name, keys, goal.leader), 'subtotal', format);
      objectives.forEach((o, i) =>
        t.add(
          row('Objective', goal.id, o.id, o.name, [objectiveKeys[i] as string], o.leader || goal.leader),
          'detail',
          format,
        ),
      );
      if (nonZero([goalLevel]))
        t.add(
          row('Goal-level', goal.id, '', `${goal.name} (mapped to the goal, not an objective)`, [goalLevel]),
          'detail',
          format,
        );
    }
    const orphans = model.objectives.filter((o) => !c.known.goals.has(o.goalId));
    for (const o of orphans) {
      const key = targetKey('objective', o.id);
      listed.push(key);
      t.add(
        row('Objective', o.goalId, o.id, `${o.name} (goal ${o.goalId || 'not given'} is not in Goals)`, [
          key,
        ]),
        'detail',
        format,
      );
    }
    for (const pool of model.pools) {
      const key = targetKey('pool', pool.name);
      listed.push(key);
      if (nonZero([key]))
        t.add(
          row('Cost Pool', '', '', `${pool.name} (support costs not allocated)`, [key]),
          'detail',
          format,
        );
    }
    listed.push(UNMAPPED.key);
    // Unmapped always shows when anything is unmapped; a row of zeros is noise on an exhibit.
    if (nonZero([UNMAPPED.key]))
      t.add(row('Unmapped', '', '', 'Not mapped to any goal', [UNMAPPED.key]), 'detail', format);
    for (const [target, name] of [
      [RECEIPTS, 'Offsetting receipts, not allocated'],
      [ELIMINATED, 'Intra-agency, eliminated'],
    ] as const) {
      listed.push(target.key);
      if (nonZero([target.key]))
        t.add(
          row(target.kind === 'receipts' ? 'Receipts' : 'Eliminations', '', '', name, [target.key]),
          'detail',
          format,
        );
    }
    t.add(row('Total', '', '', `Total ${type}`, listed), 'total', format);
    for (const s of series)
      if (!isLeftOut(c.crosswalk, type, s.index))
        tieOut(type, s.label, sumKeys(listed, s.index), total(s.index));
  }
  return t.build();
}

function tieOut(type: AmountType, series: string, got: number, want: number): void {
  if (got !== want) throw new TieOutError(type, series, got, want);
}
