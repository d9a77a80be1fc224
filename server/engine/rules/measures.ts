import type { Issue } from '../../../models';
import { idKey, SHARE_SCALE } from '../../../models';
import { costSharesByObjective } from '../costShares';
import { issueAt, MESSAGES } from '../messages';
import type { Rule } from './registry';

/** GPRA asks for a target for every measure; without one, no status can be judged. */
export const measuresHaveTargets: Rule = {
  name: 'measures have targets',
  check: ({ model }) => {
    const targeted = new Set(
      model.results
        .filter((r) => r.target !== null || r.minTarget !== null || r.maxTarget !== null)
        .map((r) => idKey(r.measureId)),
    );
    return model.measures
      .filter((m) => !targeted.has(idKey(m.id)))
      .map((m) => issueAt(MESSAGES.measureNoTargets(m.id), m.loc));
  },
};

/** An objective with no measure has no cost per outcome; worth knowing, not an error. */
export const objectivesHaveMeasures: Rule = {
  name: 'objectives have measures',
  check: ({ model }) => {
    if (model.measures.length === 0) return [];
    const measured = new Set(model.measures.map((m) => idKey(m.objectiveId)));
    const issues: Issue[] = [];
    for (const o of model.objectives)
      if (!measured.has(idKey(o.id))) issues.push(issueAt(MESSAGES.objectiveNoMeasures(o.id), o.loc));
    return issues;
  },
};

const pct = (ppb: number) => `${Number(((ppb / SHARE_SCALE) * 100).toFixed(4))}%`;

/**
 * An objective's Cost Shares are parts of one cost, so they sum to at most 100% (the rest is cost no measure
 * claims); past 100% the same dollars would be counted twice. Reported at the Cost Share cell that carries the
 * sum past 100%, with every share listed. Where only some measures have a share, the others carry the whole
 * objective's cost, which is worth a warning at the first such measure.
 */
export const costSharesValid: Rule = {
  name: 'cost shares sum to at most 100%',
  check: ({ model }) => {
    const issues: Issue[] = [];
    for (const s of costSharesByObjective(model).values()) {
      if (s.over) {
        let running = 0;
        const culprit = s.shared.find((m) => (running += m.costShare?.ppb ?? 0) > SHARE_SCALE) ?? s.shared[0];
        const parts = s.shared.map((m) => `${m.id} ${pct(m.costShare?.ppb ?? 0)}`).join(', ');
        issues.push(
          issueAt(
            MESSAGES.costSharesOver(s.objectiveId, pct(s.total), parts),
            culprit?.costShare?.loc ?? null,
          ),
        );
      }
      const first = s.without[0];
      if (first) {
        const without = s.without.map((m) => m.id);
        issues.push(issueAt(MESSAGES.costSharesPartial(s.objectiveId, without), first.loc));
      }
    }
    return issues;
  },
};
