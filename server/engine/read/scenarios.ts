import type { AllocationLimit, CellValue, Issue, Response, Scenario, WorkbookGrids } from '../../../models';
import { INPUT_TABLES, ResponseModel, ScenarioScope } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { type Decimal, toMinor } from '../money';
import { cellText, parseAmount, parseShare, parseYear } from './cells';
import { responseModelOf, scopeOf } from './enums';
import { openTable, type TableView } from './table';
import { choiceAt, numberAt, unreadable, yearProblem } from './values';
import { withFields } from '../../objects';

/** A share or percent as parts per billion, keeping its sign (-10% → -100,000,000); null past the range. */
function toPpb(s: { value: Decimal; percent: boolean }): number | null {
  return toMinor(withFields(s.value, { scale: s.value.scale + (s.percent ? 2 : 0) }), 9)?.value ?? null;
}

/** `-10%` → percent in parts per billion; `-5,000` → an amount in minor units of the workbook's Units. */
function readChange(
  t: TableView,
  row: number,
  moneyDecimals: number,
  issues: Issue[],
): Scenario['change'] | null {
  const v = t.value(row, 'Change');
  const loc = t.loc(row, 'Change');
  const text = cellText(v);
  if (!text || unreadable(v)) {
    issues.push(issueAt(unreadable(v) ?? MESSAGES.valueRequired('Scenarios', 'Change'), loc));
    return null;
  }
  const change = changeOf(v, text, moneyDecimals);
  if (change === 'invalid') issues.push(issueAt(MESSAGES.changeInvalid(text), loc));
  else if (change === 'out of range') issues.push(issueAt(MESSAGES.amountOutOfRange(), loc));
  else return change;
  return null;
}

/** A Change cell's value, or what is wrong with it. */
function changeOf(
  v: CellValue,
  text: string,
  moneyDecimals: number,
): Scenario['change'] | 'invalid' | 'out of range' {
  if (typeof v === 'string' && text.endsWith('%')) {
    const share = parseShare(v);
    if (share.kind !== 'ok') return 'invalid';
    const ppb = toPpb(share.value);
    return ppb === null ? 'out of range' : { kind: 'percent', ppb };
  }
  const amount = parseAmount(v);
  if (amount.kind !== 'ok') return 'invalid';
  const minor = toMinor(amount.value, moneyDecimals);
  return minor ? { kind: 'amount', minor: minor.value } : 'out of range';
}

function readScenarios(grids: WorkbookGrids, moneyDecimals: number, issues: Issue[]): Scenario[] {
  const t = openTable(grids, INPUT_TABLES.Scenarios, issues);
  if (!t || !t.requireColumns()) return [];
  const out: Scenario[] = [];
  for (const row of t.dataRows()) {
    const name = t.text(row, 'Scenario');
    if (!name) {
      issues.push(issueAt(MESSAGES.valueRequired('Scenarios', 'Scenario'), t.loc(row, 'Scenario')));
      continue;
    }
    const scope = choiceAt(t, row, 'Scope', scopeOf, ScenarioScope.options, null, issues);
    if (!scope) {
      if (!t.text(row, 'Scope'))
        issues.push(issueAt(MESSAGES.valueRequired('Scenarios', 'Scope'), t.loc(row, 'Scope')));
      continue;
    }
    const key = t.text(row, 'Key');
    const change = readChange(t, row, moneyDecimals, issues);
    if (!change) continue;
    const yearValue = t.value(row, 'Fiscal Year');
    const given = cellText(yearValue) !== '' || unreadable(yearValue) !== null;
    const year = given ? parseYear(yearValue) : null;
    if (given && year === null) {
      issues.push(issueAt(yearProblem(yearValue), t.loc(row, 'Fiscal Year')));
      continue;
    }
    out.push({
      name,
      scope,
      key,
      change,
      year,
      loc: t.loc(row, 'Scenario'),
      keyLoc: t.loc(row, 'Key'),
      changeLoc: t.loc(row, 'Change'),
    });
  }
  return out;
}

/** Responses rows; whether a row has what its model needs is for the rules (rules/rows.ts). */
function readResponses(grids: WorkbookGrids, issues: Issue[]): Response[] {
  const t = openTable(grids, INPUT_TABLES.Responses, issues);
  if (!t || !t.requireColumns()) return [];
  const out: Response[] = [];
  for (const row of t.dataRows()) {
    const measureId = t.text(row, 'Measure ID');
    const loc = t.loc(row, 'Measure ID');
    if (!measureId) {
      issues.push(issueAt(MESSAGES.valueRequired('Responses', 'Measure ID'), loc));
      continue;
    }
    const model = choiceAt(t, row, 'Model', responseModelOf, ResponseModel.options, null, issues);
    if (!model) {
      if (!t.text(row, 'Model'))
        issues.push(issueAt(MESSAGES.valueRequired('Responses', 'Model'), t.loc(row, 'Model')));
      continue;
    }
    out.push({
      measureId,
      model,
      elasticity: numberAt(t, row, 'Elasticity', issues),
      low: numberAt(t, row, 'Low', issues),
      high: numberAt(t, row, 'High', issues),
      expression: t.text(row, 'Expression'),
      loc,
      elasticityLoc: t.loc(row, 'Elasticity'),
      lowLoc: t.loc(row, 'Low'),
      highLoc: t.loc(row, 'High'),
      expressionLoc: t.loc(row, 'Expression'),
    });
  }
  return out;
}

function readAllocationLimits(grids: WorkbookGrids, issues: Issue[]): AllocationLimit[] {
  const t = openTable(grids, INPUT_TABLES.AllocationLimits, issues);
  if (!t || !t.requireColumns()) return [];
  const out: AllocationLimit[] = [];
  const bound = (row: number, column: string): number | null | 'bad' => {
    const v = t.value(row, column);
    if (!cellText(v) && !unreadable(v)) return null;
    const s = parseShare(v);
    if (s.kind !== 'ok') {
      issues.push(issueAt(unreadable(v) ?? MESSAGES.numberInvalid(column, cellText(v)), t.loc(row, column)));
      return 'bad';
    }
    const ppb = toPpb(s.value);
    if (ppb !== null) return ppb;
    // A limit such as -1e300% cannot be held exactly; it is reported at its cell.
    issues.push(issueAt(MESSAGES.amountOutOfRange(), t.loc(row, column)));
    return 'bad';
  };
  for (const row of t.dataRows()) {
    const objectiveId = t.text(row, 'Objective ID');
    if (!objectiveId) {
      issues.push(
        issueAt(MESSAGES.valueRequired('Allocation Limits', 'Objective ID'), t.loc(row, 'Objective ID')),
      );
      continue;
    }
    const floor = bound(row, 'Floor');
    const ceiling = bound(row, 'Ceiling');
    const weight = numberAt(t, row, 'Weight', issues);
    if (floor === 'bad' || ceiling === 'bad') continue;
    out.push({
      objectiveId,
      floorPpb: Math.max(floor ?? -1e9, -1e9),
      ceilingPpb: ceiling,
      weight: weight !== null && weight >= 0 ? weight : 1,
      loc: t.loc(row, 'Objective ID'),
    });
  }
  return out;
}

export function readScenarioTables(
  grids: WorkbookGrids,
  moneyDecimals: number,
  issues: Issue[],
): { scenarios: Scenario[]; responses: Response[]; allocationLimits: AllocationLimit[] } {
  return {
    scenarios: readScenarios(grids, moneyDecimals, issues),
    responses: readResponses(grids, issues),
    allocationLimits: readAllocationLimits(grids, issues),
  };
}
