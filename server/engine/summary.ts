import type { Issue, Summary } from '../../models';
import type { Computation } from './compute';
import { targetKey } from './ledger';
import { fromMinor } from './money';
import type { ScenarioRun } from './scenarios';
import { judgeStatus } from './status';
import { shownAmount } from './tables/shape';

/** The few numbers a person wants first: totals, goals' full cost, measures met, issues by severity. */
export function summarize(c: Computation, issues: readonly Issue[], run: ScenarioRun | null): Summary {
  const { model, years, cost } = c;
  const money = { units: model.settings.units, decimals: model.moneyDecimals };
  const basis = cost.basis;
  const latest = c.baseYear;
  const judged = cost.rows.filter((r) => r.year === latest);
  return {
    agency: model.settings.agency,
    units: model.settings.units,
    money,
    years,
    baseYear: c.baseYear,
    costBasis: basis,
    allocation: model.settings.allocation,
    budgetLines: model.budget.length,
    unmappedLines: c.crosswalk.lines.filter((l) => l.set === null && l.line.amounts.length > 0).length,
    budgetTotals: c.amountTypes.flatMap((type) =>
      years.map((year) => ({
        amountType: type,
        year,
        amount: shownAmount(c.crosswalk.budget.get(type, year, 'total'), type, model.moneyDecimals),
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
          ? years.map((year) => ({
              year,
              amount: shownAmount(
                keys.reduce((s, k) => s + c.support.full.get(basis, year, k), 0),
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
      notMet: judged.filter((r) => r.status === 'Not Met').length,
      year: latest,
    },
    scenarios: (run?.outcomes ?? []).map((o) => {
      const judged = o.projections.filter((p) => p.modeled?.target);
      return {
        name: o.name,
        year: o.year,
        fundingChange: fromMinor(o.funding.change, model.moneyDecimals),
        judged: judged.length,
        metAtBase: judged.filter(
          (p) =>
            p.modeled?.target &&
            judgeStatus(p.modeled.measure.direction, p.modeled.target, p.modeled.baseValue) === 'Met',
        ).length,
        metInScenario: judged.filter((p) => p.meets === 'Met').length,
      };
    }),
    issues: {
      error: issues.filter((i) => i.severity === 'error').length,
      warning: issues.filter((i) => i.severity === 'warning').length,
      info: issues.filter((i) => i.severity === 'info').length,
    },
  };
}
