import type { Issue, WorkbookGrids, WorkbookModel } from '../../../models';
import { INPUT_TABLES } from '../../../models';
import { hasCode, issueAt, MESSAGES } from '../messages';
import { readDataAct } from '../dataAct';
import { withBudget } from '../budget';
import { readBudget } from './budget';
import { readCostPools, readCrosswalk, readDrivers } from './crosswalk';
import { resolveIdSpellings } from './ids';
import { readPerformance } from './performance';
import { readPrograms } from './programs';
import { readGoals, readMeasures, readObjectives, readResults } from './plan';
import { readScenarioTables } from './scenarios';
import { readSettings } from './settings';
import { findTable } from './table';

export interface ReadResult {
  model: WorkbookModel;
  issues: Issue[];
}

/**
 * The one reader: grids in, domain records (each with its cell) and issues out. Pure; never throws on bad data;
 * one bad row never stops the rest from being read.
 */
export function readWorkbook(grids: WorkbookGrids): ReadResult {
  const issues: Issue[] = [];
  const settings = readSettings(grids, issues);
  // DATA Act File A and File B: the tie-out, and a Budget derived from File B when the workbook has none.
  const dataAct = readDataAct(grids, settings, issues);
  const budget = readBudget(dataAct.grids, settings, issues);

  const hasPlanTables =
    findTable(grids, INPUT_TABLES.Goals) !== null || findTable(grids, INPUT_TABLES.Objectives) !== null;
  const performance = hasPlanTables ? null : readPerformance(grids, issues);
  if (hasPlanTables && findTable(grids, INPUT_TABLES.Performance))
    issues.push(issueAt(MESSAGES.performanceIgnored(), null));

  const plan = performance ?? {
    goals: readGoals(grids, issues),
    objectives: readObjectives(grids, issues),
    measures: readMeasures(grids, issues),
    results: readResults(grids, issues),
  };

  const found: WorkbookModel['found'] = {};
  for (const spec of Object.values(INPUT_TABLES)) {
    const grid = findTable(dataAct.grids, spec);
    if (grid) found[spec.name] = { sheet: grid.sheet, source: grid.source };
  }

  return {
    // One spelling per ID from here on (see resolveIdSpellings), so every lookup and every check agree.
    model: withBudget(
      resolveIdSpellings({
        settings,
        moneyDecimals: budget.moneyDecimals,
        series: budget.series,
        ...plan,
        crosswalk: readCrosswalk(grids, issues),
        pools: readCostPools(grids, issues),
        drivers: readDrivers(grids, issues),
        programs: readPrograms(grids, issues),
        ...readScenarioTables(grids, budget.moneyDecimals, issues),
        found,
        ...(dataAct.tieOut ? { tieOut: dataAct.tieOut } : {}),
      }),
      budget.columns,
    ),
    issues: withoutEchoes(issues),
  };
}

/**
 * A cell whose formula was never calculated is reported as such; the same cell then reads as blank, and a
 * required column would report it a second time as missing. The first says what to do, so it alone stays.
 */
function withoutEchoes(issues: Issue[]): Issue[] {
  const uncalculated = new Set(
    issues.filter((i) => hasCode(i, 'FORMULA_NOT_CALCULATED')).map((i) => `${i.sheet}!${i.cell}`),
  );
  if (uncalculated.size === 0) return issues;
  return issues.filter((i) => !hasCode(i, 'VALUE_REQUIRED') || !uncalculated.has(`${i.sheet}!${i.cell}`));
}
