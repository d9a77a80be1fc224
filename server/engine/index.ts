import type { EngineResult, Issue, OutputTable, WorkbookGrids, WorkbookModel } from '../../models';
import { issueAt, MESSAGES } from './messages';
import { MoneyRangeError } from './money';
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
  try {
    return build(read.model, read.issues);
  } catch (e) {
    if (!(e instanceof MoneyRangeError)) throw e;
    // Every amount fits, but their totals do not: report it and compute the rest without the Budget.
    const issue = issueAt(
      MESSAGES.totalsOutOfRange(),
      read.model.found.Budget ? { sheet: read.model.found.Budget.sheet, cell: '' } : null,
    );
    return build({ ...read.model, budget: [] }, [...read.issues, issue]);
  }
}

function build(model: WorkbookModel, readIssues: readonly Issue[]): EngineResult {
  const c = compute(model);
  const scenarios = runScenarios(c);
  const tables: OutputTable[] = [
    resourcesByGoal(c),
    crosswalkMatrix(c),
    crosswalkDetail(c),
    costPerOutcomeTable(c),
  ];
  if (model.pools.length > 0) tables.push(supportCostsTable(c));
  if (scenarios) {
    if (scenarios.outcomes.length > 0)
      tables.push(scenarioResultsTable(c, scenarios), scenarioComparisonTable(c, scenarios));
    if (scenarios.goalSeek.length > 0) tables.push(goalSeekTable(c, scenarios));
    if (scenarios.outcomes.some((o) => o.allocation)) tables.push(bestAllocationTable(c, scenarios));
  }
  const truncated = tables
    .filter((t) => t.omittedRows)
    .map((t) =>
      issueAt(MESSAGES.outputTruncated(t.name, t.omittedRows as number, t.rows.length), {
        sheet: t.name,
        cell: '',
      }),
    );
  const issues = sortIssues([...readIssues, ...c.issues, ...(scenarios?.issues ?? []), ...truncated]);
  tables.push(issuesTable(issues));
  const summary = summarize(c, issues, scenarios);
  return { ok: summary.issues.error === 0, summary, issues, tables, money: summary.money };
}
