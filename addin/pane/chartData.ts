import { Status, type Summary } from '../../models';

/**
 * What the two charts draw, apart from drawing them (so a test can check the numbers without a canvas): the
 * same two as the Summary sheet: resources by goal, CY beside BY; measures by status per goal, stacked.
 */
export interface BarSeries {
  label: string;
  values: number[];
}
export interface ChartData {
  /** Goal IDs, in the Goals table's order. */
  goals: string[];
  /** Goal names, for tooltips and the text alternative. */
  names: string[];
  /** Goals whose amounts are short by a Budget amount that could not be read (their label carries a mark). */
  marked: string[];
  series: BarSeries[];
}

/**
 * CY and BY under their series labels ("FY2024 Enacted", "FY2025 Request"); with only one of them, or neither,
 * the base series alone, so a one-year workbook still gets its chart.
 */
export function resourcesChart(summary: Summary): ChartData {
  const wanted = [summary.currentYear?.label, summary.budgetYear?.label].filter(
    (l): l is string => typeof l === 'string',
  );
  const labels =
    wanted.length > 0
      ? wanted
      : [summary.baseSeries ?? summary.series[summary.series.length - 1]?.label ?? ''];
  return {
    goals: summary.goals.map((g) => g.goalId),
    names: summary.goals.map((g) => g.name),
    marked: summary.unreadAmounts.goals,
    series: labels
      .filter((l) => l !== '')
      .map((label) => ({
        label,
        values: summary.goals.map((g) => g.totals.find((t) => t.series === label)?.amount ?? 0),
      })),
  };
}

/** One stack per status that any goal has, in the contract's order of statuses. */
export function measuresChart(summary: Summary): ChartData {
  const byGoal = new Map(summary.measures.byGoal.map((g) => [g.goalId, g.counts]));
  const present = new Set(summary.measures.byGoal.flatMap((g) => g.counts.map((c) => c.status)));
  return {
    goals: summary.goals.map((g) => g.goalId),
    names: summary.goals.map((g) => g.name),
    marked: [],
    series: Status.options
      .filter((s) => present.has(s))
      .map((status) => ({
        label: status,
        values: summary.goals.map((g) => byGoal.get(g.goalId)?.find((c) => c.status === status)?.count ?? 0),
      })),
  };
}
