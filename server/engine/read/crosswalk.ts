import type {
  CellValue,
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
import { withFields } from '../../objects';

/** Object classes compare without their dot: `25.2` and `252` are the same object class. */
export function objectClassKey(oc: string): string {
  return oc.replace(/\./g, '').toUpperCase();
}

/** Grid positions of the Crosswalk's columns (-1 when absent), looked up once for the whole table. */
function crosswalkColumns(t: TableView) {
  return {
    account: t.indexOf('Account'),
    programActivity: t.indexOf('Program Activity'),
    objectClass: t.indexOf('Object Class'),
    objective: t.indexOf('Objective ID'),
    goal: t.indexOf('Goal ID'),
    pool: t.indexOf('Cost Pool'),
    share: t.indexOf('Share'),
    basis: t.indexOf('Basis'),
    year: t.indexOf('Fiscal Year'),
  };
}
type CrosswalkColumns = ReturnType<typeof crosswalkColumns>;

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
  const col = crosswalkColumns(t);
  const shares = new ShareReader(t, col.share);
  const rules: CrosswalkRule[] = [];
  for (let row = 0; row < t.rowCount; row++) {
    if (t.isBlank(row)) continue;
    const rule = ruleAt(t, col, shares, row, rules.length, issues);
    if (rule) rules.push(rule);
  }
  return rules;
}

/** One Crosswalk row as a rule numbered `index`, or null when it cannot be used (said). */
function ruleAt(
  t: TableView,
  col: CrosswalkColumns,
  shares: ShareReader,
  row: number,
  index: number,
  issues: Issue[],
): CrosswalkRule | null {
  const account = t.textAt(row, col.account);
  if (!account) {
    issues.push(issueAt(MESSAGES.valueRequired('Crosswalk', 'Account'), t.loc(row, 'Account')));
    return null;
  }
  const target = targetAt(t, col, row, issues);
  // Account and Share are required columns: their positions are known.
  const shareLoc = t.locAt(row, col.share);
  const share = shares.read(row, shareLoc, issues);
  if (!share) return null;
  const year = optionalYearAt(t, row, col.year, issues);
  if (year === 'bad') return null;
  if (share.ppb === null) {
    issues.push(issueAt(MESSAGES.shareInvalid(share.text), shareLoc));
    return null;
  }
  return {
    index,
    loc: t.locAt(row, col.account),
    account,
    programActivity: t.textAt(row, col.programActivity),
    objectClass: t.textAt(row, col.objectClass),
    // A row with no readable target keeps its share as Unmapped (pool named '' never exists).
    target: target ?? { kind: 'pool', name: '' },
    share: share.ppb,
    shareLoc,
    year,
    shareAsWholeNumber: share.wholeNumber,
    basis: t.textAt(row, col.basis),
  };
}

/** The one target a Crosswalk row names (an objective, a goal or a cost pool), or null when it names none or several. */
function targetAt(t: TableView, col: CrosswalkColumns, row: number, issues: Issue[]): CrosswalkTarget | null {
  const objective = t.textAt(row, col.objective);
  const goal = t.textAt(row, col.goal);
  const pool = t.textAt(row, col.pool);
  const named = (objective ? 1 : 0) + (goal ? 1 : 0) + (pool ? 1 : 0);
  if (named !== 1) {
    const msg = named === 0 ? MESSAGES.crosswalkNoTarget() : MESSAGES.crosswalkManyTargets();
    issues.push(issueAt(msg, t.loc(row, 'Objective ID')));
    return null;
  }
  if (objective) return { kind: 'objective', id: objective };
  return goal ? { kind: 'goal', id: goal } : { kind: 'pool', name: pool };
}

/** A Share as read: parts per billion (null when past the exact range), whether typed as a percent, its text. */
interface ShareRead {
  ppb: number | null;
  percent: boolean;
  text: string;
  /** Over 1 and not typed as a percent: `40` where `40%` or 0.4 was meant (see `CrosswalkRule`). */
  wholeNumber: boolean;
}

/**
 * Reads the Share column. A Crosswalk repeats a few shares (`100%`, `50%`, 0.25) over thousands of rows, so each
 * distinct text or number is parsed once: a share that reads cleanly is remembered by its cell value (the result
 * depends on nothing else), and any other is read, and reported at its own cell, afresh.
 */
class ShareReader {
  private readonly known = new Map<string | number, ShareRead>();

  constructor(
    private readonly t: TableView,
    private readonly column: number,
  ) {}

  /** The row's Share, or null when it is blank, unreadable or negative (said at `loc`). */
  read(row: number, loc: Loc, issues: Issue[]): ShareRead | null {
    const cell = this.column < 0 ? null : (this.t.grid.rows[row]?.[this.column] ?? null);
    const memo = typeof cell === 'string' || typeof cell === 'number';
    const known = memo ? this.known.get(cell) : undefined;
    if (known) return known;
    const share = shareAt(cell, loc, issues);
    if (!share) return null;
    // Parts per billion: a percent moves the decimal point two places further.
    const scale = share.value.scale + (share.percent ? 2 : 0);
    const ppb = toMinor(withFields(share.value, { scale }), 9)?.value ?? null;
    const wholeNumber = !share.percent && ppb !== null && ppb > SHARE_SCALE;
    const read = { ppb, percent: share.percent, text: share.text, wholeNumber };
    if (memo && ppb !== null) this.known.set(cell, read);
    return read;
  }
}

/** A Share cell as written (a decimal, and whether it is a percent), or null when it is blank, unreadable or negative (said). */
function shareAt(
  cell: CellValue,
  loc: Loc,
  issues: Issue[],
): { value: Decimal; percent: boolean; text: string } | null {
  const text = cellText(cell);
  const parsed = parseShare(cell);
  if (parsed.kind === 'ok' && !parsed.value.value.negative) return withFields(parsed.value, { text });
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
function optionalYearAt(t: TableView, row: number, index: number, issues: Issue[]): number | null | 'bad' {
  const value = t.valueAt(row, index);
  if (value === null || !cellText(value)) return null;
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
