import type { Measure, OutputCell, OutputTable, Result } from '../../../models';
import { idKey, OUTPUT_TABLES } from '../../../models';
import type { Computation } from '../compute';
import { measuresInPlanOrder } from '../cost';
import { latestActualYear, statusOf } from '../status';
import { TableBuilder } from './shape';
import { measureValueFormats, withValueFormats } from './valueFormats';

/** How many fiscal years the trend shows: an annual performance report's usual five. */
export const TREND_YEARS = 5;

/**
 * The annual performance report's familiar table (31 U.S.C. 1116): one row per measure, the target and actual
 * for each of the latest five fiscal years with results, the latest status, and the explanation of a missed
 * target. The years are the same for every row, so the columns line up as a printed APR does; a year after the
 * latest reported actual shows its targets only (as an APR shows next year's target).
 */
export function performanceTrend(c: Computation): OutputTable {
  const { model } = c;
  const resultsOf = new Map<string, Result[]>();
  for (const r of model.results) {
    const k = idKey(r.measureId);
    resultsOf.set(k, [...(resultsOf.get(k) ?? []), r]);
  }
  const allYears = [...new Set(model.results.map((r) => r.year))].sort((a, b) => a - b);
  const years = allYears.slice(-TREND_YEARS);
  const latestActual = latestActualYear(model.results);
  // A year after the latest reported actual has no results yet: its targets show, without an Actual column
  // that would be empty on every row.
  const reported = (year: number) => latestActual !== null && year <= latestActual;
  const columns = [
    ...TableBuilder.columns(OUTPUT_TABLES.PerformanceTrend),
    ...years.flatMap((y) => [
      { name: `FY${y} Target`, format: 'number' as const },
      ...(reported(y) ? [{ name: `FY${y} Actual`, format: 'number' as const }] : []),
    ]),
    ...TableBuilder.columns(OUTPUT_TABLES.PerformanceTrendTail),
  ];
  const t = new TableBuilder(
    'PerformanceTrend',
    `Performance trend: targets and results, FY${years[0] ?? ''}–FY${years[years.length - 1] ?? ''}`,
    columns,
  );
  const objectives = new Map(model.objectives.map((o) => [idKey(o.id), o]));
  const goals = new Map(model.goals.map((g) => [idKey(g.id), g]));
  const ctx = { latestActualYear: latestActual, tolerance: model.settings.maintainTolerance };

  const valueFormatOf = measureValueFormats(model.measures, model.results);
  const measures = measuresInPlanOrder(model);
  for (const measure of measures) {
    const results = (resultsOf.get(idKey(measure.id)) ?? []).sort((a, b) => a.year - b.year);
    const byYear = new Map(results.map((r) => [r.year, r]));
    const cells: OutputCell[] = years.flatMap((y) => {
      const r = byYear.get(y);
      return reported(y) ? [r?.target ?? null, r?.actual ?? null] : [r?.target ?? null];
    });
    const latest = latestJudged(results);
    const status = latest
      ? statusOf(measure.direction, latest, byYear.get(latest.year - 1)?.actual ?? null, ctx)
      : null;
    const objective = objectives.get(idKey(measure.objectiveId));
    const goal = objective ? goals.get(idKey(objective.goalId)) : undefined;
    t.add([
      goal ? `${goal.id} ${goal.name}` : '',
      objective ? `${objective.id} ${objective.name}` : measure.objectiveId,
      measure.id,
      measure.name,
      measure.priorityGoal ? 'Yes' : '',
      measure.unit,
      measure.direction ?? '',
      ...cells,
      latest ? `FY${latest.year}` : '',
      status ?? '',
      explanationOf(measure, latest),
    ]);
  }
  return withValueFormats(
    t.build(),
    measures.map((m) => valueFormatOf(m.id)),
  );
}

/** The latest year with an actual, else the earliest year with a target still to come (its status is Pending). */
function latestJudged(results: readonly Result[]): Result | null {
  for (let i = results.length - 1; i >= 0; i--) if (results[i]?.actual !== null) return results[i] as Result;
  return results.find((r) => r.target !== null) ?? null;
}

/** The latest result's explanation, or when it is pending, when its data are due. */
function explanationOf(measure: Measure, latest: Result | null): string {
  if (!latest) return measure.direction ? 'No results.' : '';
  if (latest.explanation) return latest.explanation;
  if (latest.actual === null && latest.dataAvailable) return `Data available ${latest.dataAvailable}.`;
  return '';
}
