import type { AmountType, Issue, Scenario } from '../../../models';
import { idKey, SHARE_SCALE, UNIT_MULTIPLIER } from '../../../models';
import type { Computation } from '../compute';
import { targetKey } from '../ledger';
import { issueAt, MESSAGES, NOTES } from '../messages';
import { assertSafe, splitLargestRemainder } from '../money';
import { percentOf, seriesOfYear } from './apply';
import type { ModeledMeasure } from './measures';
import { type AllocationPlan, type ObjectiveInput, objectiveValue, planAllocation } from './optimize';
import { withFields } from '../../objects';

/** How a Best Allocation scenario was decided: once, here, and read by every output. */
export interface AllocationDecision {
  /** Realized value (weighted attainment) of the plan and of the across-the-board alternative. */
  bestValue: number;
  proportionalValue: number;
  /** Whether the across-the-board alternative stays within every Floor and Ceiling. */
  proportionalWithinLimits: boolean;
  usedProportional: boolean;
  verdict: string;
}

/** A Best Allocation scenario planned and decided: what the BestAllocation table shows, row by objective. */
export interface BestAllocation extends AllocationPlan {
  /** The total change, in minor units. */
  total: number;
  /** The change each objective takes, by target key (objectives with no change left out). */
  deltas: Map<string, number>;
  decision: AllocationDecision;
  /** By objective, in minor units: the changes used, and the across-the-board alternative. */
  changes: number[];
  proportional: number[];
  /** By objective: weighted attainment under the changes used and under the alternative. */
  values: { best: number[]; proportional: number[] };
  objectives: ObjectiveInput[];
}

/** What planning one Best Allocation row needs to know of the workbook. */
export interface AllocationInputs {
  c: Computation;
  basis: AmountType;
  year: number;
  modeled: readonly ModeledMeasure[];
  baseFundingOf: (m: ModeledMeasure) => number;
  issues: Issue[];
}

/**
 * Plans a Best Allocation scenario and decides it. The plan deals STEPS equal parts of the total to objectives
 * (see planAllocation); here the parts become minor units that sum to the total exactly and keep every objective
 * within its Floor and Ceiling to the cent. The changes apply to objectives' full cost directly (support is not
 * re-spread), so the realized change of each objective is the planned one. The across-the-board alternative
 * (every objective by the same percentage) is used only when it scores higher and stays within the limits.
 */
export function planBest(row: Scenario, inputs: AllocationInputs): BestAllocation {
  const { c, issues } = inputs;
  const { objectives, base } = objectiveInputs(inputs);
  const total = totalChange(row, inputs);
  if (!objectives.some((o) => o.measures.some((m) => m.target)))
    issues.push(issueAt(MESSAGES.allocationNoModel(row.name), row.loc));
  const plan = planAllocation(objectives, toUnits(c, total), UNIT_MULTIPLIER[c.model.settings.units]);
  if (!plan.feasible) issues.push(issueAt(MESSAGES.allocationInfeasible(row.name), row.changeLoc));
  const choice = chooseChanges(c, objectives, base, total, plan);
  const deltas = new Map<string, number>();
  objectives.forEach((o, i) => {
    const change = choice.changes[i] as number;
    if (change !== 0) deltas.set(targetKey('objective', o.objectiveId), change);
  });
  return withFields(plan, { total, deltas, objectives, ...choice });
}

const toUnits = (c: Computation, minor: number) => minor / 10 ** c.model.moneyDecimals;

/** The objectives with funding to move (known, with positive full cost), as the optimiser sees them. */
function objectiveInputs(inputs: AllocationInputs): { objectives: ObjectiveInput[]; base: number[] } {
  const { c, modeled, baseFundingOf } = inputs;
  const fullOf = fullCostOf(inputs);
  const limits = new Map(c.model.allocationLimits.map((l) => [idKey(l.objectiveId), l]));
  const chosen = c.model.objectives.filter((o) => c.known.objectives.has(o.id) && fullOf(o.id) > 0);
  const objectives = chosen.map((o): ObjectiveInput => {
    const measures = modeled.filter((m) => idKey(m.measure.objectiveId) === idKey(o.id));
    return {
      objectiveId: o.id,
      baseFunding: toUnits(c, fullOf(o.id)),
      measures,
      limit: limits.get(idKey(o.id)) ?? null,
      measureBaseFunding: new Map(measures.map((m) => [m.measure.id, toUnits(c, baseFundingOf(m))])),
      tolerance: c.model.settings.maintainTolerance,
    };
  });
  return { objectives, base: chosen.map((o) => fullOf(o.id)) };
}

/** An objective's full cost on the basis in the scenario's year, in minor units. */
function fullCostOf({ c, basis, year }: AllocationInputs): (objectiveId: string) => number {
  const series = seriesOfYear(c, year);
  return (id) => c.support.full.get(basis, series, targetKey('objective', id));
}

/**
 * The total change in minor units. A percent is of all the goals' funding, the base every other output shows
 * (goal-level money and objectives with no positive funding included), though only objectives with funding to
 * move take the change.
 */
function totalChange(row: Scenario, inputs: AllocationInputs): number {
  if (row.change.kind === 'amount') return row.change.minor;
  const { c, basis, year } = inputs;
  const fullOf = fullCostOf(inputs);
  const series = seriesOfYear(c, year);
  let goalsTotal = 0;
  for (const o of c.model.objectives)
    if (c.known.objectives.has(o.id)) goalsTotal = assertSafe(goalsTotal + fullOf(o.id));
  for (const g of c.model.goals)
    goalsTotal = assertSafe(goalsTotal + c.support.full.get(basis, series, targetKey('goal', g.id)));
  return percentOf(goalsTotal, row.change.ppb);
}

/** The plan in minor units within every limit, the across-the-board alternative, and which of them is used. */
function chooseChanges(
  c: Computation,
  objectives: readonly ObjectiveInput[],
  base: readonly number[],
  total: number,
  plan: AllocationPlan,
): Pick<BestAllocation, 'decision' | 'changes' | 'proportional' | 'values'> {
  const rooms = objectives.map((o, i) => roomOf(o, base[i] as number, total));
  const proportional = splitLargestRemainder(total, base);
  const planned = plan.feasible
    ? withinRooms(
        splitLargestRemainder(
          total,
          plan.rows.map((r) => r.steps),
        ),
        rooms,
      )
    : proportional;
  const proportionalWithinLimits = proportional.every((d, i) => Math.abs(d) <= (rooms[i] as number));
  const valueOf = (changes: readonly number[]) =>
    objectives.map((o, i) =>
      objectiveValue(o, toUnits(c, (base[i] as number) + (changes[i] as number)), o.limit?.weight ?? 1),
    );
  const bestValues = valueOf(planned);
  const proportionalValues = valueOf(proportional);
  const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
  const decision = decide(sum(bestValues), sum(proportionalValues), proportionalWithinLimits, plan.feasible);
  return {
    decision,
    changes: decision.usedProportional ? proportional : planned,
    proportional,
    values: {
      best: decision.usedProportional ? proportionalValues : bestValues,
      proportional: proportionalValues,
    },
  };
}

/** How far an objective may move in the direction of the total, in minor units (Infinity when unbounded). */
function roomOf(o: ObjectiveInput, base: number, total: number): number {
  const bound = total >= 0 ? o.limit?.ceilingPpb : (o.limit?.floorPpb ?? -SHARE_SCALE);
  if (bound === null || bound === undefined) return Infinity;
  return Math.floor(Math.abs((bound / SHARE_SCALE) * base));
}

/**
 * Moves any minor unit past an objective's room to objectives with room left, in order, so the changes still sum
 * to the total and every one stays within its limit. Rounding a plan to minor units is the only way a change can
 * pass its room here, so the amounts moved are a few minor units.
 */
function withinRooms(changes: number[], rooms: readonly number[]): number[] {
  const out = [...changes];
  let excess = 0;
  out.forEach((d, i) => {
    const room = rooms[i] as number;
    if (Math.abs(d) > room) {
      excess += d - Math.sign(d) * room;
      out[i] = Math.sign(d) * room;
    }
  });
  for (let i = 0; i < out.length && excess !== 0; i++) {
    const room = (rooms[i] as number) - Math.abs(out[i] as number);
    if (room <= 0) continue;
    const take = Math.sign(excess) * Math.min(Math.abs(excess), room);
    out[i] = (out[i] as number) + take;
    excess -= take;
  }
  return out;
}

/** The one place a Best Allocation verdict is decided. */
function decide(
  bestValue: number,
  proportionalValue: number,
  proportionalWithinLimits: boolean,
  feasible: boolean,
): AllocationDecision {
  const usedProportional = !feasible || (proportionalWithinLimits && proportionalValue > bestValue + 1e-9);
  const gain = bestValue - proportionalValue;
  const verdict = !feasible
    ? NOTES.allocationInfeasible()
    : usedProportional
      ? NOTES.proportionalUsed()
      : !proportionalWithinLimits
        ? NOTES.proportionalBreaksLimits(bestValue)
        : Math.abs(gain) < 5e-5
          ? NOTES.allocationTie()
          : NOTES.allocationGain(gain);
  return { bestValue, proportionalValue, proportionalWithinLimits, usedProportional, verdict };
}
