import type { AmountType, OutputCell, OutputTable } from '../../../models';
import { OUTPUT_TABLES } from '../../../models';
import type { Computation } from '../compute';
import { targetKey, UNMAPPED } from '../ledger';
import { assertSafe } from '../money';
import { rowFormatFor, shownAmount, TableBuilder, unitsPhrase } from './shape';

export class TieOutError extends Error {
  constructor(type: string, year: number, got: number, want: number) {
    super(`ResourcesByGoal does not tie out for ${type} FY${year}: ${got} vs budget ${want}`);
    this.name = 'TieOutError';
  }
}

/**
 * Resources by strategic goal: full cost (direct + support) by goal and objective, with goal-level money,
 * any pool that could not be allocated, Unmapped, and a Total that equals the Budget total for each amount type
 * and year. That equality is checked here on every run; a mismatch is a bug and fails loudly.
 */
export function resourcesByGoal(c: Computation): OutputTable {
  const { model, years, support } = c;
  const yearCols = years.map((y) => ({ name: `FY${y}`, format: 'money' as const }));
  const columns = [
    ...TableBuilder.columns(OUTPUT_TABLES.ResourcesByGoal),
    ...yearCols,
    ...TableBuilder.columns(OUTPUT_TABLES.ResourcesByGoalTail),
  ];
  const agency = model.settings.agency ? `${model.settings.agency}: ` : '';
  const t = new TableBuilder(
    'ResourcesByGoal',
    `${agency}Resources by Strategic Goal (${unitsPhrase(model.settings.units)}; FTE in FTE), full cost`,
    columns,
  );
  const shareYear = c.baseYear !== null && years.includes(c.baseYear) ? c.baseYear : years[years.length - 1];

  for (const type of c.amountTypes) {
    const amount = (key: string, year: number) => support.full.get(type, year, key);
    const sumKeys = (keys: string[], year: number) =>
      keys.reduce((s, k) => assertSafe(s + amount(k, year)), 0);
    const total = (year: number) => c.crosswalk.budget.get(type, year, 'total');
    const shown = (v: number) => shownAmount(v, type, model.moneyDecimals);
    const share = (keys: string[]): OutputCell => {
      if (shareYear === undefined) return null;
      const whole = total(shareYear);
      return whole === 0 ? null : sumKeys(keys, shareYear) / whole;
    };
    const row = (
      level: string,
      goalId: string,
      objectiveId: string,
      name: string,
      leader: string,
      keys: string[],
    ) => [
      level,
      goalId,
      objectiveId,
      name,
      leader,
      type,
      ...years.map((y) => shown(sumKeys(keys, y))),
      share(keys),
    ];
    const nonZero = (keys: string[]) => years.some((y) => sumKeys(keys, y) !== 0);
    const format = rowFormatFor(type);
    const listed: string[] = [];

    for (const goal of model.goals) {
      const objectives = model.objectives.filter((o) => o.goalId === goal.id && c.known.objectives.has(o.id));
      const objectiveKeys = objectives.map((o) => targetKey('objective', o.id));
      const goalLevel = targetKey('goal', goal.id);
      const keys = [...objectiveKeys, goalLevel];
      listed.push(...keys);
      t.add(row('Goal', goal.id, '', goal.name, goal.leader, keys), 'subtotal', format);
      objectives.forEach((o, i) =>
        t.add(
          row('Objective', goal.id, o.id, o.name, o.leader, [objectiveKeys[i] as string]),
          'detail',
          format,
        ),
      );
      if (nonZero([goalLevel]))
        t.add(
          row('Goal-level', goal.id, '', `${goal.name} (mapped to the goal, not an objective)`, goal.leader, [
            goalLevel,
          ]),
          'detail',
          format,
        );
    }
    const orphans = model.objectives.filter((o) => !c.known.goals.has(o.goalId));
    for (const o of orphans) {
      const key = targetKey('objective', o.id);
      listed.push(key);
      t.add(
        row(
          'Objective',
          o.goalId,
          o.id,
          `${o.name} (goal ${o.goalId || 'not given'} is not in Goals)`,
          o.leader,
          [key],
        ),
        'detail',
        format,
      );
    }
    for (const pool of model.pools) {
      const key = targetKey('pool', pool.name);
      listed.push(key);
      if (nonZero([key]))
        t.add(
          row('Cost Pool', '', '', `${pool.name} (support costs not allocated)`, '', [key]),
          'detail',
          format,
        );
    }
    listed.push(UNMAPPED.key);
    t.add(row('Unmapped', '', '', 'Not mapped to any goal', '', [UNMAPPED.key]), 'detail', format);
    t.add(row('Total', '', '', `Total ${type}`, '', listed), 'total', format);
    for (const y of years) tieOut(type, y, sumKeys(listed, y), total(y));
  }
  return t.build();
}

function tieOut(type: AmountType, year: number, got: number, want: number): void {
  if (got !== want) throw new TieOutError(type, year, got, want);
}
