import type {
  CostPool,
  CrosswalkRule,
  CrosswalkTarget,
  Driver,
  Issue,
  Loc,
  WorkbookGrids,
} from '../../../models';
import { INPUT_TABLES, PoolMethod, SHARE_SCALE } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { type Decimal, toMinor } from '../money';
import { cellText, parseShare, parseYear } from './cells';
import { poolMethodOf } from './enums';
import { openTable, type TableView } from './table';
import { cellProblem, choiceAt, numberAt, yearProblem } from './values';

/** Object classes compare without their dot: `25.2` and `252` are the same object class. */
export function objectClassKey(oc: string): string {
  return oc.replace(/\./g, '').toUpperCase();
}

/**
 * Crosswalk rows. A row whose target cannot be read keeps its share but targets nothing, so that share is
 * counted as Unmapped: the line still ties out, and the error says why.
 */
export function readCrosswalk(grids: WorkbookGrids, issues: Issue[]): CrosswalkRule[] {
  const t = openTable(grids, INPUT_TABLES.Crosswalk, issues);
  if (!t || !t.requireColumns()) return [];
  if (!t.has('Objective ID') && !t.has('Goal ID') && !t.has('Cost Pool')) {
    t.requireColumns(['Objective ID']);
    return [];
  }
  const rules: CrosswalkRule[] = [];
  for (const row of t.dataRows()) {
    const account = t.text(row, 'Account');
    if (!account) {
      issues.push(issueAt(MESSAGES.valueRequired('Crosswalk', 'Account'), t.loc(row, 'Account')));
      continue;
    }
    const target = targetAt(t, row, issues);
    const share = shareAt(t, row, issues);
    if (!share) continue;
    const year = optionalYearAt(t, row, issues);
    if (year === 'bad') continue;
    // Parts per billion: a percent moves the decimal point two places further.
    const ppb = toMinor({ ...share.value, scale: share.value.scale + (share.percent ? 2 : 0) }, 9)?.value;
    if (ppb === undefined) {
      issues.push(issueAt(MESSAGES.shareInvalid(share.text), share.loc));
      continue;
    }
    rules.push({
      index: rules.length,
      loc: t.loc(row, 'Account'),
      account,
      programActivity: t.text(row, 'Program Activity'),
      objectClass: t.text(row, 'Object Class'),
      // A row with no readable target keeps its share as Unmapped (pool named '' never exists).
      target: target ?? { kind: 'pool', name: '' },
      share: ppb,
      shareLoc: share.loc,
      year,
      shareAsWholeNumber: !share.percent && ppb > SHARE_SCALE,
      basis: t.text(row, 'Basis'),
    });
  }
  return rules;
}

/** The one target a Crosswalk row names (an objective, a goal or a cost pool), or null when it names none or several. */
function targetAt(t: TableView, row: number, issues: Issue[]): CrosswalkTarget | null {
  const objective = t.text(row, 'Objective ID');
  const goal = t.text(row, 'Goal ID');
  const pool = t.text(row, 'Cost Pool');
  const named = [objective, goal, pool].filter(Boolean).length;
  if (named !== 1) {
    const msg = named === 0 ? MESSAGES.crosswalkNoTarget() : MESSAGES.crosswalkManyTargets();
    issues.push(issueAt(msg, t.loc(row, 'Objective ID')));
    return null;
  }
  if (objective) return { kind: 'objective', id: objective };
  return goal ? { kind: 'goal', id: goal } : { kind: 'pool', name: pool };
}

/** A row's Share as written (a decimal, and whether it is a percent), or null when it is blank, unreadable or negative (said). */
function shareAt(
  t: TableView,
  row: number,
  issues: Issue[],
): { value: Decimal; percent: boolean; text: string; loc: Loc } | null {
  const loc = t.loc(row, 'Share');
  const cell = t.value(row, 'Share');
  const text = cellText(cell);
  const parsed = parseShare(cell);
  if (parsed.kind === 'ok' && !parsed.value.value.negative) return { ...parsed.value, text, loc };
  const problem =
    parsed.kind === 'blank'
      ? MESSAGES.valueRequired('Crosswalk', 'Share')
      : parsed.kind === 'bad'
        ? cellProblem(parsed, () => MESSAGES.shareInvalid(text))
        : MESSAGES.shareNegative(text);
  issues.push(issueAt(problem, loc));
  return null;
}

/** The row's Fiscal Year when one is given (null for every year), or 'bad' when it holds no year (said). */
function optionalYearAt(t: TableView, row: number, issues: Issue[]): number | null | 'bad' {
  const value = t.value(row, 'Fiscal Year');
  if (!cellText(value)) return null;
  const year = parseYear(value);
  if (year !== null) return year;
  issues.push(issueAt(yearProblem(value), t.loc(row, 'Fiscal Year')));
  return 'bad';
}

export function readCostPools(grids: WorkbookGrids, issues: Issue[]): CostPool[] {
  const t = openTable(grids, INPUT_TABLES.CostPools, issues);
  if (!t || !t.requireColumns()) return [];
  const pools: CostPool[] = [];
  for (const row of t.dataRows()) {
    const name = t.text(row, 'Cost Pool');
    const loc = t.loc(row, 'Cost Pool');
    if (!name) {
      issues.push(issueAt(MESSAGES.valueRequired('Cost Pools', 'Cost Pool'), loc));
      continue;
    }
    const method =
      choiceAt(t, row, 'Method', poolMethodOf, PoolMethod.options, 'Direct Cost', issues) ?? 'Direct Cost';
    pools.push({ name, method, order: numberAt(t, row, 'Order', issues), loc });
  }
  return pools;
}

export function readDrivers(grids: WorkbookGrids, issues: Issue[]): Driver[] {
  const t = openTable(grids, INPUT_TABLES.Drivers, issues);
  if (!t || !t.requireColumns()) return [];
  const drivers: Driver[] = [];
  for (const row of t.dataRows()) {
    const pool = t.text(row, 'Cost Pool');
    const objective = t.text(row, 'Objective ID');
    const targetPool = t.text(row, 'Target Pool');
    const loc = t.loc(row, 'Cost Pool');
    if (!pool) {
      issues.push(issueAt(MESSAGES.valueRequired('Drivers', 'Cost Pool'), loc));
      continue;
    }
    if (!objective === !targetPool) {
      issues.push(
        issueAt(
          MESSAGES.valueRequired('Drivers', 'Objective ID or Target Pool (one of them)'),
          t.loc(row, 'Objective ID'),
        ),
      );
      continue;
    }
    const value = numberAt(t, row, 'Driver Value', issues);
    if (value === null) {
      if (!t.text(row, 'Driver Value'))
        issues.push(issueAt(MESSAGES.valueRequired('Drivers', 'Driver Value'), t.loc(row, 'Driver Value')));
      continue;
    }
    drivers.push({
      pool,
      target: objective ? { kind: 'objective', id: objective } : { kind: 'pool', name: targetPool },
      value,
      loc,
      valueLoc: t.loc(row, 'Driver Value'),
    });
  }
  return drivers;
}
