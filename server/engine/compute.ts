import type { AmountType, Issue, Series, WorkbookModel } from '../../models';
import { AmountType as AmountTypes } from '../../models';
import { chooseCostBasis, type CostResult, costPerOutcome } from './cost';
import { allocateCrosswalk, type CrosswalkResult, type KnownTargets, knownTargets } from './crosswalk';
import { allocateSupport, type SupportResult } from './pools';
import { RULES, runRules, usableRecords } from './rules';
import { planSeries, type SeriesPlan } from './series';
import { AMOUNT_TYPES, replaceBudget, withoutAmounts } from './budget';
import { targetName } from './ledger';
import { issueAt, MESSAGES, WHO } from './messages';
import { withFields } from '../objects';

/** Everything computed from one workbook, before it is shaped into output tables. */
export interface Computation {
  model: WorkbookModel;
  known: KnownTargets;
  crosswalk: CrosswalkResult;
  support: SupportResult;
  cost: CostResult;
  /** The series that hold amounts, by year. */
  series: Series[];
  /** The fiscal years those series cover. */
  years: number[];
  /** PY, CY, BY and the base series of scenarios. */
  plan: SeriesPlan;
  amountTypes: AmountType[];
  /** The fiscal year scenarios change, and its series. */
  baseYear: number | null;
  baseSeries: number | null;
  issues: Issue[];
}

/**
 * Crosswalk, then support costs, then cost per outcome, then the validation rules over all of it. `read` is
 * the workbook as read; the Computation's own model keeps only the rows the rules let through (the first of
 * each repeated ID, no row a row rule flags) and lacks any amounts whose totals could not be added exactly.
 */
export function compute(read: WorkbookModel): Computation {
  const issues: Issue[] = [];
  const usable = usableRecords(read);
  const known = knownTargets(usable);
  const { model, crosswalk } = exactCrosswalk(usable, known, issues);
  const slots = crosswalk.budget.slots();
  const held = new Set(slots.map((s) => s.series));
  const series = model.series.filter((s) => held.has(s.index));
  const plan = planSeries(series, model.settings);
  const support = allocateSupport(model, known, crosswalk);
  const basis = chooseCostBasis(model, issues);
  const cost = costPerOutcome(model, crosswalk, support, basis, plan);
  const years = [...new Set(series.map((s) => s.year))];
  const present = new Set(slots.map((s) => s.type));
  const amountTypes = AmountTypes.options.filter((t) => present.has(t));
  const baseSeries = plan.base?.index ?? null;
  const baseYear = plan.base?.year ?? model.settings.baseYear ?? null;
  for (const list of [runRules(RULES, { read, model, known, crosswalk }), support.issues, cost.issues])
    for (const issue of list) issues.push(issue);
  return {
    model,
    known,
    crosswalk,
    support,
    cost,
    series,
    years,
    plan,
    amountTypes,
    baseYear,
    baseSeries,
    issues,
  };
}

/**
 * The crosswalk with every total exact: an amount type and series whose total (of the Budget, or of one target)
 * passes the exact range is reported, naming the total, and left out of the Budget, and the crosswalk is made
 * again without it; every other figure is computed as usual. Leaving out one series cannot make another overflow.
 */
function exactCrosswalk(
  model: WorkbookModel,
  known: KnownTargets,
  issues: Issue[],
): { model: WorkbookModel; crosswalk: CrosswalkResult } {
  const crosswalk = allocateCrosswalk(model, known);
  if (crosswalk.overflows.length === 0) return { model, crosswalk };
  const b = model.budgetColumns;
  const dropped = new Set<string>();
  for (const o of crosswalk.overflows) {
    const slot = `${AMOUNT_TYPES.indexOf(o.type)} ${o.series}`;
    if (dropped.has(slot)) continue;
    dropped.add(slot);
    const series = model.series[o.series]?.label ?? '';
    const total = o.key === 'total' ? WHO.wholeBudget() : targetName(o.key);
    issues.push(issueAt(MESSAGES.totalsOutOfRange(series, o.type, total), { sheet: b.sheet, cell: '' }));
  }
  const exact = replaceBudget(
    model,
    withoutAmounts(b, (type, series) => dropped.has(`${type} ${series}`)),
  );
  return {
    model: exact,
    crosswalk: withFields(allocateCrosswalk(exact, known), { overflows: crosswalk.overflows }),
  };
}
