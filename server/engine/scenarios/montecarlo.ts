/**
 * Seeded Monte Carlo for a projection's uncertainty, from two sources: the elasticity e, drawn from a triangular
 * distribution on the response's [Low, High] with its mode at the central elasticity; and the measure's own
 * year-to-year variation (from its history), drawn as a normal relative change with that standard deviation.
 * So a measure whose funding does not change still has a band when its results vary from year to year. Each
 * (scenario, measure) pair gets its own stream, seeded from MONTE_CARLO_SEED and the pair's names, so results
 * do not depend on row order and are the same on every run and machine. The band is the 5th to 95th percentile.
 */

export const MONTE_CARLO_SEED = 20_181_001;
export const MONTE_CARLO_DRAWS = 2_000;
export const BAND_PERCENTILES = [5, 95] as const;

/** FNV-1a, to turn names into a seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast, well-mixed; plenty for a few thousand draws. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high === low) return low;
  const c = (mode - low) / (high - low);
  return u < c
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

function percentile(sorted: number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (rank - lo);
}

export interface Band {
  low: number;
  high: number;
  /** Share of draws that meet the target; null when there is no target to meet. */
  pMeets: number | null;
}

/** A standard normal draw from two uniform ones (Box–Muller). */
export function normal(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(Math.max(u1, Number.MIN_VALUE))) * Math.cos(2 * Math.PI * u2);
}

export interface Uncertainty {
  /** The elasticity's range and mode, or null when it is certain. */
  range: { low: number; mode: number; high: number } | null;
  /** One standard deviation of the measure's relative year-to-year change, or null when unknown. */
  variation: number | null;
}

export function simulate(
  key: string,
  u: Uncertainty,
  value: (e: number, noise: number) => number,
  meets: ((v: number) => boolean) | null,
): Band | null {
  const { range, variation } = u;
  if (!range && !variation) return null;
  const next = rng(MONTE_CARLO_SEED ^ hash(key));
  const mode = range ? Math.min(Math.max(range.mode, range.low), range.high) : 0;
  const values: number[] = [];
  let met = 0;
  for (let i = 0; i < MONTE_CARLO_DRAWS; i++) {
    const e = range ? triangular(next(), range.low, mode, range.high) : Number.NaN;
    const noise = variation ? variation * normal(next(), next()) : 0;
    const v = value(e, noise);
    if (!Number.isFinite(v)) continue;
    values.push(v);
    if (meets?.(v)) met += 1;
  }
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  return {
    low: percentile(values, BAND_PERCENTILES[0]),
    high: percentile(values, BAND_PERCENTILES[1]),
    pMeets: meets ? met / values.length : null,
  };
}
