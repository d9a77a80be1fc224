import type { Direction, Result, Status } from '../../models';

/** Floating-point values typed as 0.9 compare equal to 0.9 computed; anything further apart is a real difference. */
const EPS = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

/** The contract's default for the Maintain Tolerance setting: within 1% of target. */
export const DEFAULT_MAINTAIN_TOLERANCE = 0.01;

type Targets = Pick<Result, 'target' | 'minTarget' | 'maxTarget'>;

const hasRange = (r: Targets) => r.minTarget !== null || r.maxTarget !== null;

/**
 * Whether a value meets its target, as the contract defines it. Increase: actual ≥ target; Decrease: actual ≤
 * target; Within Range: Min Target ≤ actual ≤ Max Target (Target alone when no range is given); Maintain: actual
 * within `tolerance` (a fraction of the target, from the Maintain Tolerance setting) of target. No Direction →
 * Not Judged; no target → No Target; no value → No Actual. Scenarios judge projected values with this too, so it
 * never says Improved or Pending: those describe reported results (see `statusOf`).
 */
export function judgeStatus(
  direction: Direction | null,
  r: Targets,
  actual: number | null,
  tolerance: number,
): Status {
  if (direction === null) return 'Not Judged';
  if (direction === 'Within Range' && hasRange(r)) {
    if (actual === null) return 'No Actual';
    const lo = r.minTarget ?? -Infinity;
    const hi = r.maxTarget ?? Infinity;
    return (actual > lo || near(actual, lo)) && (actual < hi || near(actual, hi)) ? 'Met' : 'Not Met';
  }
  if (r.target === null) return 'No Target';
  if (actual === null) return 'No Actual';
  const t = r.target;
  switch (direction) {
    case 'Increase':
      return actual > t || near(actual, t) ? 'Met' : 'Not Met';
    case 'Decrease':
      return actual < t || near(actual, t) ? 'Met' : 'Not Met';
    case 'Within Range':
      return near(actual, t) ? 'Met' : 'Not Met';
    case 'Maintain':
      return Math.abs(actual - t) <= tolerance * Math.abs(t) || near(actual, t) ? 'Met' : 'Not Met';
  }
}

/** How far a value is from meeting this year's target, in the measure's own units (0 = met). */
function shortfall(direction: Direction, r: Targets, value: number): number {
  if (direction === 'Within Range' && hasRange(r)) {
    const lo = r.minTarget ?? -Infinity;
    const hi = r.maxTarget ?? Infinity;
    return value < lo ? lo - value : value > hi ? value - hi : 0;
  }
  const t = r.target as number;
  switch (direction) {
    case 'Increase':
      return Math.max(0, t - value);
    case 'Decrease':
      return Math.max(0, value - t);
    case 'Within Range':
    case 'Maintain':
      return Math.abs(value - t);
  }
}

export interface StatusContext {
  /**
   * The latest fiscal year with any actual in the whole workbook; null when no result has one. Per workbook,
   * not per measure: results are reported for a year all at once, so a year after it is not yet due for anyone
   * (Pending), while a year up to it that has a target and no actual is a result that was due and is missing
   * (No Actual), even for a measure whose own last actual is older.
   */
  latestActualYear: number | null;
  /** The Maintain Tolerance setting, as a fraction of the target. */
  tolerance: number;
}

/**
 * A reported result's status: `judgeStatus`, and also Improved (not met, but closer to this year's target than
 * the prior year's actual was, i.e. better in the desired direction) and Pending (a target for a year whose
 * results are not yet due). `priorActual` is the measure's actual for the fiscal year before, or null.
 */
export function statusOf(
  direction: Direction | null,
  r: Targets & Pick<Result, 'year' | 'actual'>,
  priorActual: number | null,
  ctx: StatusContext,
): Status {
  const status = judgeStatus(direction, r, r.actual, ctx.tolerance);
  if (status === 'No Actual')
    return ctx.latestActualYear === null || r.year > ctx.latestActualYear ? 'Pending' : 'No Actual';
  if (status === 'Not Met' && direction !== null && priorActual !== null && r.actual !== null) {
    const now = shortfall(direction, r, r.actual);
    const before = shortfall(direction, r, priorActual);
    if (now < before && !near(now, before)) return 'Improved';
  }
  return status;
}

/** The latest fiscal year with any actual among these results (see `StatusContext.latestActualYear`). */
export function latestActualYear(results: readonly Pick<Result, 'year' | 'actual'>[]): number | null {
  let latest: number | null = null;
  for (const r of results) if (r.actual !== null && (latest === null || r.year > latest)) latest = r.year;
  return latest;
}

/** Statuses that count as a target not met (Improved is a miss that got better). */
export const isMiss = (s: Status): boolean => s === 'Not Met' || s === 'Improved';
