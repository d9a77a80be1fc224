import type { Result } from '../../models';

/**
 * A measure's own precision, and projections rounded to it. A projection carries the model's arithmetic
 * (114.950082) but the measure is reported at the precision its targets and actuals are written with (114.95;
 * a rate written 0.032, shown as 3.2%, to a tenth of a point: three decimals as a fraction). Printing more
 * would claim an accuracy the measure never had.
 */

/** Beyond this many decimals a measure's values are taken as arithmetic noise (0.1 + 0.2), not precision. */
export const MAX_DECIMALS = 6;

const scaleOf = (decimals: number) => 10 ** decimals;
/** A hair of slack against binary fractions: 0.029 * 1000 is 28.999999999999996, which is 29. */
const SLACK = 1e-9;

/** How many decimals a number is written with: 85 → 0, 0.032 → 3, 114.95 → 2 (at most MAX_DECIMALS). */
export function decimalsOf(value: number): number {
  for (let d = 0; d < MAX_DECIMALS; d++) {
    if (Math.abs(value * scaleOf(d) - Math.round(value * scaleOf(d))) <= SLACK * Math.max(1, Math.abs(value)))
      return d;
  }
  return MAX_DECIMALS;
}

/** The most decimals among a measure's targets (Target, Min, Max) and actuals: its reporting precision. */
export function measureDecimals(results: readonly Result[]): number {
  const values = results.flatMap((r) =>
    [r.target, r.minTarget, r.maxTarget, r.actual].filter((v): v is number => v !== null),
  );
  return values.reduce((d, v) => Math.max(d, decimalsOf(v)), 0);
}

const tidy = (value: number, decimals: number) => Number(value.toFixed(decimals));
const roundDown = (value: number, decimals: number): number =>
  tidy(Math.floor(value * scaleOf(decimals) + SLACK) / scaleOf(decimals), decimals);
const roundUp = (value: number, decimals: number): number =>
  tidy(Math.ceil(value * scaleOf(decimals) - SLACK) / scaleOf(decimals), decimals);

/**
 * Rounds to the nearest value at `decimals`, unless that value would be judged differently from the full one
 * (84.97 against an Increase target of 85 would print 85.0, which reads as met): then to the neighbour on the
 * full value's side (84.9). Where neither neighbour keeps the judgement (a range narrower than the precision),
 * one more decimal is tried, up to MAX_DECIMALS. The result always lies between `value` rounded down and
 * rounded up at `decimals`.
 */
export function roundKeepingJudgement(
  value: number,
  decimals: number,
  sameJudgement: (printed: number) => boolean,
): number {
  for (let d = decimals; d <= MAX_DECIMALS; d++) {
    const down = roundDown(value, d);
    const up = roundUp(value, d);
    const [nearest, other] = value - down < up - value ? [down, up] : [up, down];
    if (sameJudgement(nearest)) return nearest;
    if (sameJudgement(other)) return other;
  }
  return value;
}
