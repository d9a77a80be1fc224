import type { Issue } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import type { Rule } from './registry';

/** Every ID a row names must exist: objectives' goals, measures' objectives, results' measures. */
export const planReferences: Rule = {
  name: 'plan references',
  check: ({ model, known }) => {
    const issues: Issue[] = [];
    for (const o of model.objectives) {
      if (!o.goalId) issues.push(issueAt(MESSAGES.valueRequired('Objectives', 'Goal ID'), o.loc));
      else if (!known.goals.has(o.goalId))
        issues.push(issueAt(MESSAGES.unknownGoal(o.goalId, `Objective ${o.id}`), o.loc));
    }
    for (const m of model.measures) {
      if (!known.objectives.has(m.objectiveId)) {
        issues.push(issueAt(MESSAGES.unknownObjective(m.objectiveId, `Measure ${m.id}`), m.loc));
      }
    }
    const measures = new Set(model.measures.map((m) => m.id));
    const said = new Set<string>();
    for (const r of model.results) {
      if (measures.has(r.measureId) || said.has(r.measureId)) continue;
      said.add(r.measureId);
      issues.push(issueAt(MESSAGES.unknownMeasure(r.measureId, 'This Results row'), r.loc));
    }
    for (const r of model.responses) {
      if (!measures.has(r.measureId))
        issues.push(issueAt(MESSAGES.unknownMeasure(r.measureId, 'This Responses row'), r.loc));
    }
    return issues;
  },
};

/** Crosswalk targets and drivers must name objectives, goals and pools that exist. */
export const crosswalkReferences: Rule = {
  name: 'crosswalk references',
  check: ({ model, known }) => {
    const issues: Issue[] = [];
    for (const rule of model.crosswalk) {
      const t = rule.target;
      const from = 'This Crosswalk row';
      if (t.kind === 'objective' && !known.objectives.has(t.id))
        issues.push(issueAt(MESSAGES.unknownObjective(t.id, from), rule.loc));
      if (t.kind === 'goal' && !known.goals.has(t.id))
        issues.push(issueAt(MESSAGES.unknownGoal(t.id, from), rule.loc));
      if (t.kind === 'pool' && t.name && !known.pools.has(t.name.toUpperCase()))
        issues.push(issueAt(MESSAGES.unknownPool(t.name, from), rule.loc));
    }
    for (const d of model.drivers) {
      const from = 'This Drivers row';
      if (!known.pools.has(d.pool.toUpperCase()))
        issues.push(issueAt(MESSAGES.unknownPool(d.pool, from), d.loc));
      if (d.target.kind === 'objective' && !known.objectives.has(d.target.id))
        issues.push(issueAt(MESSAGES.unknownObjective(d.target.id, from), d.loc));
      if (d.target.kind === 'pool' && !known.pools.has(d.target.name.toUpperCase()))
        issues.push(issueAt(MESSAGES.unknownPool(d.target.name, from), d.loc));
    }
    return issues;
  },
};
