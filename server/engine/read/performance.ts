import type { Issue, Loc, WorkbookGrids } from '../../../models';
import { Direction, INPUT_TABLES } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { nameKey, parseYear } from './cells';
import { directionOf } from './enums';
import type { Plan } from './plan';
import { resolveKind } from './plan';
import { openTable } from './table';
import { choiceAt, numberAt, yearProblem } from './values';

/**
 * Derives Goals, Objectives, Measures and Results from a flat `Performance` table, the shape agencies publish
 * performance reports in. IDs are generated in order of first appearance: goals `G1`, `G2`...; objectives
 * `1.1`, `1.2`... (goal number . objective number); measures `1.1.1`... Names that differ only in capitals,
 * spacing or trailing punctuation are the same goal, objective or measure (real reports are inconsistent).
 */
export function readPerformance(grids: WorkbookGrids, issues: Issue[]): Plan | null {
  const t = openTable(grids, INPUT_TABLES.Performance, issues);
  if (!t) return null;
  const plan: Plan = { goals: [], objectives: [], measures: [], results: [] };
  if (!t.requireColumns()) return plan;

  const goals = new Map<string, { id: string; name: string; objectives: number }>();
  const objectives = new Map<string, { id: string; name: string; measures: number }>();
  const measures = new Map<string, { id: string; name: string; unit: string; direction: string; loc: Loc }>();
  // One note per spelling: real reports repeat a name on every year's row.
  const merged = new Set<string>();
  const noteMerge = (kind: string, first: string, other: string, loc: Loc) => {
    const key = `${kind}\u0000${first}\u0000${other}`;
    if (merged.has(key)) return;
    merged.add(key);
    issues.push(issueAt(MESSAGES.performanceNamesMerged(kind, first, other), loc));
  };

  for (const row of t.dataRows()) {
    const goalName = t.text(row, 'Goal');
    const objectiveName = t.text(row, 'Objective');
    const measureName = t.text(row, 'Measure');
    const missing = !goalName ? 'Goal' : !objectiveName ? 'Objective' : !measureName ? 'Measure' : null;
    if (missing) {
      issues.push(issueAt(MESSAGES.valueRequired('Performance', missing), t.loc(row, missing)));
      continue;
    }
    const goalKey = nameKey(goalName);
    let goal = goals.get(goalKey);
    if (!goal) {
      goal = { id: `G${goals.size + 1}`, name: goalName, objectives: 0 };
      goals.set(goalKey, goal);
      plan.goals.push({ id: goal.id, name: goalName, leader: '', description: '', loc: t.loc(row, 'Goal') });
    } else if (goal.name !== goalName) {
      noteMerge('goal', goal.name, goalName, t.loc(row, 'Goal'));
    }

    const objectiveKey = `${goalKey}\u0000${nameKey(objectiveName)}`;
    let objective = objectives.get(objectiveKey);
    if (!objective) {
      goal.objectives += 1;
      objective = { id: `${goal.id.slice(1)}.${goal.objectives}`, name: objectiveName, measures: 0 };
      objectives.set(objectiveKey, objective);
      plan.objectives.push({
        id: objective.id,
        goalId: goal.id,
        name: objectiveName,
        leader: '',
        loc: t.loc(row, 'Objective'),
      });
    } else if (objective.name !== objectiveName) {
      noteMerge('objective', objective.name, objectiveName, t.loc(row, 'Objective'));
    }

    const measureKey = `${objectiveKey}\u0000${nameKey(measureName)}`;
    let measure = measures.get(measureKey);
    const unit = t.text(row, 'Unit');
    const directionText = t.text(row, 'Direction');
    if (!measure) {
      objective.measures += 1;
      measure = {
        id: `${objective.id}.${objective.measures}`,
        name: measureName,
        unit,
        direction: directionText,
        loc: t.loc(row, 'Measure'),
      };
      measures.set(measureKey, measure);
      const kind = resolveKind(null, unit, measureName);
      if (kind.kind === null) issues.push(issueAt(MESSAGES.kindNotInferred(unit), t.loc(row, 'Unit')));
      plan.measures.push({
        id: measure.id,
        objectiveId: objective.id,
        name: measureName,
        type: 'Outcome',
        unit,
        ...kind,
        direction: choiceAt(t, row, 'Direction', directionOf, Direction.options, null, issues),
        dataSource: '',
        verification: '',
        leader: '',
        priorityGoal: false,
        costShare: null,
        loc: measure.loc,
      });
    } else {
      if (measure.name !== measureName)
        noteMerge('measure', measure.name, measureName, t.loc(row, 'Measure'));
      for (const [column, first, now] of [
        ['Unit', measure.unit, unit],
        ['Direction', measure.direction, directionText],
      ] as const) {
        if (now && now !== first) {
          issues.push(
            issueAt(MESSAGES.performanceConflict(measureName, column, first, now), t.loc(row, column)),
          );
        }
      }
    }

    const yearValue = t.value(row, 'Year');
    const year = parseYear(yearValue);
    if (year === null) {
      issues.push(issueAt(yearProblem(yearValue), t.loc(row, 'Year')));
      continue;
    }
    plan.results.push({
      measureId: measure.id,
      year,
      target: numberAt(t, row, 'Target', issues),
      actual: numberAt(t, row, 'Actual', issues),
      minTarget: numberAt(t, row, 'Min Target', issues),
      maxTarget: numberAt(t, row, 'Max Target', issues),
      explanation: '',
      dataAvailable: '',
      loc: t.loc(row, 'Year'),
    });
  }
  return plan;
}
