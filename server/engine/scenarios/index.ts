import type { AmountType, Issue, Scenario, Status } from '../../../models';
import { idKey, UNIT_MULTIPLIER } from '../../../models';
import type { Computation } from '../compute';
import { measuresInPlanOrder } from '../cost';
import { targetKey } from '../ledger';
import { issueAt, MESSAGES } from '../messages';
import { splitByRealWeights } from '../money';
import { judgeStatus } from '../status';
import {
  deltasFromRows,
  type Deltas,
  fundScenario,
  percentOf,
  type ScenarioFunding,
  seriesOfYear,
} from './apply';
import { type ModeledMeasure, type NotModeled, prepareMeasures } from './measures';
import { type Band, simulate } from './montecarlo';
import { type ObjectiveInput, objectiveValue, planAllocation } from './optimize';
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
  /** Baseline full cost by objective key in the base year (minor units). */
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
  const base = measuresFor(c.baseYear);

  const order = new Map(measuresInPlanOrder(c.model).map((m, i) => [m.id, i]));
  const outcomes: ScenarioOutcome[] = [];
  for (const [name, rows] of byName) {
    const year = rows[0]?.year ?? c.baseYear;
    const { modeled, notModeled } = measuresFor(year);
    const best = rows.find((r) => r.scope === 'Best Allocation');
    let deltas: Deltas;
    let allocation: ScenarioOutcome['allocation'] = null;
    if (best) {
      const planned = planBest(c, best, basis, year, modeled, issues);
      deltas = { lines: new Map(), targets: planned.deltas };
      allocation = planned;
    } else {
      deltas = deltasFromRows(c, rows, basis, year, issues);
    }
    const funding = fundScenario(c, deltas, basis, year);
    const projections: Projection[] = [];
    for (const m of modeled) {
      const key = targetKey('objective', m.measure.objectiveId);
      const bf = baseline(key, year);
      const f = funding.full(key);
      const notes: string[] = [];
      if (m.baseValueYear !== year) notes.push(`Base value is the latest actual, FY${m.baseValueYear}.`);
      let projected: number | null = null;
      let band: Band | null = null;
      if (bf <= 0)
        notes.push('Base funding is zero or negative, so funding ratios are undefined; not projected.');
      else {
        const inputs = { funding: toUnits(f), baseFunding: toUnits(bf), baseValue: m.baseValue };
        const e = centralElasticity(m.response);
        const p = m.project(inputs, e);
        projected = Number.isFinite(p) ? p : null;
        if (projected === null) notes.push('The model gives no finite value at this funding.');
        const r = m.response;
        if (r.low !== null && r.high !== null && r.model !== 'Fixed') {
          const target = m.target;
          band = simulate(
            `${name}\u0000${m.measure.id}`,
            { low: r.low, mode: e, high: r.high },
            (draw) => m.project(inputs, draw),
            target ? (v) => judgeStatus(m.measure.direction, target, v, tolerance) === 'Met' : null,
          );
        }
      }
      notes.push(
        `${m.response.model} model${m.response.model === 'Elasticity' || m.response.model === 'Saturating' ? `, e = ${centralElasticity(m.response)}` : ''}.`,
      );
      projections.push({
        scenario: name,
        modeled: m,
        notModeled: null,
        objectiveId: m.measure.objectiveId,
        baseFunding: bf,
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
      });
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
  const results = c.model.results;
  for (const m of base.modeled) {
    const later = results
      .filter(
        (r) =>
          idKey(r.measureId) === idKey(m.measure.id) && r.year >= (c.baseYear as number) && r.target !== null,
      )
      .sort((a, b) => a.year - b.year)[0];
    if (!later || later.target === null) continue;
    const bf = baseline(targetKey('objective', m.measure.objectiveId), c.baseYear);
    if (bf <= 0) continue;
    const needed = fundingForTarget(
      m.response,
      m.project,
      { baseFunding: toUnits(bf), baseValue: m.baseValue },
      later.target,
    );
    const fundingNeeded = needed === null ? null : Math.round(needed * 10 ** c.model.moneyDecimals);
    goalSeek.push({
      modeled: m,
      year: later.year,
      target: later.target,
      baseFunding: bf,
      fundingNeeded,
      note:
        fundingNeeded === null
          ? m.response.model === 'Fixed'
            ? 'Not reachable by funding: the Fixed model does not respond to funding.'
            : 'Not reachable under this model.'
          : judgeStatus(m.measure.direction, later, m.baseValue, tolerance) === 'Met'
            ? `Already met at base funding; objective ${m.measure.objectiveId} could fall to this funding and still reach the FY${later.year} target under the ${m.response.model} model.`
            : `Funding of objective ${m.measure.objectiveId} at which the ${m.response.model} model reaches the FY${later.year} target.`,
    });
  }
  return {
    basis,
    baseYear: c.baseYear,
    outcomes,
    goalSeek,
    baseline,
    notModeled: base.notModeled,
    modeled: base.modeled,
    issues,
  };
}

/**
 * Plans a Best Allocation scenario, then realizes both the plan and the across-the-board alternative through the
 * same crosswalk and support-cost allocation as every scenario (support pools that follow direct cost move with
 * it), scores both on the realized funding, and keeps the better one.
 */
function planBest(
  c: Computation,
  row: Scenario,
  basis: AmountType,
  year: number,
  modeled: ModeledMeasure[],
  issues: Issue[],
) {
  const toUnits = (minor: number) => minor / 10 ** c.model.moneyDecimals;
  const limits = new Map(c.model.allocationLimits.map((l) => [idKey(l.objectiveId), l]));
  const objectives: ObjectiveInput[] = c.model.objectives
    .filter(
      (o) =>
        c.known.objectives.has(o.id) &&
        c.support.full.get(basis, seriesOfYear(c, year), targetKey('objective', o.id)) > 0,
    )
    .map((o) => ({
      objectiveId: o.id,
      baseFunding: toUnits(c.support.full.get(basis, seriesOfYear(c, year), targetKey('objective', o.id))),
      measures: modeled.filter((m) => idKey(m.measure.objectiveId) === idKey(o.id)),
      limit: limits.get(idKey(o.id)) ?? null,
    }));
  const baseTotal = objectives.reduce(
    (s, o) => s + c.support.full.get(basis, seriesOfYear(c, year), targetKey('objective', o.objectiveId)),
    0,
  );
  const total = row.change.kind === 'percent' ? percentOf(baseTotal, row.change.ppb) : row.change.minor;
  if (!objectives.some((o) => o.measures.some((m) => m.target)))
    issues.push(issueAt(MESSAGES.allocationNoModel(row.name), row.loc));
  const plan = planAllocation(objectives, toUnits(total), UNIT_MULTIPLIER[c.model.settings.units]);
  if (!plan.feasible) issues.push(issueAt(MESSAGES.allocationInfeasible(row.name), row.changeLoc));

  // Exact to the minor unit: the total is split in proportion to the planned changes.
  const toDeltas = (changes: number[]) => {
    const deltas = new Map<string, number>();
    if (total !== 0 && changes.some((v) => v !== 0)) {
      splitByRealWeights(
        total,
        changes.map((v) => Math.abs(v)),
      ).forEach((d, i) =>
        deltas.set(targetKey('objective', (objectives[i] as ObjectiveInput).objectiveId), d),
      );
    }
    return deltas;
  };
  const realize = (deltas: Map<string, number>) => {
    const funding = fundScenario(c, { lines: new Map(), targets: deltas }, basis, year);
    const values = objectives.map((o) =>
      objectiveValue(o, toUnits(funding.full(targetKey('objective', o.objectiveId))), o.limit?.weight ?? 1),
    );
    return { funding, values, value: values.reduce((s, v) => s + v, 0) };
  };
  const proportionalDeltas = toDeltas(plan.rows.map((r) => r.proportionalChange));
  const proportional = realize(proportionalDeltas);
  const planned = plan.feasible ? toDeltas(plan.rows.map((r) => r.bestChange)) : proportionalDeltas;
  const best = realize(planned);
  const usedProportional = !plan.feasible || proportional.value > best.value + 1e-9;
  return {
    ...plan,
    total,
    deltas: usedProportional ? proportionalDeltas : planned,
    usedProportional,
    realized: { best: usedProportional ? proportional : best, proportional },
    objectives,
  };
}
