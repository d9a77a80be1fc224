import { duplicateTargets, sharesSumTo100, unmappedLines, unusedRules } from './crosswalk';
import { costSharesValid, measuresHaveTargets, objectivesHaveMeasures } from './measures';
import { oneResultPerYear, uniqueIds, usableRecords } from './duplicates';
import { crosswalkReferences, planReferences } from './references';
import { responseExpressionsSafe } from './responses';
import { ROW_RULES } from './rows';
import type { Rule } from './registry';

export { usableRecords };
export { runRules } from './registry';
export type { Rule, RuleContext } from './registry';

/** The validation registry, in the order their issues are listed. */
export const RULES: readonly Rule[] = [
  ...ROW_RULES,
  uniqueIds,
  oneResultPerYear,
  planReferences,
  crosswalkReferences,
  sharesSumTo100,
  duplicateTargets,
  unmappedLines,
  unusedRules,
  measuresHaveTargets,
  objectivesHaveMeasures,
  costSharesValid,
  responseExpressionsSafe,
];
