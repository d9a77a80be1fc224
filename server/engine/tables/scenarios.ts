import type { OutputTable, Result, ValueFormat } from '../../../models';
import { idKey, OUTPUT_TABLES, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import { targetKey } from '../ledger';
import { fromMinor } from '../money';
import { measureDecimals, roundKeepingJudgement } from '../precision';
import type { Projection, ScenarioOutcome, ScenarioRun } from '../scenarios';
import { BAND_PERCENTILES, MONTE_CARLO_DRAWS, MONTE_CARLO_SEED } from '../scenarios/montecarlo';
import { judgeStatus } from '../status';
import { basisPhrase, TableBuilder, unitsPhrase } from './shape';
import { measureValueFormats, withValueFormats } from './valueFormats';

const round = (v: number | null, places = 6) => (v === null ? null : Number(v.toFixed(places)));

/** Each measure's reporting precision (decimals), by measure ID, from its Results rows. */
function precisionByMeasure(results: readonly Result[]): Map<string, number> {
  const rows = new Map<string, Result[]>();
  for (const r of results) rows.set(idKey(r.measureId), [...(rows.get(idKey(r.measureId)) ?? []), r]);
  return new Map([...rows].map(([id, list]) => [id, measureDecimals(list)]));
}

/**
 * The projection and its band as printed: each at the measure's own precision, and never on the other side of
 * the target from its full value (Meets Target and the probability are decided on full values, so a figure is
 * rounded away from the target rather than onto it: 84.97 against an Increase target of 85 prints 84.9, not
 * 85.0). Low is never printed above the projection, nor High below it.
 */
function printedProjection(p: Projection, decimals: number, tolerance: number) {
  const m = p.modeled;
  const judge = (v: number) =>
    m?.target ? judgeStatus(m.measure.direction, m.target, v, tolerance) : 'No Target';
  const print = (v: number | null) =>
    v === null ? null : roundKeepingJudgement(v, decimals, (printed) => judge(printed) === judge(v));
  const projected = print(p.projected);
  const low = print(p.band?.low ?? null);
  const high = print(p.band?.high ?? null);
  return {
    projected,
    low: low === null || projected === null ? low : Math.min(low, projected),
    high: high === null || projected === null ? high : Math.max(high, projected),
  };
}

/** Scenario × measure: funding, projected value with its band, and whether it meets target. */
export function scenarioResultsTable(c: Computation, run: ScenarioRun): OutputTable {
  const money = (v: number) => fromMinor(v, c.model.moneyDecimals);
  const precision = precisionByMeasure(c.model.results);
  const tolerance = c.model.settings.maintainTolerance;
  const t = new TableBuilder(
    'ScenarioResults',
    `Scenario results: ${basisPhrase(run.basis)} of each measure's objective (${unitsPhrase(c.model.settings.units)}) and its projected value. Low/High: ${BAND_PERCENTILES[0]}th-${BAND_PERCENTILES[1]}th percentile of ${MONTE_CARLO_DRAWS.toLocaleString('en-US')} seeded draws (seed ${MONTE_CARLO_SEED}) of the response's range and the measure's own year-to-year variation.`,
    TableBuilder.columns(OUTPUT_TABLES.ScenarioResults),
  );
  const valueFormatOf = measureValueFormats(c.model.measures, c.model.results);
  const valueFormats: (ValueFormat | null)[] = [];
  for (const o of run.outcomes) {
    for (const p of o.projections) {
      const m = p.modeled?.measure ?? p.notModeled?.measure;
      if (!m) continue;
      valueFormats.push(valueFormatOf(m.id));
      const printed = printedProjection(p, precision.get(idKey(m.id)) ?? 0, tolerance);
      t.add([
        p.scenario,
        o.year,
        m.id,
        m.name,
        p.objectiveId,
        money(p.baseFunding),
        money(p.scenarioFunding),
        money(p.scenarioFunding - p.baseFunding),
        p.modeled?.baseValue ?? null,
        printed.projected,
        printed.low,
        printed.high,
        p.modeled?.target?.target ?? null,
        p.meets,
        p.band?.pMeets ?? null,
        p.notes.join(' '),
      ]);
    }
  }
  return withValueFormats(t.build(), valueFormats);
}

/**
 * Scenario × goal, side by side: funding and measures met, a row for money outside the goals when a scenario
 * moves any (Unmapped, pools that cannot allocate), a total per scenario whose change is the scenario's one
 * funding-change figure, and a note row saying what moved and what held.
 */
export function scenarioComparisonTable(c: Computation, run: ScenarioRun): OutputTable {
  const goalOf = new Map(c.model.objectives.map((o) => [o.id, o.goalId]));
  const money = (v: number) => fromMinor(v, c.model.moneyDecimals);
  const t = new TableBuilder(
    'ScenarioComparison',
    `Scenarios side by side by goal (${basisPhrase(run.basis)}, ${unitsPhrase(c.model.settings.units)}); measures counted are those with a response and a target`,
    TableBuilder.columns(OUTPUT_TABLES.ScenarioComparison),
  );
  for (const o of run.outcomes) {
    let base = 0;
    let changed = 0;
    const counts = { judged: 0, baseMet: 0, met: 0 };
    const inGoals = new Set<string>();
    for (const g of c.model.goals) {
      const keys = [
        ...c.model.objectives.filter((ob) => ob.goalId === g.id).map((ob) => targetKey('objective', ob.id)),
        targetKey('goal', g.id),
      ];
      for (const k of keys) inGoals.add(k);
      const bf = keys.reduce((s, k) => s + run.baseline(k, o.year), 0);
      const change = keys.reduce((s, k) => s + (o.funding.changes.get(k) ?? 0), 0);
      const judged = o.projections.filter((p) => p.modeled?.target && goalOf.get(p.objectiveId) === g.id);
      const baseMet = judged.filter((p) => p.metAtBase).length;
      const met = judged.filter((p) => p.meets === 'Met').length;
      base += bf;
      changed += change;
      counts.judged += judged.length;
      counts.baseMet += baseMet;
      counts.met += met;
      t.add([
        o.name,
        o.year,
        'Goal',
        g.id,
        g.name,
        money(bf),
        money(bf + change),
        money(change),
        bf !== 0 ? change / bf : null,
        judged.length,
        baseMet,
        met,
      ]);
    }
    let outside = 0;
    for (const [k, v] of o.funding.changes) if (!inGoals.has(k)) outside += v;
    if (outside !== 0) {
      t.add([
        o.name,
        o.year,
        'Other',
        '',
        'Not in a goal (Unmapped, pools that cannot allocate)',
        null,
        null,
        money(outside),
        null,
        null,
        null,
        null,
      ]);
      changed += outside;
    }
    t.add(
      [
        o.name,
        o.year,
        'Total',
        '',
        `All goals${o.kind === 'best allocation' ? ' (best allocation)' : ''}`,
        money(base),
        money(base + changed),
        money(o.funding.change),
        base !== 0 ? o.funding.change / base : null,
        counts.judged,
        counts.baseMet,
        counts.met,
      ],
      'total',
    );
    t.add([o.name, o.year, 'Note', '', assumptionOf(o), null, null, null, null, null, null, null]);
  }
  return t.build();
}

/** What a scenario moved and what it held, in words, so the comparison states its assumption. */
function assumptionOf(o: ScenarioOutcome): string {
  if (o.kind === 'best allocation')
    return "Moved: the total change, placed across objectives within their Floors and Ceilings. Held: support costs are not re-spread; every figure is the objective's own change.";
  const named = o.rows
    .map((r) => (r.scope === 'All' ? 'all spending lines' : `${r.scope} ${r.key}`))
    .join(', ');
  const byTarget = o.rows.every((r) => r.scope === 'Goal' || r.scope === 'Objective');
  return byTarget
    ? `Moved: ${named} (full cost, direct and support). Held: every other objective keeps its funding to the cent.`
    : `Moved: ${named}, through the crosswalk; cost pools pass changes on in their base-year shares. Held: receipts, intra-agency amounts and every line not named.`;
}

/** The funding each measure's objective needs to reach its target, under the measure's response model. */
export function goalSeekTable(c: Computation, run: ScenarioRun): OutputTable {
  const money = (v: number | null) => (v === null ? null : fromMinor(v, c.model.moneyDecimals));
  const t = new TableBuilder(
    'GoalSeek',
    `Goal seek: funding of each objective (${basisPhrase(run.basis)}, ${unitsPhrase(c.model.settings.units)}) at which a measure reaches its target`,
    TableBuilder.columns(OUTPUT_TABLES.GoalSeek),
  );
  for (const g of run.goalSeek) {
    const change = g.fundingNeeded === null ? null : g.fundingNeeded - g.baseFunding;
    t.add([
      g.modeled.measure.id,
      g.modeled.measure.name,
      g.modeled.measure.objectiveId,
      g.modeled.response.model,
      g.year,
      g.target,
      g.modeled.baseValue,
      money(g.baseFunding),
      money(g.fundingNeeded),
      money(change),
      change === null || g.baseFunding === 0 ? null : change / g.baseFunding,
      g.note,
    ]);
  }
  return t.build();
}

/** Best allocation scenarios: the plan per objective beside the across-the-board alternative. */
export function bestAllocationTable(c: Computation, run: ScenarioRun): OutputTable {
  const money = (v: number) => fromMinor(v, c.model.moneyDecimals);
  const t = new TableBuilder(
    'BestAllocation',
    `Best allocation: the change that maximises weighted attainment of targets, beside an across-the-board change (${basisPhrase(run.basis)}, ${unitsPhrase(c.model.settings.units)}); marginal value = attainment gained per extra $1M`,
    TableBuilder.columns(OUTPUT_TABLES.BestAllocation),
  );
  const names = new Map(c.model.objectives.map((o) => [o.id, o.name]));
  for (const o of run.outcomes) {
    const plan = o.allocation;
    if (!plan) continue;
    let base = 0;
    plan.rows.forEach((r, i) => {
      const key = targetKey('objective', r.objectiveId);
      const bf = run.baseline(key, o.year);
      base += bf;
      const limit = plan.objectives[i]?.limit ?? null;
      const measured = plan.objectives[i]?.measures.some((m) => m.target) ?? false;
      const change = plan.changes[i] ?? 0;
      t.add([
        o.name,
        o.year,
        r.objectiveId,
        names.get(r.objectiveId) ?? '',
        money(bf),
        limit ? limit.floorPpb / SHARE_SCALE : null,
        limit?.ceilingPpb != null ? limit.ceilingPpb / SHARE_SCALE : null,
        limit?.weight ?? 1,
        money(plan.proportional[i] ?? 0),
        money(change),
        money(bf + change),
        round(plan.values.proportional[i] ?? null, 4),
        round(plan.values.best[i] ?? null, 4),
        round(r.marginalPerMillion, 4),
        measured ? '' : 'No measure with a response and a target: gains nothing from funding.',
      ]);
    });
    const sum = (list: readonly number[]) => list.reduce((s, v) => s + v, 0);
    t.add(
      [
        o.name,
        o.year,
        'Total',
        '',
        money(base),
        null,
        null,
        null,
        money(sum(plan.proportional)),
        money(o.funding.change),
        money(base + o.funding.change),
        round(plan.decision.proportionalValue, 4),
        round(plan.decision.usedProportional ? plan.decision.proportionalValue : plan.decision.bestValue, 4),
        null,
        plan.decision.verdict,
      ],
      'total',
    );
  }
  return t.build();
}
