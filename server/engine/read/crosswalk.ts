import type { CostPool, CrosswalkRule, CrosswalkTarget, Driver, Issue, WorkbookGrids } from '../../../models';
import { INPUT_TABLES, PoolMethod, SHARE_SCALE } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { toMinor } from '../money';
import { cellText, parseShare, parseYear } from './cells';
import { poolMethodOf } from './enums';
import { openTable } from './table';
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
    const objective = t.text(row, 'Objective ID');
    const goal = t.text(row, 'Goal ID');
    const pool = t.text(row, 'Cost Pool');
    const named = [objective, goal, pool].filter(Boolean).length;
    let target: CrosswalkTarget | null = null;
    if (named === 0) issues.push(issueAt(MESSAGES.crosswalkNoTarget(), t.loc(row, 'Objective ID')));
    else if (named > 1) issues.push(issueAt(MESSAGES.crosswalkManyTargets(), t.loc(row, 'Objective ID')));
    else if (objective) target = { kind: 'objective', id: objective };
    else if (goal) target = { kind: 'goal', id: goal };
    else target = { kind: 'pool', name: pool };

    const shareLoc = t.loc(row, 'Share');
    const shareValue = t.value(row, 'Share');
    const parsed = parseShare(shareValue);
    if (parsed.kind !== 'ok') {
      issues.push(
        issueAt(
          parsed.kind === 'blank'
            ? MESSAGES.valueRequired('Crosswalk', 'Share')
            : cellProblem(parsed, () => MESSAGES.shareInvalid(cellText(shareValue))),
          shareLoc,
        ),
      );
      continue;
    }
    const { value, percent } = parsed.value;
    if (value.negative) {
      issues.push(issueAt(MESSAGES.shareNegative(cellText(shareValue)), shareLoc));
      continue;
    }
    const yearValue = t.value(row, 'Fiscal Year');
    const year = cellText(yearValue) ? parseYear(yearValue) : null;
    if (cellText(yearValue) && year === null) {
      issues.push(issueAt(yearProblem(yearValue), t.loc(row, 'Fiscal Year')));
      continue;
    }
    // Parts per billion: a percent moves the decimal point two places further.
    const share = toMinor({ ...value, scale: value.scale + (percent ? 2 : 0) }, 9)?.value;
    if (share === undefined) {
      issues.push(issueAt(MESSAGES.shareInvalid(cellText(shareValue)), shareLoc));
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
      share,
      shareLoc,
      year,
      shareAsWholeNumber: !percent && share > SHARE_SCALE,
      basis: t.text(row, 'Basis'),
    });
  }
  return rules;
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
    if (value < 0) {
      issues.push(
        issueAt(MESSAGES.numberInvalid('Driver Value', `${value} (negative)`), t.loc(row, 'Driver Value')),
      );
      continue;
    }
    drivers.push({
      pool,
      target: objective ? { kind: 'objective', id: objective } : { kind: 'pool', name: targetPool },
      value,
      loc,
    });
  }
  return drivers;
}
