import type { AmountType, Issue, Measure, Response, Result } from '../../../models';
import { idKey } from '../../../models';
import type { Computation } from '../compute';
import { measuresInPlanOrder } from '../cost';
import { issueAt, MESSAGES, NOTES } from '../messages';
import { type Bounded, type Bounds, boundsOf, clamp } from './bounds';
import { type Projector, projectorFor } from './responses';
import { withFields } from '../../objects';

/**
 * A measure ready to project, following the contract's "How a measure responds": its base value is its actual
 * in the scenario year, else its latest actual (and then that year's funding is its base funding, so value
 * and funding always come from the same year). A cumulative measure models the year's increment and adds it to
 * the prior year's total. Projections are bounded to what the measure can be.
 */
export interface ModeledMeasure {
  measure: Measure;
  response: Response;
  /** The raw model, on the modeled quantity (the increment, for a cumulative measure). */
  project: Projector;
  /** The measure's value in the base year (for a cumulative measure, its total). */
  baseValue: number;
  baseValueYear: number;
  /** What the model moves: the base value, or for a cumulative measure the base year's increment. */
  modeledBase: number;
  /** Added back to the modeled value: the prior year's total for a cumulative measure, else 0. */
  carried: number;
  /** The Results row for the scenario year, if any (its target judges the projection). */
  target: Result | null;
  bounds: Bounds | null;
  /**
   * The spread of the measure's own year-to-year changes (relative, one standard deviation), from its history
   * when it has at least three actuals; null otherwise.
   */
  variation: number | null;
}

export type NotModeledReason = 'no response' | 'bad expression' | 'no actual' | 'no prior actual';

export interface NotModeled {
  measure: Measure;
  why: NotModeledReason;
  reason: string;
}

/** The modeled value at some funding and elasticity, bounded, in the measure's own terms (totals, not increments). */
export function projectMeasure(
  m: ModeledMeasure,
  inputs: { funding: number; baseFunding: number },
  e: number,
  noise = 0,
): Bounded {
  const raw = m.project(withFields(inputs, { baseValue: m.modeledBase }), e) * (1 + noise);
  if (m.measure.kind === 'Cumulative') {
    // A total that fell in the base year (a cumulative reduction that slipped back) is no stock that cannot
    // shrink: its own history says it can, so its increase is not bounded at zero.
    const increment = m.modeledBase < 0 ? { value: raw, bound: null } : clamp(raw, m.bounds);
    return { value: m.carried + increment.value, bound: increment.bound };
  }
  return clamp(raw, m.bounds);
}

/** One standard deviation of the year-over-year relative changes of a series, from at least three values. */
export function relativeVariation(values: readonly number[]): number | null {
  if (values.length < 3) return null;
  const changes: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const before = values[i - 1] as number;
    if (before !== 0) changes.push(((values[i] as number) - before) / Math.abs(before));
  }
  if (changes.length < 2) return null;
  const mean = changes.reduce((s, x) => s + x, 0) / changes.length;
  const variance = changes.reduce((s, x) => s + (x - mean) ** 2, 0) / (changes.length - 1);
  return Math.sqrt(variance);
}

/**
 * Splits measures into those a scenario can project and those it cannot, saying why for each. A measure without
 * a Responses row, or without any actual to start from, is never guessed.
 */
export function prepareMeasures(
  c: Computation,
  year: number,
  issues: Issue[],
): { modeled: ModeledMeasure[]; notModeled: NotModeled[] } {
  const responses = new Map(c.model.responses.map((r) => [idKey(r.measureId), r]));
  const results = new Map<string, Result[]>();
  for (const r of c.model.results) {
    const k = idKey(r.measureId);
    results.set(k, [...(results.get(k) ?? []), r]);
  }
  const modeled: ModeledMeasure[] = [];
  const notModeled: NotModeled[] = [];
  for (const measure of measuresInPlanOrder(c.model)) {
    const response = responses.get(idKey(measure.id));
    const rows = [...(results.get(idKey(measure.id)) ?? [])].sort((a, b) => a.year - b.year);
    const m = response ? modelMeasure(measure, response, rows, year) : 'no response';
    if (typeof m === 'string') notModeled.push({ measure, why: m, reason: NOTES.notModeled[m] });
    else modeled.push(m);
  }
  const unmodeled = notModeled.filter((n) => n.why === 'no response').length;
  if (unmodeled > 0 && c.model.scenarios.length > 0)
    issues.push(issueAt(MESSAGES.measuresNotModeled(unmodeled), null));
  return { modeled, notModeled };
}

/** One measure ready to project in `year` from its Results rows (by year), or why it cannot be. */
function modelMeasure(
  measure: Measure,
  response: Response,
  rows: readonly Result[],
  year: number,
): ModeledMeasure | NotModeledReason {
  const projector = projectorFor(response);
  // The rules report the formula at its cell (responseExpressionsSafe).
  if (!projector.ok) return 'bad expression';
  const actuals = rows.filter((r) => r.actual !== null);
  const base = actuals.find((r) => r.year === year) ?? actuals[actuals.length - 1];
  if (!base || base.actual === null) return 'no actual';
  const cumulative = measure.kind === 'Cumulative';
  const prior = rows.find((r) => r.year === base.year - 1)?.actual ?? null;
  if (cumulative && prior === null) return 'no prior actual';
  const history = actuals.map((r) => r.actual as number);
  const increments = history.slice(1).map((v, i) => v - (history[i] as number));
  return {
    measure,
    response,
    project: projector.project,
    baseValue: base.actual,
    baseValueYear: base.year,
    modeledBase: cumulative ? base.actual - (prior as number) : base.actual,
    carried: cumulative ? (prior as number) : 0,
    target: rows.find((r) => r.year === year) ?? null,
    bounds: boundsOf(measure, rows),
    variation: history.length >= 3 ? relativeVariation(cumulative ? increments : history) : null,
  };
}

export type Basis = AmountType;
