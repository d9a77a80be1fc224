import { duplicateTargets, sharesSumTo100, unmappedLines, unusedRules } from './crosswalk';
import { costSharesValid, measuresHaveTargets, objectivesHaveMeasures } from './measures';
import { crosswalkReferences, planReferences } from './references';
import type { Rule } from './registry';

export { runRules } from './registry';
export type { Rule, RuleContext } from './registry';

/** The validation registry, in the order their issues are listed. */
export const RULES: readonly Rule[] = [
  planReferences,
  crosswalkReferences,
  sharesSumTo100,
  duplicateTargets,
  unmappedLines,
  unusedRules,
  measuresHaveTargets,
  objectivesHaveMeasures,
  costSharesValid,
];
