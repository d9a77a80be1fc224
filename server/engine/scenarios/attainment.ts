import type { Direction, Result } from '../../../models';

const clamp = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/**
 * How close a value comes to its target, from 0 to 1 (1 = met). Used to rank allocations: unlike a count of
 * targets met, it credits progress toward a target and does not reward pushing a measure just over the line
 * while starving the rest. Null when the measure cannot be judged (no direction or no target).
 */
export function attainment(
  direction: Direction | null,
  r: Pick<Result, 'target' | 'minTarget' | 'maxTarget'>,
  value: number,
  tolerance = 0.01,
): number | null {
  if (direction === null || !Number.isFinite(value)) return null;
  const t = r.target;
  if (direction === 'Within Range' && (r.minTarget !== null || r.maxTarget !== null)) {
    const lo = r.minTarget ?? -Infinity;
    const hi = r.maxTarget ?? Infinity;
    if (value >= lo && value <= hi) return 1;
    const bound = value < lo ? lo : hi;
    return clamp(1 - Math.abs(value - bound) / Math.max(Math.abs(bound), 1e-9));
  }
  if (t === null) return null;
  switch (direction) {
    case 'Increase':
      return value >= t ? 1 : t > 0 ? clamp(value / t) : 0;
    case 'Decrease':
      return value <= t ? 1 : value > 0 ? clamp(t / value) : 0;
    case 'Within Range':
      return clamp(1 - Math.abs(value - t) / Math.max(Math.abs(t), 1e-9));
    case 'Maintain':
      return clamp(
        1 - Math.max(0, Math.abs(value - t) - tolerance * Math.abs(t)) / Math.max(Math.abs(t), 1e-9),
      );
  }
}
