import type { AllocationLimit } from '../../../models';
import { SHARE_SCALE } from '../../../models';
import { attainment } from './attainment';
import { type ModeledMeasure, projectMeasure } from './measures';
import { centralElasticity } from './responses';

/**
 * Best allocation of a total change across objectives. The objective maximised is the weighted attainment:
 * for each measure with a response and a target, how close its projected value comes to the target (0 to 1,
 * 1 when met), times the objective's weight. Attainment is chosen over a count of targets met because it is
 * smooth (every dollar's effect shows), credits progress, and does not reward pushing one measure just over its
 * line while starving the rest; the count of targets met is reported beside it.
 *
 * The change is cut into STEPS equal parts and dealt to objectives by dynamic programming, which is exact for
 * that grid whatever the shape of the response curves (a greedy method is only right for concave ones). An
 * increase is only added and a cut only taken: Ceiling bounds how much an objective may gain, Floor how deep it
 * may be cut, both as a share of its base funding.
 */

export const STEPS = 100;

export interface ObjectiveInput {
  objectiveId: string;
  /** Base full cost in the scenario's year, in Units. */
  baseFunding: number;
  measures: ModeledMeasure[];
  limit: AllocationLimit | null;
  /** Each measure's own base funding (the year of its base value), in Units, by measure ID. */
  measureBaseFunding: ReadonlyMap<string, number>;
  /** Maintain Tolerance, for attainment. */
  tolerance: number;
}

export interface AllocationPlan {
  /** Per objective: the steps the plan gives it, and the value of one more step. */
  rows: {
    objectiveId: string;
    /** Steps of the total (of STEPS) the plan gives this objective. */
    steps: number;
    marginalPerMillion: number | null;
    maxSteps: number;
  }[];
  feasible: boolean;
}

/** The weighted attainment of one objective's measures at a funding level (in Units). */
export function objectiveValue(o: ObjectiveInput, funding: number, weight: number): number {
  let v = 0;
  for (const m of o.measures) {
    if (!m.target) continue;
    const base = o.measureBaseFunding.get(m.measure.id) ?? o.baseFunding;
    const projected = projectMeasure(m, { funding, baseFunding: base }, centralElasticity(m.response)).value;
    const a = attainment(m.measure.direction, m.target, projected, o.tolerance);
    if (a !== null) v += weight * a;
  }
  return v;
}

export function planAllocation(
  objectives: ObjectiveInput[],
  total: number,
  unitsToDollars: number,
): AllocationPlan {
  const unit = total / STEPS;
  const sign = Math.sign(total) || 1;
  const maxSteps = objectives.map((o) => maxStepsOf(o, unit, sign));
  const value = (i: number, k: number) => {
    const o = objectives[i] as ObjectiveInput;
    return objectiveValue(o, o.baseFunding + k * unit, o.limit?.weight ?? 1);
  };
  const feasible = maxSteps.reduce((s, m) => s + m, 0) >= STEPS;
  const steps =
    feasible && objectives.length > 0
      ? dealSteps(
          objectives.map((_, i) =>
            Array.from({ length: (maxSteps[i] as number) + 1 }, (__, k) => value(i, k)),
          ),
        )
      : null;
  const dollarsPerStep = Math.abs(unit) * unitsToDollars;
  return {
    rows: objectives.map((o, i) => {
      const k = steps?.[i] ?? 0;
      const marginal =
        steps && dollarsPerStep > 0 ? ((value(i, k + 1) - value(i, k)) / dollarsPerStep) * 1e6 * sign : null;
      return {
        objectiveId: o.objectiveId,
        steps: k,
        marginalPerMillion: marginal,
        maxSteps: maxSteps[i] as number,
      };
    }),
    feasible,
  };
}

/** How many steps of the total an objective may take before its Ceiling (or, for a cut, its Floor) stops it. */
function maxStepsOf(o: ObjectiveInput, unit: number, sign: number): number {
  const bound = sign > 0 ? o.limit?.ceilingPpb : (o.limit?.floorPpb ?? -SHARE_SCALE);
  if (bound === null || bound === undefined) return STEPS;
  const room = Math.abs((bound / SHARE_SCALE) * o.baseFunding);
  return Math.max(0, Math.min(STEPS, Math.floor(room / Math.abs(unit) + 1e-9)));
}

/**
 * Deals exactly STEPS steps to objectives for the most value, by dynamic programming. `values[i][k]` is the
 * value of giving objective i k steps (its length bounds how many it may take); returns the steps each gets.
 */
function dealSteps(values: readonly (readonly number[])[]): number[] {
  // next[s]: the most value from objectives i+1.. using exactly s steps; choice[i][s]: steps given to i.
  let next = new Float64Array(STEPS + 1).fill(-Infinity);
  next[0] = 0;
  const choice: Int16Array[] = [];
  for (let i = values.length - 1; i >= 0; i--) {
    const cur = new Float64Array(STEPS + 1).fill(-Infinity);
    const pick = new Int16Array(STEPS + 1);
    const row = values[i] as readonly number[];
    for (let s = 0; s <= STEPS; s++) {
      for (let k = 0; k <= Math.min(s, row.length - 1); k++) {
        const v = (row[k] as number) + (next[s - k] as number);
        if (v > (cur[s] as number) + 1e-12) {
          cur[s] = v;
          pick[s] = k;
        }
      }
    }
    choice[i] = pick;
    next = cur;
  }
  const steps: number[] = [];
  for (let i = 0, s = STEPS; i < values.length; i++) {
    const k = (choice[i] as Int16Array)[s] as number;
    steps.push(k);
    s -= k;
  }
  return steps;
}
