import type { Issue, WorkbookModel } from '../../../models';
import type { CrosswalkResult, KnownTargets } from '../crosswalk';

/**
 * What every validation rule sees: the records read, the targets they may name, and the crosswalk made. `read`
 * is the workbook as read, every row that could be read kept (repeated IDs too); `model` is what the engine
 * computes on, each repeat left out (`distinctRecords`).
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
