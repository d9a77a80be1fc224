import type { AmountType, Issue, Series, WorkbookModel } from '../../models';
import { AmountType as AmountTypes } from '../../models';
import { chooseCostBasis, type CostResult, costPerOutcome } from './cost';
import { allocateCrosswalk, type CrosswalkResult, type KnownTargets, knownTargets } from './crosswalk';
import { allocateSupport, type SupportResult } from './pools';
import { RULES, runRules } from './rules';
import { planSeries, type SeriesPlan } from './series';

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

/** Crosswalk, then support costs, then cost per outcome, then the validation rules over all of it. */
export function compute(model: WorkbookModel): Computation {
  const issues: Issue[] = [];
  const known = knownTargets(model);
  const crosswalk = allocateCrosswalk(model, known);
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
  for (const list of [runRules(RULES, { model, known, crosswalk }), support.issues, cost.issues])
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
