import type { EngineResult, OutputTable, WorkbookGrids } from '../../models';
import { compute } from './compute';
import { readWorkbook } from './read';
import { summarize } from './summary';
import { costPerOutcomeTable } from './tables/costPerOutcome';
import { crosswalkDetail, crosswalkMatrix } from './tables/crosswalk';
import { issuesTable, sortIssues } from './tables/issues';
import { resourcesByGoal } from './tables/resourcesByGoal';
import { runScenarios } from './scenarios';
import {
  bestAllocationTable,
  goalSeekTable,
  scenarioComparisonTable,
  scenarioResultsTable,
} from './tables/scenarios';
import { supportCostsTable } from './tables/supportCosts';

export { compute } from './compute';
export { readWorkbook } from './read';
export { splitLargestRemainder } from './money';

/**
 * The engine: grids in, output tables, issues and a summary out. Pure and synchronous; the CLI, the HTTP API
 * and the add-in all call this one function, so they cannot disagree.
 */
export function runEngine(grids: WorkbookGrids): EngineResult {
  const read = readWorkbook(grids);
  const c = compute(read.model);
  const scenarios = runScenarios(c);
  const issues = sortIssues([...read.issues, ...c.issues, ...(scenarios?.issues ?? [])]);
  const tables: OutputTable[] = [
    resourcesByGoal(c),
    crosswalkMatrix(c),
    crosswalkDetail(c),
    costPerOutcomeTable(c),
  ];
  if (read.model.pools.length > 0) tables.push(supportCostsTable(c));
  if (scenarios) {
    if (scenarios.outcomes.length > 0)
      tables.push(scenarioResultsTable(c, scenarios), scenarioComparisonTable(c, scenarios));
    if (scenarios.goalSeek.length > 0) tables.push(goalSeekTable(c, scenarios));
    if (scenarios.outcomes.some((o) => o.allocation)) tables.push(bestAllocationTable(c, scenarios));
  }
  tables.push(issuesTable(issues));
  const summary = summarize(c, issues, scenarios);
  return {
    ok: summary.issues.error === 0,
    summary,
    issues,
    tables,
    money: summary.money,
  };
}
