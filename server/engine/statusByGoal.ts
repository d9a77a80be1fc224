import type { Status, Summary } from '../../models';
import { Status as Statuses } from '../../models';
import type { Computation } from './compute';
import type { CostRow } from './cost';

/** IDs compared as the engine compares them: trimmed, spaces folded, in capitals. */
const idKey = (id: string): string => id.replace(/\s+/g, ' ').trim().toUpperCase();

/**
 * Measures by status per goal, for the chart of results by goal: each goal of the Goals table (in its order)
 * with how many of its measures' rows for the year are Met, Not Met, Improved, Pending …, in the contract's
 * order of statuses. Goals without measures are kept (an empty bar says so); statuses with none are left out.
 */
export function statusByGoal(c: Computation, rows: readonly CostRow[]): Summary['measures']['byGoal'] {
  const counts = new Map<string, Map<Status, number>>();
  for (const row of rows) {
    const key = idKey(row.goalId);
    let goal = counts.get(key);
    if (!goal) counts.set(key, (goal = new Map()));
    goal.set(row.status, (goal.get(row.status) ?? 0) + 1);
  }
  return c.model.goals.map((g) => {
    const goal = counts.get(idKey(g.id));
    return {
      goalId: g.id,
      counts: Statuses.options.flatMap((status) => {
        const count = goal?.get(status) ?? 0;
        return count > 0 ? [{ status, count }] : [];
      }),
    };
  });
}
