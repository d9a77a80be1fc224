import type { Issue, WorkbookGrids } from '../../../models';
import { Direction, INPUT_TABLES } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { nameKey, parseYear } from './cells';
import { directionOf } from './enums';
import type { Plan } from './plan';
import { resolveKind } from './plan';
import { openTable, type TableView } from './table';
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
  const derive = new PlanFromRows(t, plan, issues);
  for (const row of t.dataRows()) derive.add(row);
  return plan;
}

/** A goal, objective or measure met so far: its ID, its name as first written, and how many children it has. */
interface Entry {
  id: string;
  key: string;
  name: string;
  children: number;
}

/** A measure met so far, with the Unit and Direction of its first row (later rows must agree). */
interface MeasureEntry extends Entry {
  unit: string;
  direction: string;
}

/** Builds the plan row by row: each row names a goal, an objective and a measure, and gives one year's result. */
class PlanFromRows {
  private readonly goals = new Map<string, Entry>();
  private readonly objectives = new Map<string, Entry>();
  private readonly measures = new Map<string, MeasureEntry>();
  /** One note per spelling: real reports repeat a name on every year's row. */
  private readonly merged = new Set<string>();

  constructor(
    private readonly t: TableView,
    private readonly plan: Plan,
    private readonly issues: Issue[],
  ) {}

  add(row: number): void {
    const t = this.t;
    const goalName = t.text(row, 'Goal');
    const objectiveName = t.text(row, 'Objective');
    const measureName = t.text(row, 'Measure');
    const missing = !goalName ? 'Goal' : !objectiveName ? 'Objective' : !measureName ? 'Measure' : null;
    if (missing) {
      this.issues.push(issueAt(MESSAGES.valueRequired('Performance', missing), t.loc(row, missing)));
      return;
    }
    const goal = this.goal(row, goalName);
    const objective = this.objective(row, goal, objectiveName);
    const measure = this.measure(row, objective, measureName);
    this.result(row, measure);
  }

  private goal(row: number, name: string): Entry {
    const key = nameKey(name);
    const known = this.goals.get(key);
    if (known) return this.sameName('goal', known, name, row, 'Goal');
    const goal = { id: `G${this.goals.size + 1}`, key, name, children: 0 };
    this.goals.set(key, goal);
    this.plan.goals.push({ id: goal.id, name, leader: '', description: '', loc: this.t.loc(row, 'Goal') });
    return goal;
  }

  private objective(row: number, goal: Entry, name: string): Entry {
    const key = `${goal.key}\u0000${nameKey(name)}`;
    const known = this.objectives.get(key);
    if (known) return this.sameName('objective', known, name, row, 'Objective');
    goal.children += 1;
    const objective = { id: `${goal.id.slice(1)}.${goal.children}`, key, name, children: 0 };
    this.objectives.set(key, objective);
    const loc = this.t.loc(row, 'Objective');
    this.plan.objectives.push({ id: objective.id, goalId: goal.id, name, leader: '', loc });
    return objective;
  }

  private measure(row: number, objective: Entry, name: string): MeasureEntry {
    const t = this.t;
    const key = `${objective.key}\u0000${nameKey(name)}`;
    const unit = t.text(row, 'Unit');
    const direction = t.text(row, 'Direction');
    const known = this.measures.get(key);
    if (known) {
      this.sameName('measure', known, name, row, 'Measure');
      this.sameUnitAndDirection(row, known, name, unit, direction);
      return known;
    }
    objective.children += 1;
    const measure = { id: `${objective.id}.${objective.children}`, key, name, children: 0, unit, direction };
    this.measures.set(key, measure);
    const kind = resolveKind(null, unit, name);
    if (kind.kind === null) this.issues.push(issueAt(MESSAGES.kindNotInferred(unit), t.loc(row, 'Unit')));
    this.plan.measures.push({
      id: measure.id,
      objectiveId: objective.id,
      name,
      type: 'Outcome',
      unit,
      ...kind,
      direction: choiceAt(t, row, 'Direction', directionOf, Direction.options, null, this.issues),
      dataSource: '',
      verification: '',
      leader: '',
      priorityGoal: false,
      costShare: null,
      loc: t.loc(row, 'Measure'),
    });
    return measure;
  }

  /** A later row's spelling of a known name: noted once if it differs (`Reduce Cost` for `Reduce cost`). */
  private sameName<T extends Entry>(kind: string, known: T, name: string, row: number, column: string): T {
    const note = `${kind}\u0000${known.name}\u0000${name}`;
    if (known.name !== name && !this.merged.has(note)) {
      this.merged.add(note);
      this.issues.push(
        issueAt(MESSAGES.performanceNamesMerged(kind, known.name, name), this.t.loc(row, column)),
      );
    }
    return known;
  }

  /** A later row of a measure that gives another Unit or Direction than its first row: reported, the first kept. */
  private sameUnitAndDirection(
    row: number,
    known: MeasureEntry,
    name: string,
    unit: string,
    direction: string,
  ): void {
    for (const [column, first, now] of [
      ['Unit', known.unit, unit],
      ['Direction', known.direction, direction],
    ] as const) {
      if (now && now !== first)
        this.issues.push(
          issueAt(MESSAGES.performanceConflict(name, column, first, now), this.t.loc(row, column)),
        );
    }
  }

  private result(row: number, measure: Entry): void {
    const t = this.t;
    const yearValue = t.value(row, 'Year');
    const year = parseYear(yearValue);
    if (year === null) {
      this.issues.push(issueAt(yearProblem(yearValue), t.loc(row, 'Year')));
      return;
    }
    this.plan.results.push({
      measureId: measure.id,
      year,
      target: numberAt(t, row, 'Target', this.issues),
      actual: numberAt(t, row, 'Actual', this.issues),
      minTarget: numberAt(t, row, 'Min Target', this.issues),
      maxTarget: numberAt(t, row, 'Max Target', this.issues),
      explanation: '',
      dataAvailable: '',
      loc: t.loc(row, 'Year'),
    });
  }
}
