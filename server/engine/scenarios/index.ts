import type { AmountType, Issue, Scenario } from '../../../models';
import type { Computation } from '../compute';
import { measuresInPlanOrder } from '../cost';
import { targetKey } from '../ledger';
import { issueAt, MESSAGES } from '../messages';
import { deltasFromRows, type Deltas, fundScenario, type ScenarioFunding, seriesOfYear } from './apply';
import { type BestAllocation, planBest } from './bestAllocation';
import { goalSeekFor, type GoalSeekRow } from './goalSeek';
import { type ModeledMeasure, type NotModeled, prepareMeasures } from './measures';
import { notProjected, project, type Projection } from './project';
import { withFields } from '../../objects';

export type { AllocationDecision, BestAllocation } from './bestAllocation';
export type { GoalSeekRow } from './goalSeek';
export type { Projection } from './project';

export interface ScenarioOutcome {
  name: string;
  year: number;
  kind: 'changes' | 'best allocation';
  rows: Scenario[];
  funding: ScenarioFunding;
  projections: Projection[];
  allocation: BestAllocation | null;
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

type Prepared = ReturnType<typeof prepareMeasures>;

/** What every scenario of one workbook shares: the cost basis, the base year, the baseline and the measures. */
interface ScenarioContext {
  c: Computation;
  basis: AmountType;
  baseYear: number;
  baseline: (key: string, year: number) => number;
  /** A measure's base funding: its objective's funding in the year of its base value. */
  baseFundingOf: (m: ModeledMeasure) => number;
  /** The measures modeled in a year, prepared once per year. */
  measuresFor: (year: number) => Prepared;
  /** Position of each measure in the plan's order, for sorting projections. */
  order: Map<string, number>;
  issues: Issue[];
}

/** Runs every named scenario (rows with the same Scenario name are one scenario) and the goal seek. */
export function runScenarios(c: Computation): ScenarioRun | null {
  if (c.model.scenarios.length === 0 && c.model.responses.length === 0) return null;
  const issues: Issue[] = [];
  const basis = c.cost.basis;
  if (!basis || c.baseYear === null) {
    issues.push(issueAt(MESSAGES.scenarioNoBasis(), null));
    return emptyRun(issues);
  }
  const ctx = scenarioContext(c, basis, c.baseYear, issues);
  // The base year's measures are prepared first: their issues are the ones reported.
  const base = ctx.measuresFor(ctx.baseYear);
  const outcomes: ScenarioOutcome[] = [];
  for (const [name, rows] of scenariosByName(c.model.scenarios)) {
    const outcome = runScenario(ctx, name, rows);
    if (outcome) outcomes.push(outcome);
  }
  const tolerance = c.model.settings.maintainTolerance;
  const goalSeek = base.modeled.flatMap(
    (m) => goalSeekFor(c, m, ctx.baseYear, ctx.baseFundingOf(m), tolerance) ?? [],
  );
  return {
    basis,
    baseYear: ctx.baseYear,
    outcomes,
    goalSeek,
    baseline: ctx.baseline,
    notModeled: base.notModeled,
    modeled: base.modeled,
    issues,
  };
}

/** The run when there is no cost basis or base year to change: nothing projected, the issue said. */
function emptyRun(issues: Issue[]): ScenarioRun {
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

function scenarioContext(
  c: Computation,
  basis: AmountType,
  baseYear: number,
  issues: Issue[],
): ScenarioContext {
  const baseline = (key: string, year: number) => c.support.full.get(basis, seriesOfYear(c, year), key);
  const prepared = new Map<number, Prepared>();
  const measuresFor = (year: number): Prepared => {
    let p = prepared.get(year);
    if (!p) {
      // Only the first year prepared (the base year) reports its issues; the others would repeat them.
      p = prepareMeasures(c, year, prepared.size === 0 ? issues : []);
      prepared.set(year, p);
    }
    return p;
  };
  return {
    c,
    basis,
    baseYear,
    baseline,
    baseFundingOf: (m) => baseline(targetKey('objective', m.measure.objectiveId), m.baseValueYear),
    measuresFor,
    order: new Map(measuresInPlanOrder(c.model).map((m, i) => [m.id, i])),
    issues,
  };
}

/** Scenario rows grouped by name, in the order the names first appear. */
function scenariosByName(scenarios: readonly Scenario[]): Map<string, Scenario[]> {
  const byName = new Map<string, Scenario[]>();
  for (const s of scenarios) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
  return byName;
}

/**
 * One named scenario: its changes (as written, or planned by Best Allocation), the funding they give every
 * target, and every measure projected at that funding. Null when its sums passed the exact range: the scenario
 * is reported and left out, and the others are computed.
 */
function runScenario(ctx: ScenarioContext, name: string, rows: Scenario[]): ScenarioOutcome | null {
  const { c, basis, issues } = ctx;
  const year = rows[0]?.year ?? ctx.baseYear;
  const measures = ctx.measuresFor(year);
  const best = rows.find((r) => r.scope === 'Best Allocation');
  const allocation = best
    ? planBest(best, { c, basis, year, modeled: measures.modeled, baseFundingOf: ctx.baseFundingOf, issues })
    : null;
  const deltas: Deltas = allocation
    ? { lines: new Map(), targets: allocation.deltas }
    : deltasFromRows(c, rows, basis, year, issues);
  const funding = fundScenario(c, deltas, basis, year);
  if (!funding) {
    issues.push(issueAt(MESSAGES.scenarioOutOfRange(name), rows[0]?.loc ?? null));
    return null;
  }
  const projections = projectAll(ctx, name, year, measures, funding);
  return { name, year, kind: best ? 'best allocation' : 'changes', rows, funding, projections, allocation };
}

/** Every measure under one scenario, modeled or not, in the plan's order. */
function projectAll(
  ctx: ScenarioContext,
  name: string,
  year: number,
  { modeled, notModeled }: Prepared,
  funding: ScenarioFunding,
): Projection[] {
  const tolerance = ctx.c.model.settings.maintainTolerance;
  const toUnits = (minor: number) => minor / 10 ** ctx.c.model.moneyDecimals;
  const fundingOf = (objectiveId: string) => {
    const key = targetKey('objective', objectiveId);
    return { yearBase: ctx.baseline(key, year), scenario: funding.full(key) };
  };
  const projections = [
    ...modeled.map((m) =>
      project(
        name,
        m,
        year,
        withFields(fundingOf(m.measure.objectiveId), { base: ctx.baseFundingOf(m) }),
        tolerance,
        toUnits,
      ),
    ),
    ...notModeled.map((n) => notProjected(name, n, fundingOf(n.measure.objectiveId))),
  ];
  const rank = (p: Projection) =>
    ctx.order.get((p.modeled?.measure ?? p.notModeled?.measure)?.id ?? '') ?? Infinity;
  return projections.sort((a, b) => rank(a) - rank(b));
}
