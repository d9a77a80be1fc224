import type { AllocationLimit } from '../../../models';
import { SHARE_SCALE } from '../../../models';
import { attainment } from './attainment';
import { centralElasticity } from './responses';
import type { ModeledMeasure } from './measures';

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
  /** Base full cost, in Units. */
  baseFunding: number;
  measures: ModeledMeasure[];
  limit: AllocationLimit | null;
}

export interface AllocationPlan {
  /** Per objective: change in Units (not yet rounded to minor units), value at best and at proportional. */
  rows: {
    objectiveId: string;
    bestChange: number;
    proportionalChange: number;
    marginalPerMillion: number | null;
    maxSteps: number;
  }[];
  bestValue: number;
  proportionalValue: number;
  usedProportional: boolean;
  feasible: boolean;
}

/** The weighted attainment of one objective's measures at a funding level (in Units). */
export function objectiveValue(o: ObjectiveInput, funding: number, weight: number): number {
  let v = 0;
  for (const m of o.measures) {
    if (!m.target) continue;
    const projected = m.project(
      { funding, baseFunding: o.baseFunding, baseValue: m.baseValue },
      centralElasticity(m.response),
    );
    const a = attainment(m.measure.direction, m.target, projected);
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
  const weight = (o: ObjectiveInput) => o.limit?.weight ?? 1;
  const maxSteps = objectives.map((o) => {
    const bound = sign > 0 ? o.limit?.ceilingPpb : (o.limit?.floorPpb ?? -SHARE_SCALE);
    if (bound === null || bound === undefined) return STEPS;
    const room = Math.abs((bound / SHARE_SCALE) * o.baseFunding);
    return Math.max(0, Math.min(STEPS, Math.floor(room / Math.abs(unit) + 1e-9)));
  });
  const value = (i: number, k: number) => {
    const o = objectives[i] as ObjectiveInput;
    return objectiveValue(o, o.baseFunding + k * unit, weight(o));
  };
  const n = objectives.length;
  const baseValues = objectives.map((_, i) => value(i, 0));
  const proportional = proportionalChanges(objectives, total);
  const proportionalValue = objectives.reduce(
    (s, o, i) => s + objectiveValue(o, o.baseFunding + (proportional[i] as number), weight(o)),
    0,
  );
  const feasible = maxSteps.reduce((s, m) => s + m, 0) >= STEPS;
  if (!feasible || n === 0) {
    return {
      rows: objectives.map((o, i) => ({
        objectiveId: o.objectiveId,
        bestChange: 0,
        proportionalChange: proportional[i] as number,
        marginalPerMillion: null,
        maxSteps: maxSteps[i] as number,
      })),
      bestValue: baseValues.reduce((s, v) => s + v, 0),
      proportionalValue,
      usedProportional: false,
      feasible,
    };
  }
  // best[i][s]: the most value from objectives i.. using exactly s steps; choice[i][s]: steps given to i.
  const table = objectives.map((_, i) =>
    Array.from({ length: (maxSteps[i] as number) + 1 }, (__, k) => value(i, k)),
  );
  let next = new Float64Array(STEPS + 1).fill(-Infinity);
  next[0] = 0;
  const choice: Int16Array[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const cur = new Float64Array(STEPS + 1).fill(-Infinity);
    const pick = new Int16Array(STEPS + 1);
    const row = table[i] as number[];
    for (let s = 0; s <= STEPS; s++) {
      for (let k = 0; k <= Math.min(s, maxSteps[i] as number); k++) {
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
  const bestValue = next[STEPS] as number;
  const steps: number[] = [];
  for (let i = 0, s = STEPS; i < n; i++) {
    const k = (choice[i] as Int16Array)[s] as number;
    steps.push(k);
    s -= k;
  }
  const usedProportional = proportionalValue > bestValue + 1e-9;
  const dollarsPerStep = Math.abs(unit) * unitsToDollars;
  return {
    rows: objectives.map((o, i) => {
      const k = steps[i] as number;
      const marginal =
        dollarsPerStep > 0 ? ((value(i, k + sign) - value(i, k)) / dollarsPerStep) * 1e6 : null;
      return {
        objectiveId: o.objectiveId,
        bestChange: usedProportional ? (proportional[i] as number) : k * unit,
        proportionalChange: proportional[i] as number,
        marginalPerMillion: marginal,
        maxSteps: maxSteps[i] as number,
      };
    }),
    bestValue: usedProportional ? proportionalValue : bestValue,
    proportionalValue,
    usedProportional,
    feasible,
  };
}

/** Across-the-board: every objective changes by the same percentage of its base funding. */
export function proportionalChanges(objectives: ObjectiveInput[], total: number): number[] {
  const base = objectives.reduce((s, o) => s + o.baseFunding, 0);
  return objectives.map((o) =>
    base > 0 ? (total * o.baseFunding) / base : total / Math.max(1, objectives.length),
  );
}
