import type { EngineResult, Issue, OutputSheet, WorkbookGrids, WorkbookModel } from '../../models';
import { compute } from './compute';
import { groupIssues } from './issueGroups';
import { readWorkbook } from './read';
import { summarize } from './tables/summary';
import { costPerOutcomeTable } from './tables/costPerOutcome';
import { crosswalkDetail, crosswalkMatrix } from './tables/crosswalk';
import { issuesTable, sortIssues } from './tables/issues';
import { performanceTrend } from './tables/performanceTrend';
import { programInventory } from './tables/programInventory';
import { resourcesByGoal } from './tables/resourcesByGoal';
import { summarySheet } from './tables/summarySheet';
import { runScenarios } from './scenarios';
import {
  bestAllocationTable,
  goalSeekTable,
  scenarioComparisonTable,
  scenarioResultsTable,
} from './tables/scenarios';
import { supportCostsTable } from './tables/supportCosts';
import { ROWS, type TableForm } from './tables/shape';
import { tieOutTable } from './dataAct/tieOutTable';

export { compute } from './compute';
export { readWorkbook } from './read';
export { splitLargestRemainder } from './money';

/**
 * The engine: grids in, output tables, issues and a summary out. Pure and synchronous; the CLI, the HTTP API
 * and the add-in all call this one function, so they cannot disagree.
 *
 * `tables` names the output tables wanted (the Issues table always comes); by default, all of them. Every
 * check and every total is computed either way: only the shaping of tables nobody asked for is skipped.
 */
export interface EngineOptions {
  tables?: readonly string[];
}

export function runEngine(grids: WorkbookGrids, options: EngineOptions = {}): EngineResult {
  return runEngineAs(grids, options, ROWS);
}

/** The engine's result with its tables in another form than rows (an HTTP answer's: each table's JSON). */
export type EngineAnswer<T> = Omit<EngineResult, 'tables'> & { tables: T[] };

/** `runEngine`, with the tables made in the form given (see `TableForm`). */
export function runEngineAs<T>(
  grids: WorkbookGrids,
  options: EngineOptions,
  form: TableForm<T>,
): EngineAnswer<T> {
  const read = readWorkbook(grids);
  const want = (name: string) => !options.tables || options.tables.includes(name);
  return build(read.model, read.issues, want, form);
}

function build<T>(
  model: WorkbookModel,
  readIssues: readonly Issue[],
  want: (name: string) => boolean,
  form: TableForm<T>,
): EngineAnswer<T> {
  const c = compute(model);
  const scenarios = runScenarios(c);
  const tables: T[] = [];
  const add = (name: OutputSheet, make: () => T) => {
    if (want(name)) tables.push(make());
  };
  const { made, open } = form;
  add('ResourcesByGoal', () => made(resourcesByGoal(c)));
  add('CrosswalkMatrix', () => crosswalkMatrix(c, open));
  add('CrosswalkDetail', () => crosswalkDetail(c, open));
  add('CostPerOutcome', () => made(costPerOutcomeTable(c)));
  if (model.pools.length > 0) add('SupportCosts', () => made(supportCostsTable(c)));
  if (model.measures.length > 0) add('PerformanceTrend', () => made(performanceTrend(c)));
  if (model.budgetColumns.size > 0) add('ProgramInventory', () => made(programInventory(c)));
  if (scenarios) {
    if (scenarios.outcomes.length > 0) {
      add('ScenarioResults', () => made(scenarioResultsTable(c, scenarios)));
      add('ScenarioComparison', () => made(scenarioComparisonTable(c, scenarios)));
    }
    if (scenarios.goalSeek.length > 0) add('GoalSeek', () => made(goalSeekTable(c, scenarios)));
    if (scenarios.outcomes.some((o) => o.allocation))
      add('BestAllocation', () => made(bestAllocationTable(c, scenarios)));
  }
  if (model.tieOut) add('TieOut', () => made(tieOutTable(model.tieOut ?? [])));
  const all: Issue[] = [];
  for (const list of [readIssues, c.issues, scenarios?.issues ?? []])
    for (const issue of list) all.push(issue);
  const issues = sortIssues(groupIssues(all));
  tables.push(made(issuesTable(issues)));
  const summary = summarize(c, issues, scenarios, all);
  // The Summary is made from the summary, so it comes last but is shown first.
  if (want('Summary')) tables.unshift(made(summarySheet(summary)));
  return { ok: summary.issues.error === 0, summary, issues, tables, money: summary.money };
}
