import type { Goal, Issue, Measure, Objective, Result, WorkbookGrids } from '../../../models';
import { Direction, INPUT_TABLES, MeasureKind, MeasureType } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { parseYear } from './cells';
import { directionOf, kindOf, measureTypeOf, vocabulary } from './enums';
import { readFraction } from './fraction';
import { currencyScaleOf, inferKind } from './measureKind';
import { openTable, type TableView } from './table';
import { choiceAt, numberAt, yearProblem } from './values';

export interface Plan {
  goals: Goal[];
  objectives: Objective[];
  measures: Measure[];
  results: Result[];
}

export function readGoals(grids: WorkbookGrids, issues: Issue[]): Goal[] {
  const t = openTable(grids, INPUT_TABLES.Goals, issues);
  if (!t || !t.requireColumns()) return [];
  const goals: Goal[] = [];
  for (const row of t.dataRows()) {
    const id = t.text(row, 'Goal ID');
    const loc = t.loc(row, 'Goal ID');
    if (!id) {
      issues.push(issueAt(MESSAGES.valueRequired('Goals', 'Goal ID'), loc));
      continue;
    }
    goals.push({
      id,
      name: t.text(row, 'Goal'),
      leader: t.text(row, 'Leader'),
      description: t.text(row, 'Description'),
      loc,
    });
  }
  return goals;
}

export function readObjectives(grids: WorkbookGrids, issues: Issue[]): Objective[] {
  const t = openTable(grids, INPUT_TABLES.Objectives, issues);
  if (!t || !t.requireColumns()) return [];
  const objectives: Objective[] = [];
  for (const row of t.dataRows()) {
    const id = t.text(row, 'Objective ID');
    const loc = t.loc(row, 'Objective ID');
    if (!id) {
      issues.push(issueAt(MESSAGES.valueRequired('Objectives', 'Objective ID'), loc));
      continue;
    }
    objectives.push({
      id,
      goalId: t.text(row, 'Goal ID'),
      name: t.text(row, 'Objective'),
      leader: t.text(row, 'Leader'),
      loc,
    });
  }
  return objectives;
}

/** Kind as typed, or inferred from Unit or name (and said to be inferred); a Unit that says nothing is reported. */
export function resolveKind(
  typed: MeasureKind | null,
  unit: string,
  name = '',
): Pick<Measure, 'kind' | 'kindInferred' | 'kindInferredFrom' | 'currencyScale'> {
  if (typed)
    return {
      kind: typed,
      kindInferred: false,
      kindInferredFrom: null,
      currencyScale: typed === 'Currency' ? (currencyScaleOf(unit) ?? 1) : 1,
    };
  const inferred = inferKind(unit, name);
  return {
    kind: inferred.kind,
    kindInferred: inferred.kind !== null,
    kindInferredFrom: inferred.from,
    currencyScale: inferred.currencyScale,
  };
}

const yesNoOf = vocabulary({ Yes: ['Y', 'True', 'X', 'APG', 'Priority'], No: ['N', 'False'] });

/** `Yes` flags an Agency Priority Goal measure; blank is No; any other word is reported and read as No. */
function priorityGoalAt(t: TableView, row: number, issues: Issue[]): boolean {
  return choiceAt(t, row, 'Priority Goal', yesNoOf, ['Yes', 'No'], 'No', issues) === 'Yes';
}

/** A Cost Share read exactly; one that is not a fraction from 0 to 100% is reported at its cell and left out. */
function costShareAt(t: TableView, row: number, issues: Issue[]): Measure['costShare'] {
  const loc = t.loc(row, 'Cost Share');
  const f = readFraction(t.value(row, 'Cost Share'), MESSAGES.costShareInvalid);
  if (f.kind === 'bad') issues.push(issueAt(f.msg, loc));
  return f.kind === 'ok' ? { ppb: f.ppb, loc } : null;
}

export function readMeasures(grids: WorkbookGrids, issues: Issue[]): Measure[] {
  const t = openTable(grids, INPUT_TABLES.Measures, issues);
  if (!t || !t.requireColumns()) return [];
  const measures: Measure[] = [];
  for (const row of t.dataRows()) {
    const id = t.text(row, 'Measure ID');
    const loc = t.loc(row, 'Measure ID');
    if (!id) {
      issues.push(issueAt(MESSAGES.valueRequired('Measures', 'Measure ID'), loc));
      continue;
    }
    const unit = t.text(row, 'Unit');
    const name = t.text(row, 'Measure');
    const typed = choiceAt(t, row, 'Kind', kindOf, MeasureKind.options, null, issues);
    const kind = resolveKind(typed, unit, name);
    if (kind.kind === null && !t.text(row, 'Kind'))
      issues.push(issueAt(MESSAGES.kindNotInferred(unit), t.loc(row, 'Unit')));
    measures.push({
      id,
      objectiveId: t.text(row, 'Objective ID'),
      name,
      type: choiceAt(t, row, 'Type', measureTypeOf, MeasureType.options, 'Outcome', issues) ?? 'Outcome',
      unit,
      ...kind,
      direction: choiceAt(t, row, 'Direction', directionOf, Direction.options, null, issues),
      dataSource: t.text(row, 'Data Source'),
      verification: t.text(row, 'Verification'),
      leader: t.text(row, 'Leader'),
      priorityGoal: priorityGoalAt(t, row, issues),
      costShare: costShareAt(t, row, issues),
      loc,
    });
  }
  return measures;
}

export function readResults(grids: WorkbookGrids, issues: Issue[]): Result[] {
  const t = openTable(grids, INPUT_TABLES.Results, issues);
  if (!t || !t.requireColumns()) return [];
  const results: Result[] = [];
  for (const row of t.dataRows()) {
    const measureId = t.text(row, 'Measure ID');
    const loc = t.loc(row, 'Measure ID');
    if (!measureId) {
      issues.push(issueAt(MESSAGES.valueRequired('Results', 'Measure ID'), loc));
      continue;
    }
    const yearValue = t.value(row, 'Fiscal Year');
    const year = parseYear(yearValue);
    if (year === null) {
      issues.push(issueAt(yearProblem(yearValue), t.loc(row, 'Fiscal Year')));
      continue;
    }
    results.push({
      measureId,
      year,
      target: numberAt(t, row, 'Target', issues),
      actual: numberAt(t, row, 'Actual', issues),
      minTarget: numberAt(t, row, 'Min Target', issues),
      maxTarget: numberAt(t, row, 'Max Target', issues),
      explanation: t.text(row, 'Explanation'),
      dataAvailable: t.text(row, 'Data Available'),
      loc,
    });
  }
  return results;
}
