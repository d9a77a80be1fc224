import type { Issue } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import type { Rule } from './registry';

/** GPRA asks for a target for every measure; without one, no status can be judged. */
export const measuresHaveTargets: Rule = {
  name: 'measures have targets',
  check: ({ model }) => {
    const targeted = new Set(
      model.results
        .filter((r) => r.target !== null || r.minTarget !== null || r.maxTarget !== null)
        .map((r) => r.measureId),
    );
    return model.measures
      .filter((m) => !targeted.has(m.id))
      .map((m) => issueAt(MESSAGES.measureNoTargets(m.id), m.loc));
  },
};

/** An objective with no measure has no cost per outcome; worth knowing, not an error. */
export const objectivesHaveMeasures: Rule = {
  name: 'objectives have measures',
  check: ({ model }) => {
    if (model.measures.length === 0) return [];
    const measured = new Set(model.measures.map((m) => m.objectiveId));
    const issues: Issue[] = [];
    for (const o of model.objectives)
      if (!measured.has(o.id)) issues.push(issueAt(MESSAGES.objectiveNoMeasures(o.id), o.loc));
    return issues;
  },
};
