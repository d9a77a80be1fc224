import { duplicateTargets, sharesSumTo100, unmappedLines, unusedRules } from './crosswalk';
import { costSharesValid, measuresHaveTargets, objectivesHaveMeasures } from './measures';
import { distinctRecords, oneResultPerYear, uniqueIds } from './duplicates';
import { crosswalkReferences, planReferences } from './references';
import { responseExpressionsSafe } from './responses';
import type { Rule } from './registry';

export { distinctRecords };
export { runRules } from './registry';
export type { Rule, RuleContext } from './registry';

/** The validation registry, in the order their issues are listed. */
export const RULES: readonly Rule[] = [
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
