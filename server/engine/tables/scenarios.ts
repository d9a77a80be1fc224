import type { OutputTable } from '../../../models';
import { OUTPUT_TABLES, SHARE_SCALE } from '../../../models';
import type { Computation } from '../compute';
import { targetKey } from '../ledger';
import { fromMinor } from '../money';
import type { ScenarioRun } from '../scenarios';
import { BAND_PERCENTILES, MONTE_CARLO_DRAWS, MONTE_CARLO_SEED } from '../scenarios/montecarlo';
import { judgeStatus } from '../status';
import { TableBuilder, unitsPhrase } from './shape';

const round = (v: number | null, places = 6) => (v === null ? null : Number(v.toFixed(places)));

/** Scenario × measure: funding, projected value with its band, and whether it meets target. */
export function scenarioResultsTable(c: Computation, run: ScenarioRun): OutputTable {
  const money = (v: number) => fromMinor(v, c.model.moneyDecimals);
  const t = new TableBuilder(
    'ScenarioResults',
    `Scenario results: full cost (${run.basis}, ${unitsPhrase(c.model.settings.units)}) of each measure's objective and its projected value. Low/High: ${BAND_PERCENTILES[0]}th-${BAND_PERCENTILES[1]}th percentile of ${MONTE_CARLO_DRAWS.toLocaleString('en-US')} seeded draws (seed ${MONTE_CARLO_SEED}).`,
    TableBuilder.columns(OUTPUT_TABLES.ScenarioResults),
  );
  for (const o of run.outcomes) {
    for (const p of o.projections) {
      const m = p.modeled?.measure ?? p.notModeled?.measure;
      if (!m) continue;
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
        round(p.projected),
        round(p.band?.low ?? null),
        round(p.band?.high ?? null),
        p.modeled?.target?.target ?? null,
        p.meets,
        p.band?.pMeets ?? null,
        p.notes.join(' '),
      ]);
    }
  }
  return t.build();
}

/** Scenario × goal, side by side: funding and measures met, with a total per scenario. */
export function scenarioComparisonTable(c: Computation, run: ScenarioRun): OutputTable {
  const goalOf = new Map(c.model.objectives.map((o) => [o.id, o.goalId]));
  const money = (v: number) => fromMinor(v, c.model.moneyDecimals);
  const t = new TableBuilder(
    'ScenarioComparison',
    `Scenarios side by side by goal (${run.basis}, ${unitsPhrase(c.model.settings.units)}); measures counted are those with a response and a target`,
    TableBuilder.columns(OUTPUT_TABLES.ScenarioComparison),
  );
  for (const o of run.outcomes) {
    let base = 0;
    let scenario = 0;
    const counts = { judged: 0, baseMet: 0, met: 0 };
    for (const g of c.model.goals) {
      const keys = [
        ...c.model.objectives.filter((ob) => ob.goalId === g.id).map((ob) => targetKey('objective', ob.id)),
        targetKey('goal', g.id),
      ];
      const bf = keys.reduce((s, k) => s + run.baseline(k, o.year), 0);
      const sf = keys.reduce((s, k) => s + o.funding.full(k), 0);
      const judged = o.projections.filter((p) => p.modeled?.target && goalOf.get(p.objectiveId) === g.id);
      const baseMet = judged.filter(
        (p) =>
          p.modeled &&
          p.modeled.target &&
          judgeStatus(
            p.modeled.measure.direction,
            p.modeled.target,
            p.modeled.baseValue,
            c.model.settings.maintainTolerance,
          ) === 'Met',
      ).length;
      const met = judged.filter((p) => p.meets === 'Met').length;
      base += bf;
      scenario += sf;
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
        money(sf),
        money(sf - bf),
        bf !== 0 ? (sf - bf) / bf : null,
        judged.length,
        baseMet,
        met,
      ]);
    }
    t.add(
      [
        o.name,
        o.year,
        'Total',
        '',
        `All goals${o.kind === 'best allocation' ? ' (best allocation)' : ''}`,
        money(base),
        money(scenario),
        money(scenario - base),
        base !== 0 ? (scenario - base) / base : null,
        counts.judged,
        counts.baseMet,
        counts.met,
      ],
      'total',
    );
  }
  return t.build();
}

/** The funding each measure's objective needs to reach its target, under the measure's response model. */
export function goalSeekTable(c: Computation, run: ScenarioRun): OutputTable {
  const money = (v: number | null) => (v === null ? null : fromMinor(v, c.model.moneyDecimals));
  const t = new TableBuilder(
    'GoalSeek',
    `Goal seek: funding of each objective (full cost, ${run.basis}, ${unitsPhrase(c.model.settings.units)}) at which a measure reaches its target`,
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
    `Best allocation: the change that maximises weighted attainment of targets, beside an across-the-board change (${run.basis}, ${unitsPhrase(c.model.settings.units)}); marginal value = attainment gained per extra $1M`,
    TableBuilder.columns(OUTPUT_TABLES.BestAllocation),
  );
  const names = new Map(c.model.objectives.map((o) => [o.id, o.name]));
  for (const o of run.outcomes) {
    const plan = o.allocation;
    if (!plan) continue;
    const { best, proportional } = plan.realized;
    plan.rows.forEach((r, i) => {
      const key = targetKey('objective', r.objectiveId);
      const bf = run.baseline(key, o.year);
      const limit = plan.objectives[i]?.limit ?? null;
      const measured = plan.objectives[i]?.measures.some((m) => m.target) ?? false;
      t.add([
        o.name,
        o.year,
        r.objectiveId,
        names.get(r.objectiveId) ?? '',
        money(bf),
        limit ? limit.floorPpb / SHARE_SCALE : null,
        limit?.ceilingPpb != null ? limit.ceilingPpb / SHARE_SCALE : null,
        limit?.weight ?? 1,
        money(proportional.funding.full(key) - bf),
        money(best.funding.full(key) - bf),
        money(best.funding.full(key)),
        round(proportional.values[i] ?? null, 4),
        round(best.values[i] ?? null, 4),
        round(r.marginalPerMillion, 4),
        measured ? '' : 'No measure with a response and a target: gains nothing from funding.',
      ]);
    });
    const verdict = plan.usedProportional
      ? 'The across-the-board change scores at least as high, so it is used.'
      : `Best allocation beats across-the-board by ${(best.value - proportional.value).toFixed(4)} weighted targets (scored on realized full cost, after support costs are reallocated).`;
    const sumFull = (f: typeof best.funding) =>
      plan.rows.reduce((s, r) => s + f.full(targetKey('objective', r.objectiveId)), 0);
    const base = plan.rows.reduce(
      (s, r) => s + run.baseline(targetKey('objective', r.objectiveId), o.year),
      0,
    );
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
        money(sumFull(proportional.funding) - base),
        money(sumFull(best.funding) - base),
        money(sumFull(best.funding)),
        round(proportional.value, 4),
        round(best.value, 4),
        null,
        verdict,
      ],
      'total',
    );
  }
  return t.build();
}
