import type { Issue, WorkbookModel } from '../../../models';
import { replaceBudget } from '../budget';
import type { CrosswalkResult, KnownTargets } from '../crosswalk';

/**
 * What every validation rule sees: the records read, the targets they may name, and the crosswalk made. `read`
 * is the workbook as read, every row that could be read kept (repeated IDs, rows a row rule flags); `model` is
 * what the engine computes on (`usableRecords`: those rows left out).
 */
export interface RuleContext {
  read: WorkbookModel;
  model: WorkbookModel;
  known: KnownTargets;
  crosswalk: CrosswalkResult;
}

/**
 * A validation rule: one small pure function from the context to the issues it finds. Adding a check is adding
 * one rule to `RULES` (rules/index.ts) and one test. Rules never throw on bad data and never stop each other.
 */
export interface Rule {
  name: string;
  check: (ctx: RuleContext) => Issue[];
}

export function runRules(rules: readonly Rule[], ctx: RuleContext): Issue[] {
  return rules.flatMap((rule) => rule.check(ctx));
}

/**
 * The model with some of its record lists replaced, for the rules' record filters. A copy made with `replaceBudget`
 * (not a spread), so the lazy `budget` view of a million lines is left unmade.
 */
export function withRecords(model: WorkbookModel, records: Partial<WorkbookModel>): WorkbookModel {
  return Object.assign(replaceBudget(model, model.budgetColumns), records);
}
