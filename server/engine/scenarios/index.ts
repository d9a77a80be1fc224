import type { AmountType, Issue, Scenario, Status } from '../../../models';
import { idKey, UNIT_MULTIPLIER } from '../../../models';
import type { Computation } from '../compute';
import { measuresInPlanOrder } from '../cost';
import { targetKey } from '../ledger';
import { issueAt, MESSAGES } from '../messages';
import { assertSafe, splitLargestRemainder } from '../money';
import { judgeStatus } from '../status';
import {
  deltasFromRows,
  type Deltas,
  fundScenario,
  percentOf,
  type ScenarioFunding,
  seriesOfYear,
} from './apply';
import { type ModeledMeasure, type NotModeled, prepareMeasures, projectMeasure } from './measures';
import { type Band, simulate } from './montecarlo';
import { type ObjectiveInput, objectiveValue, planAllocation, STEPS } from './optimize';
import { centralElasticity, fundingForTarget } from './responses';

export interface Projection {
  scenario: string;
  modeled: ModeledMeasure | null;
  notModeled: NotModeled | null;
  objectiveId: string;
  /** Full cost in minor units. */
  baseFunding: number;
  scenarioFunding: number;
  projected: number | null;
  band: Band | null;
  meets: Status | 'Not Modeled';
  notes: string[];
}

export interface ScenarioOutcome {
  name: string;
  year: number;
  kind: 'changes' | 'best allocation';
  rows: Scenario[];
  funding: ScenarioFunding;
  projections: Projection[];
  allocation: ReturnType<typeof planBest> | null;
}

export interface GoalSeekRow {
  modeled: ModeledMeasure;
  year: number;
  target: number;
  baseFunding: number;
  /** Minor units; null when the target cannot be reached under the model. */
  fundingNeeded: number | null;
  note: string;
}

export interface ScenarioRun {
  basis: AmountType;
  baseYear: number;
  outcomes: ScenarioOutcome[];
  goalSeek: GoalSeekRow[];
  /** Baseline full cost by target key in a fiscal year's series (minor units). */
  baseline: (key: string, year: number) => number;
  notModeled: NotModeled[];
  modeled: ModeledMeasure[];
  issues: Issue[];
}

/** Runs every named scenario (rows with the same Scenario name are one scenario) and the goal seek. */
export function runScenarios(c: Computation): ScenarioRun | null {
  if (c.model.scenarios.length === 0 && c.model.responses.length === 0) return null;
  const issues: Issue[] = [];
  const basis = c.cost.basis;
  if (!basis || c.baseYear === null) {
    issues.push(issueAt(MESSAGES.scenarioNoBasis(), null));
    return {
      basis: 'Budget Authority',
      baseYear: 0,
      outcomes: [],
      goalSeek: [],
      baseline: () => 0,
      notModeled: [],
      modeled: [],
      issues,
    };
  }
  const baseYear = c.baseYear;
  const toUnits = (minor: number) => minor / 10 ** c.model.moneyDecimals;
  const tolerance = c.model.settings.maintainTolerance;
  const baseline = (key: string, year: number) => c.support.full.get(basis, seriesOfYear(c, year), key);
  const byName = new Map<string, Scenario[]>();
  for (const s of c.model.scenarios) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);

  const prepared = new Map<number, ReturnType<typeof prepareMeasures>>();
  const measuresFor = (year: number) => {
    if (!prepared.has(year)) prepared.set(year, prepareMeasures(c, year, prepared.size === 0 ? issues : []));
    return prepared.get(year) as ReturnType<typeof prepareMeasures>;
  };
  const base = measuresFor(baseYear);
  /** A measure's base funding: its objective's funding in the year of its base value. */
  const baseFundingOf = (m: ModeledMeasure) =>
    baseline(targetKey('objective', m.measure.objectiveId), m.baseValueYear);

  const order = new Map(measuresInPlanOrder(c.model).map((m, i) => [m.id, i]));
  const outcomes: ScenarioOutcome[] = [];
  for (const [name, rows] of byName) {
    const year = rows[0]?.year ?? baseYear;
    const { modeled, notModeled } = measuresFor(year);
    const best = rows.find((r) => r.scope === 'Best Allocation');
    let deltas: Deltas;
    let allocation: ScenarioOutcome['allocation'] = null;
    if (best) {
      const planned = planBest(c, best, basis, year, modeled, baseFundingOf, issues);
      deltas = { lines: new Map(), targets: planned.deltas };
      allocation = planned;
    } else {
      deltas = deltasFromRows(c, rows, basis, year, issues);
    }
    const funding = fundScenario(c, deltas, basis, year);
    if (!funding) {
      // Its sums passed the exact range: this scenario is reported and left out; the others are computed.
      issues.push(issueAt(MESSAGES.scenarioOutOfRange(name), rows[0]?.loc ?? null));
      continue;
    }
    const projections: Projection[] = [];
    for (const m of modeled) {
      const key = targetKey('objective', m.measure.objectiveId);
      const bf = baseFundingOf(m);
      const f = funding.full(key);
      projections.push(project(name, m, year, baseline(key, year), bf, f, tolerance, toUnits));
    }
    for (const n of notModeled) {
      const key = targetKey('objective', n.measure.objectiveId);
      projections.push({
        scenario: name,
        modeled: null,
        notModeled: n,
        objectiveId: n.measure.objectiveId,
        baseFunding: baseline(key, year),
        scenarioFunding: funding.full(key),
        projected: null,
        band: null,
        meets: 'Not Modeled',
        notes: [n.reason],
      });
    }
    const rank = (p: Projection) =>
      order.get((p.modeled?.measure ?? p.notModeled?.measure)?.id ?? '') ?? Infinity;
    projections.sort((a, b) => rank(a) - rank(b));
    outcomes.push({
      name,
      year,
      kind: best ? 'best allocation' : 'changes',
      rows,
      funding,
      projections,
      allocation,
    });
  }

  const goalSeek: GoalSeekRow[] = [];
  for (const m of base.modeled) {
    const row = goalSeekFor(c, m, baseYear, baseFundingOf(m), tolerance, toUnits);
    if (row) goalSeek.push(row);
  }
  return {
    basis,
    baseYear,
    outcomes,
    goalSeek,
    baseline,
    notModeled: base.notModeled,
    modeled: base.modeled,
    issues,
  };
}

/** One measure under one scenario: the bounded projection, its band, and whether it meets its target. */
function project(
  scenario: string,
  m: ModeledMeasure,
  year: number,
  yearBase: number,
  bf: number,
  f: number,
  tolerance: number,
  toUnits: (minor: number) => number,
): Projection {
  const notes: string[] = [];
  if (m.baseValueYear !== year)
    notes.push(
      `No FY${year} actual: the base is the latest actual, FY${m.baseValueYear}, with FY${m.baseValueYear} funding.`,
    );
  if (m.measure.kind === 'Cumulative')
    notes.push(
      `Cumulative: the model moves the year's increase (${round(m.modeledBase)}) and adds it to the prior year's total (${round(m.carried)}).`,
    );
  let projected: number | null = null;
  let band: Band | null = null;
  if (bf <= 0)
    notes.push('Base funding is zero or negative, so funding ratios are undefined; not projected.');
  else {
    const inputs = { funding: toUnits(f), baseFunding: toUnits(bf) };
    const e = centralElasticity(m.response);
    const p = projectMeasure(m, inputs, e);
    projected = Number.isFinite(p.value) ? p.value : null;
    if (projected === null) notes.push('The model gives no finite value at this funding.');
    else if (p.bound) notes.push(`Bounded: ${p.bound}.`);
    const r = m.response;
    const range =
      r.low !== null && r.high !== null && r.model !== 'Fixed' ? { low: r.low, mode: e, high: r.high } : null;
    const target = m.target;
    band = simulate(
      `${scenario}\u0000${m.measure.id}`,
      { range, variation: m.variation },
      (draw, noise) => projectMeasure(m, inputs, range ? draw : e, noise).value,
      target ? (v) => judgeStatus(m.measure.direction, target, v, tolerance) === 'Met' : null,
    );
    if (band && m.variation)
      notes.push(
        `Band includes the measure's own year-to-year variation (±${round(m.variation * 100, 1)}% a year).`,
      );
  }
  notes.push(
    `${m.response.model} model${m.response.model === 'Elasticity' || m.response.model === 'Saturating' ? `, e = ${centralElasticity(m.response)}` : ''}.`,
  );
  return {
    scenario,
    modeled: m,
    notModeled: null,
    objectiveId: m.measure.objectiveId,
    baseFunding: yearBase,
    scenarioFunding: f,
    projected,
    band,
    meets:
      projected === null
        ? 'No Actual'
        : judgeStatus(
            m.measure.direction,
            m.target ?? { target: null, minTarget: null, maxTarget: null },
            projected,
            tolerance,
          ),
    notes,
  };
}

const round = (v: number, places = 4) => Number(v.toFixed(places));

/**
 * The funding at which the measure's bounded model reaches its next target: the first target from the base year
 * on. A target the bounds put out of reach (a rate above 100%) or the model cannot reach is "not reachable".
 */
function goalSeekFor(
  c: Computation,
  m: ModeledMeasure,
  baseYear: number,
  bf: number,
  tolerance: number,
  toUnits: (minor: number) => number,
): GoalSeekRow | null {
  const later = c.model.results
    .filter((r) => idKey(r.measureId) === idKey(m.measure.id) && r.year >= baseYear && r.target !== null)
    .sort((a, b) => a.year - b.year)[0];
  if (!later || later.target === null || bf <= 0) return null;
  const target = later.target;
  const b = m.bounds;
  const outOfBounds = b !== null && m.measure.kind !== 'Cumulative' && (target < b.lo || target > b.hi);
  // A cumulative measure's model is its increase: the target total less the prior year's total.
  const modeledTarget = target - m.carried;
  const shrinking = m.measure.kind === 'Cumulative' && modeledTarget < 0;
  const needed =
    outOfBounds || shrinking
      ? null
      : fundingForTarget(
          m.response,
          m.project,
          { baseFunding: toUnits(bf), baseValue: m.modeledBase },
          modeledTarget,
        );
  const fundingNeeded = needed === null ? null : Math.round(needed * 10 ** c.model.moneyDecimals);
  const metAtBase = judgeStatus(m.measure.direction, later, m.baseValue, tolerance) === 'Met';
  const note =
    fundingNeeded !== null
      ? metAtBase
        ? `Already met at base funding; objective ${m.measure.objectiveId} could fall to this funding and still reach the FY${later.year} target under the ${m.response.model} model.`
        : `Funding of objective ${m.measure.objectiveId} at which the ${m.response.model} model reaches the FY${later.year} target.`
      : outOfBounds && b
        ? `Not reachable: ${target > b.hi ? b.words.hi : b.words.lo}.`
        : shrinking
          ? "Not reachable: the target is below the prior year's total, and a cumulative total cannot shrink."
          : m.response.model === 'Fixed'
            ? 'Not reachable by funding: the Fixed model does not respond to funding.'
            : 'Not reachable under this model.';
  return { modeled: m, year: later.year, target, baseFunding: bf, fundingNeeded, note };
}

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

/**
 * Plans a Best Allocation scenario and decides it. The plan deals STEPS equal parts of the total to objectives
 * (see planAllocation); here the parts become minor units that sum to the total exactly and keep every objective
 * within its Floor and Ceiling to the cent. The changes apply to objectives' full cost directly (support is not
 * re-spread), so the realized change of each objective is the planned one. The across-the-board alternative
 * (every objective by the same percentage) is used only when it scores higher and stays within the limits.
 */
function planBest(
  c: Computation,
  row: Scenario,
  basis: AmountType,
  year: number,
  modeled: ModeledMeasure[],
  baseFundingOf: (m: ModeledMeasure) => number,
  issues: Issue[],
) {
  const toUnits = (minor: number) => minor / 10 ** c.model.moneyDecimals;
  const series = seriesOfYear(c, year);
  const limits = new Map(c.model.allocationLimits.map((l) => [idKey(l.objectiveId), l]));
  const fullOf = (id: string) => c.support.full.get(basis, series, targetKey('objective', id));
  const chosen = c.model.objectives.filter((o) => c.known.objectives.has(o.id) && fullOf(o.id) > 0);
  const objectives: ObjectiveInput[] = chosen.map((o) => {
    const measures = modeled.filter((m) => idKey(m.measure.objectiveId) === idKey(o.id));
    return {
      objectiveId: o.id,
      baseFunding: toUnits(fullOf(o.id)),
      measures,
      limit: limits.get(idKey(o.id)) ?? null,
      measureBaseFunding: new Map(measures.map((m) => [m.measure.id, toUnits(baseFundingOf(m))])),
      tolerance: c.model.settings.maintainTolerance,
    };
  });
  const base = chosen.map((o) => fullOf(o.id));
  // A percent is of all the goals' funding, the base every other output shows (goal-level money and objectives
  // with no positive funding included), though only objectives with funding to move take the change.
  let goalsTotal = 0;
  for (const o of c.model.objectives)
    if (c.known.objectives.has(o.id)) goalsTotal = assertSafe(goalsTotal + fullOf(o.id));
  for (const g of c.model.goals)
    goalsTotal = assertSafe(goalsTotal + c.support.full.get(basis, series, targetKey('goal', g.id)));
  const total = row.change.kind === 'percent' ? percentOf(goalsTotal, row.change.ppb) : row.change.minor;
  if (!objectives.some((o) => o.measures.some((m) => m.target)))
    issues.push(issueAt(MESSAGES.allocationNoModel(row.name), row.loc));
  const plan = planAllocation(objectives, toUnits(total), UNIT_MULTIPLIER[c.model.settings.units]);
  if (!plan.feasible) issues.push(issueAt(MESSAGES.allocationInfeasible(row.name), row.changeLoc));

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
      objectiveValue(o, toUnits((base[i] as number) + (changes[i] as number)), o.limit?.weight ?? 1),
    );
  const bestValues = valueOf(planned);
  const proportionalValues = valueOf(proportional);
  const decision = decide(
    bestValues.reduce((s, v) => s + v, 0),
    proportionalValues.reduce((s, v) => s + v, 0),
    proportionalWithinLimits,
    plan.feasible,
  );
  const changes = decision.usedProportional ? proportional : planned;
  const deltas = new Map<string, number>();
  objectives.forEach((o, i) => {
    if (changes[i] !== 0) deltas.set(targetKey('objective', o.objectiveId), changes[i] as number);
  });
  return {
    ...plan,
    total,
    deltas,
    decision,
    changes,
    proportional,
    values: {
      best: decision.usedProportional ? proportionalValues : bestValues,
      proportional: proportionalValues,
    },
    objectives,
  };
}

/** How far an objective may move in the direction of the total, in minor units (Infinity when unbounded). */
function roomOf(o: ObjectiveInput, base: number, total: number): number {
  const bound = total >= 0 ? o.limit?.ceilingPpb : (o.limit?.floorPpb ?? -SHARE_SCALE_PPB);
  if (bound === null || bound === undefined) return Infinity;
  return Math.floor(Math.abs((bound / SHARE_SCALE_PPB) * base));
}
const SHARE_SCALE_PPB = 1_000_000_000;

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
    ? 'No allocation meets every Floor and Ceiling; the change is spread across the board instead.'
    : usedProportional
      ? 'The across-the-board change scores higher and stays within the limits, so it is used.'
      : !proportionalWithinLimits
        ? `Best allocation used: the same change across the board would break an objective's Floor or Ceiling (best scores ${round(bestValue)} weighted targets).`
        : Math.abs(gain) < 5e-5
          ? 'Best allocation and across-the-board score the same; the best allocation is shown.'
          : `Best allocation beats across-the-board by ${round(gain)} weighted targets.`;
  return { bestValue, proportionalValue, proportionalWithinLimits, usedProportional, verdict };
}

export { STEPS };
