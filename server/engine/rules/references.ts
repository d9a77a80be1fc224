import type { Issue } from '../../../models';
import { idKey } from '../../../models';
import { issueAt, MESSAGES, WHO } from '../messages';
import type { Rule } from './registry';

const keys = (ids: Iterable<string>) => new Set([...ids].map(idKey));

/**
 * Every ID a row names must exist: objectives' goals, measures' objectives, results', responses' and allocation
 * limits' measures and objectives. IDs compare by `idKey` (trimmed, any case, `4542` = "4542"), the same way
 * every lookup after this does, so a reference is never reported unknown here and then used anyway.
 */
export const planReferences: Rule = {
  name: 'plan references',
  check: ({ model }) => {
    const issues: Issue[] = [];
    const goals = keys(model.goals.map((g) => g.id));
    const objectives = keys(model.objectives.map((o) => o.id));
    for (const o of model.objectives) {
      if (!o.goalId) issues.push(issueAt(MESSAGES.valueRequired('Objectives', 'Goal ID'), o.loc));
      else if (!goals.has(idKey(o.goalId)))
        issues.push(issueAt(MESSAGES.unknownGoal(o.goalId, WHO.record('Objective', o.id)), o.loc));
    }
    for (const m of model.measures) {
      if (!objectives.has(idKey(m.objectiveId))) {
        issues.push(issueAt(MESSAGES.unknownObjective(m.objectiveId, WHO.record('Measure', m.id)), m.loc));
      }
    }
    const measures = keys(model.measures.map((m) => m.id));
    const said = new Set<string>();
    for (const r of model.results) {
      const k = idKey(r.measureId);
      if (measures.has(k) || said.has(k)) continue;
      said.add(k);
      issues.push(issueAt(MESSAGES.unknownMeasure(r.measureId, WHO.row('Results')), r.loc));
    }
    for (const r of model.responses) {
      if (!measures.has(idKey(r.measureId)))
        issues.push(issueAt(MESSAGES.unknownMeasure(r.measureId, WHO.row('Responses')), r.loc));
    }
    for (const l of model.allocationLimits) {
      if (!objectives.has(idKey(l.objectiveId)))
        issues.push(issueAt(MESSAGES.unknownObjective(l.objectiveId, WHO.row('Allocation Limits')), l.loc));
    }
    return issues;
  },
};

/** `idKey`, worked out once per distinct text: a Crosswalk names a few dozen IDs over many thousand rows. */
function idKeys(): (id: string) => string {
  const known = new Map<string, string>();
  return (id) => {
    let key = known.get(id);
    if (key === undefined) {
      key = idKey(id);
      known.set(id, key);
    }
    return key;
  };
}

/** Crosswalk targets and drivers must name objectives, goals and pools that exist. */
export const crosswalkReferences: Rule = {
  name: 'crosswalk references',
  check: ({ model }) => {
    const issues: Issue[] = [];
    const goals = keys(model.goals.map((g) => g.id));
    const objectives = keys(model.objectives.map((o) => o.id));
    const pools = keys(model.pools.map((p) => p.name));
    const keyOf = idKeys();
    const from = WHO.row('Crosswalk');
    for (const rule of model.crosswalk) {
      const t = rule.target;
      if (t.kind === 'objective' && !objectives.has(keyOf(t.id)))
        issues.push(issueAt(MESSAGES.unknownObjective(t.id, from), rule.loc));
      if (t.kind === 'goal' && !goals.has(keyOf(t.id)))
        issues.push(issueAt(MESSAGES.unknownGoal(t.id, from), rule.loc));
      if (t.kind === 'pool' && t.name && !pools.has(keyOf(t.name)))
        issues.push(issueAt(MESSAGES.unknownPool(t.name, from), rule.loc));
    }
    for (const d of model.drivers) {
      const from = WHO.row('Drivers');
      if (!pools.has(idKey(d.pool))) issues.push(issueAt(MESSAGES.unknownPool(d.pool, from), d.loc));
      if (d.target.kind === 'objective' && !objectives.has(idKey(d.target.id)))
        issues.push(issueAt(MESSAGES.unknownObjective(d.target.id, from), d.loc));
      if (d.target.kind === 'pool' && !pools.has(idKey(d.target.name)))
        issues.push(issueAt(MESSAGES.unknownPool(d.target.name, from), d.loc));
    }
    return issues;
  },
};
