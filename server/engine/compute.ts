import type { AmountType, Issue, WorkbookModel } from '../../models';
import { AmountType as AmountTypes } from '../../models';
import { chooseCostBasis, type CostResult, costPerOutcome } from './cost';
import { allocateCrosswalk, type CrosswalkResult, type KnownTargets, knownTargets } from './crosswalk';
import { allocateSupport, type SupportResult } from './pools';
import { RULES, runRules } from './rules';

/** Everything computed from one workbook, before it is shaped into output tables. */
export interface Computation {
  model: WorkbookModel;
  known: KnownTargets;
  crosswalk: CrosswalkResult;
  support: SupportResult;
  cost: CostResult;
  years: number[];
  amountTypes: AmountType[];
  baseYear: number | null;
  issues: Issue[];
}

/** Crosswalk, then support costs, then cost per outcome, then the validation rules over all of it. */
export function compute(model: WorkbookModel): Computation {
  const issues: Issue[] = [];
  const known = knownTargets(model);
  const crosswalk = allocateCrosswalk(model, known);
  const support = allocateSupport(model, known, crosswalk);
  const basis = chooseCostBasis(model, issues);
  const cost = costPerOutcome(model, crosswalk, support, basis);
  const slots = crosswalk.budget.slots();
  const years = [...new Set(slots.map((s) => s.year))].sort((a, b) => a - b);
  const present = new Set(slots.map((s) => s.type));
  const amountTypes = AmountTypes.options.filter((t) => present.has(t));
  const baseYear = model.settings.baseYear ?? years[years.length - 1] ?? null;
  issues.push(...runRules(RULES, { model, known, crosswalk }), ...support.issues, ...cost.issues);
  return { model, known, crosswalk, support, cost, years, amountTypes, baseYear, issues };
}
