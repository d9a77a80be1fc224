import type { AmountType, BudgetLine, Issue, Scenario } from '../../../models';
import { SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import { allocateCrosswalk } from '../crosswalk';
import { targetKey } from '../ledger';
import { issueAt, MESSAGES } from '../messages';
import { assertSafe, splitLargestRemainder } from '../money';
import { allocateSupport } from '../pools';
import { TieOutError } from '../tables/resourcesByGoal';

/**
 * A scenario's funding, computed the same way as the baseline: changed budget lines go through the same
 * crosswalk, and changed objective funding through the same support-cost allocation, so the scenario's full cost
 * over all targets equals its changed budget exactly. Changes are in the Cost Basis, in the scenario's year;
 * several rows in one scenario add up (each is measured against the baseline, not compounded).
 */

export interface Deltas {
  /** Budget line index → change to its amount in the scenario year. */
  lines: Map<number, number>;
  /** Target key (`O:1.1`, `G:G1`) → change to its direct amount. */
  targets: Map<string, number>;
}

/** percent of a whole, exact, rounded half away from zero. */
export function percentOf(whole: number, ppb: number): number {
  const product = BigInt(whole) * BigInt(ppb);
  const scale = BigInt(SHARE_SCALE);
  const q = product / scale;
  const r = product % scale;
  const twice = (r < 0n ? -r : r) * 2n;
  return Number(twice >= scale ? q + (product < 0n ? -1n : 1n) : q);
}

const norm = (s: string) => s.trim().toUpperCase();

function seriesAmount(line: BudgetLine, series: number): number {
  return line.amounts.reduce((s, a) => (a.series === series ? s + a.value : s), 0);
}

/** The series that stands for a scenario's fiscal year (-1, holding nothing, when the Budget has none). */
export const seriesOfYear = (c: Computation, year: number): number => c.plan.ofYear(year)?.index ?? -1;

/** Spreads an amount over parts in proportion to their size (equally when they are all zero). */
function spread(amount: number, sizes: number[]): number[] {
  const weights = sizes.map((s) => Math.abs(s));
  return splitLargestRemainder(amount, weights.some((w) => w > 0) ? weights : weights.map(() => 1));
}

export function deltasFromRows(
  c: Computation,
  rows: readonly Scenario[],
  basis: AmountType,
  year: number,
  issues: Issue[],
): Deltas {
  const deltas: Deltas = { lines: new Map(), targets: new Map() };
  const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, assertSafe((m.get(k) ?? 0) + v));
  const series = seriesOfYear(c, year);
  // Receipts and intra-agency amounts never change in a scenario: only spending lines do.
  const lines = c.model.budget.filter(
    (l) => l.amountType === basis && l.lineType === 'Spending' && l.amounts.some((a) => a.series === series),
  );
  for (const row of rows) {
    const key = norm(row.key);
    let matched: BudgetLine[] | null = null;
    let targets: string[] | null = null;
    switch (row.scope) {
      case 'All':
        matched = lines;
        break;
      case 'Account':
        matched = lines.filter((l) => norm(l.account) === key);
        break;
      case 'Program Activity':
        matched = lines.filter(
          (l) => norm(l.programActivity) === key || norm(l.programActivityTitle) === key,
        );
        break;
      case 'Objective':
        targets = c.known.objectives.has(row.key) ? [targetKey('objective', row.key)] : [];
        break;
      case 'Goal':
        targets = c.known.goals.has(row.key)
          ? [
              ...c.model.objectives
                .filter((o) => o.goalId === row.key)
                .map((o) => targetKey('objective', o.id)),
              targetKey('goal', row.key),
            ]
          : [];
        break;
      case 'Best Allocation':
        continue;
    }
    if ((matched && matched.length === 0) || (targets && targets.length === 0)) {
      issues.push(issueAt(MESSAGES.scenarioKeyUnknown(row.scope, row.key, basis, year), row.loc));
      continue;
    }
    if (matched) {
      const sizes = matched.map((l) => seriesAmount(l, series));
      const changes =
        row.change.kind === 'percent'
          ? sizes.map((s) => percentOf(s, row.change.kind === 'percent' ? row.change.ppb : 0))
          : spread(row.change.minor, sizes);
      matched.forEach((l, i) => add(deltas.lines, l.index, changes[i] as number));
    } else if (targets) {
      const sizes = targets.map((k) => c.crosswalk.direct.get(basis, series, k));
      const changes =
        row.change.kind === 'percent'
          ? sizes.map((s) => percentOf(s, row.change.kind === 'percent' ? row.change.ppb : 0))
          : spread(row.change.minor, sizes);
      targets.forEach((k, i) => add(deltas.targets, k, changes[i] as number));
    }
  }
  return deltas;
}

export interface ScenarioFunding {
  /** Full cost (direct + support) by target key in the Cost Basis and year. */
  full: (key: string) => number;
  /** Changed budget total in the Cost Basis and year. */
  budgetTotal: number;
  change: number;
}

export function fundScenario(
  c: Computation,
  deltas: Deltas,
  basis: AmountType,
  year: number,
): ScenarioFunding {
  const series = seriesOfYear(c, year);
  const budget = c.model.budget.map((line) => {
    const d = deltas.lines.get(line.index);
    if (!d) return line;
    const at = line.amounts.findIndex((a) => a.series === series);
    const amounts = line.amounts.map((a, i) => (i === at ? { ...a, value: assertSafe(a.value + d) } : a));
    return { ...line, amounts };
  });
  // Only the scenario's year and basis matter; the rest of the budget is left out of the recomputation.
  const scoped = budget
    .filter((l) => l.amountType === basis || l.amountType === 'FTE')
    .map((l) => ({ ...l, amounts: l.amounts.filter((a) => a.series === series) }));
  const model = { ...c.model, budget: scoped };
  const crosswalk = allocateCrosswalk(model, c.known);
  let change = 0;
  for (const d of deltas.lines.values()) change = assertSafe(change + d);
  for (const [key, d] of deltas.targets) {
    crosswalk.direct.add(basis, series, key, d);
    change = assertSafe(change + d);
  }
  const support = allocateSupport(model, c.known, crosswalk);
  const budgetTotal = assertSafe(c.crosswalk.budget.get(basis, series, 'total') + change);
  const got = support.full.total(basis, series);
  if (got !== budgetTotal) throw new TieOutError(`${basis} (scenario)`, `FY${year}`, got, budgetTotal);
  return { full: (key) => support.full.get(basis, series, key), budgetTotal, change };
}
