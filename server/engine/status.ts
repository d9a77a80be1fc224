import type { Direction, Result } from '../../models';
import type { Status } from '../../models';

/** Floating-point values typed as 0.9 compare equal to 0.9 computed; anything further apart is a real difference. */
const EPS = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Status against target, as the contract defines it. Increase: actual ≥ target; Decrease: actual ≤ target;
 * Within Range: Min Target ≤ actual ≤ Max Target (Target alone when no range is given); Maintain: actual within
 * 1% of target. No Direction → Not Judged; no target → No Target; no actual → No Actual.
 */
export function judgeStatus(
  direction: Direction | null,
  r: Pick<Result, 'target' | 'minTarget' | 'maxTarget'>,
  actual: number | null,
): Status {
  if (direction === null) return 'Not Judged';
  const hasRange = r.minTarget !== null || r.maxTarget !== null;
  if (direction === 'Within Range' && hasRange) {
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
      return Math.abs(actual - t) <= 0.01 * Math.abs(t) || near(actual, t) ? 'Met' : 'Not Met';
  }
}
