import type { Issue, Series, Summary } from '../../../models';
import { latestActualYear } from '../status';
import { amountCount } from '../budget';
import type { Computation } from '../compute';
import { isUnmapped } from '../crosswalkQueries';
import { targetKey } from '../ledger';
import { fromMinor } from '../money';
import type { ScenarioRun } from '../scenarios';
import { isMiss } from '../status';
import { statusByGoal } from '../statusByGoal';
import { basisPhrase, shownAmount } from './shape';
import { unreadAmounts } from '../unreadAmounts';

/**
 * The few numbers a person wants first: totals, goals' full cost, measures met, issues by severity.
 * `ungrouped`: the issues before repeated ones were grouped, one per cell (for the unread Budget amounts).
 */
export function summarize(
  c: Computation,
  issues: readonly Issue[],
  run: ScenarioRun | null,
  ungrouped: readonly Issue[] = issues,
): Summary {
  const { model, years, series, cost, plan } = c;
  const money = { units: model.settings.units, decimals: model.moneyDecimals };
  const basis = cost.basis;
  // Measures are judged in the latest year with reported results: the base year is usually the budget year,
  // whose results are not yet due (every status there would be Pending).
  const latest = latestActualYear(model.results) ?? c.baseYear;
  const judged = cost.rows.filter((r) => r.year === latest);
  const ref = (s: Series | null) => (s ? { label: s.label, year: s.year } : null);
  return {
    agency: model.settings.agency,
    units: model.settings.units,
    money,
    years,
    series: series.map((s) => ({ label: s.label, year: s.year })),
    priorYear: ref(plan.py),
    currentYear: ref(plan.cy),
    budgetYear: ref(plan.by),
    baseYear: c.baseYear,
    baseSeries: plan.base?.label ?? null,
    costBasis: basis,
    costLabel: basisPhrase(basis),
    allocation: model.settings.allocation,
    budgetLines: model.budgetColumns.size,
    unmappedLines: whollyUnmappedLines(c),
    budgetTotals: c.amountTypes.flatMap((type) =>
      series.map((s) => ({
        amountType: type,
        series: s.label,
        year: s.year,
        amount: shownAmount(c.crosswalk.budget.get(type, s.index, 'total'), type, model.moneyDecimals),
      })),
    ),
    goals: model.goals.map((g) => {
      const keys = [
        ...model.objectives.filter((o) => o.goalId === g.id).map((o) => targetKey('objective', o.id)),
        targetKey('goal', g.id),
      ];
      return {
        goalId: g.id,
        name: g.name,
        totals: basis
          ? series.map((s) => ({
              series: s.label,
              year: s.year,
              amount: shownAmount(
                keys.reduce((sum, k) => sum + c.support.full.get(basis, s.index, k), 0),
                basis,
                model.moneyDecimals,
              ),
            }))
          : [],
      };
    }),
    measures: {
      total: model.measures.length,
      met: judged.filter((r) => r.status === 'Met').length,
      // Improved is a target missed that got better: it counts as not met.
      notMet: judged.filter((r) => isMiss(r.status)).length,
      year: latest,
      byGoal: statusByGoal(c, judged),
    },
    scenarios: (run?.outcomes ?? []).map((o) => {
      const judged = o.projections.filter((p) => p.modeled?.target);
      return {
        name: o.name,
        year: o.year,
        fundingChange: fromMinor(o.funding.change, model.moneyDecimals),
        judged: judged.length,
        metAtBase: judged.filter((p) => p.metAtBase).length,
        metInScenario: judged.filter((p) => p.meets === 'Met').length,
      };
    }),
    issues: {
      error: issues.filter((i) => i.severity === 'error').length,
      warning: issues.filter((i) => i.severity === 'warning').length,
      info: issues.filter((i) => i.severity === 'info').length,
    },
    unreadAmounts: unreadAmounts(c, ungrouped),
  };
}

/** Spending lines with amounts that no Crosswalk set splits at all (recast lines aside). */
function whollyUnmappedLines(c: Computation): number {
  const b = c.model.budgetColumns;
  let count = 0;
  for (let line = 0; line < b.size; line++)
    if (isUnmapped(c.crosswalk, line) && !c.crosswalk.recast.has(line) && amountCount(b, line) > 0) count++;
  return count;
}
