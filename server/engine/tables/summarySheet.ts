import type {
  ColumnFormat,
  OutputCell,
  OutputColumn,
  OutputTable,
  RowKind,
  Status,
  Summary,
} from '../../../models';
import { Status as StatusEnum, SUMMARY_SECTIONS as S } from '../../../models';
import { CHANGE_COLUMN } from '../../../models/summaryCharts';
import { usNumber } from '../money';
import { unitsPhrase } from './shape';

/** The Summary's own words (it is the only output that speaks in sentences). */
const TEXT = {
  title: (agency: string, costLabel: string, units: string) =>
    `${agency ? `${agency}: ` : ''}Summary of ${costLabel} by strategic goal (${units})`,
  basis: (agency: string, costLabel: string, units: string) =>
    `${agency || 'Agency not named in Settings'}: ${costLabel}, ${units}`,
  total: 'Total, all goals',
  scenario: (name: string, year: number, judged: number, atBase: number, inScenario: number) =>
    judged === 0
      ? `${name} (FY${year}): no modeled measure has a target`
      : `${name} (FY${year}): ${inScenario} of ${judged} modeled measures meet target (${atBase} at base funding)`,
  issues: (e: number, w: number, i: number) =>
    `${plural(e, 'error')}, ${plural(w, 'warning')}, ${plural(i, 'note')} (see the Issues sheet)`,
  measuresYear: (year: number | null) =>
    year === null
      ? 'No measure has results yet, so none is judged.'
      : `Measures are judged in FY${year}, the latest year with reported results.`,
  goals:
    'Goal amounts are direct plus support costs allocated from the cost pools; Unmapped lines and unallocated pools appear only in ResourcesByGoal, so goals may not add to the Budget total.',
  unread: (n: number) =>
    `${plural(n, 'Budget amount')} could not be read and ${n === 1 ? 'is' : 'are'} left out of every total (see Issues).`,
  source: 'Source: Throughline, from this workbook’s Budget, Crosswalk, Goals, Measures and Results sheets.',
};

/** What each cost basis means, so a reader of the printed page knows what the figures are and are not. */
const BASIS_NOTES: Record<string, string> = {
  'Budget Authority':
    'Figures are budget authority as the Budget sheet states it (net of offsetting collections where the budget nets them): authority to obligate, not obligations, outlays or full cost.',
  Obligations:
    'Figures are obligations: orders placed and contracts awarded in the year; not outlays (cash paid) or full cost (expenses).',
  Outlays: 'Figures are outlays: cash paid in the year, whichever year the money was obligated.',
  Expenses:
    'Figures are full cost on the accrual basis (expenses, SFFAS 4): direct cost plus support costs allocated from the cost pools.',
  FTE: 'Figures are full-time equivalents (FTE), not dollars.',
};
const NO_BASIS = 'The Budget holds no amounts, so the figures have no cost basis.';

function plural(n: number, word: string): string {
  return `${usNumber(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The Summary sheet: one printable page a budget officer reads first. One Excel table whose first column names
 * the section (SUMMARY_SECTIONS): the basis; resources by goal in PY, CY and BY with the change; measures by
 * status per goal (one column per status that occurs); each scenario's headline; issue counts; notes on what
 * the figures are. The writers draw the two charts from the resources and measures rows (models/summaryCharts).
 */
export function summarySheet(summary: Summary): OutputTable {
  const units = unitsPhrase(summary.units);
  // A role the Budget has no series for (no prior-year actuals) gets no column, rather than an empty one.
  const fallback = ['Prior Year', 'Current Year', 'Budget Year'];
  const roles = [summary.priorYear, summary.currentYear, summary.budgetYear].flatMap((y, i) =>
    y ? [{ label: y.label, fallback: fallback[i] as string }] : [],
  );
  const distinct = new Set(roles.map((r) => r.label.toLowerCase())).size === roles.length;
  const years = roles.map((r) => ({ series: r.label, name: distinct ? r.label : r.fallback }));
  const statuses = StatusEnum.options.filter((status) =>
    summary.measures.byGoal.some((g) => g.counts.some((c) => c.status === status && c.count > 0)),
  );
  const columns: OutputColumn[] = [
    { name: 'Section', format: 'text' },
    { name: 'Item', format: 'text', width: 48 },
    ...years.map((y) => ({ name: y.name, format: 'money' as const })),
    { name: CHANGE_COLUMN, format: 'money' },
    ...statuses.map((status) => ({ name: status, format: 'integer' as const })),
  ];
  const width = columns.length;
  const rows: OutputCell[][] = [];
  const kinds: RowKind[] = [];
  const formats: (ColumnFormat | null)[] = [];
  const amountFormat: ColumnFormat | null = summary.costBasis === 'FTE' ? 'fte' : null;
  const add = (cells: OutputCell[], kind: RowKind = 'detail', format: ColumnFormat | null = null) => {
    rows.push([...cells, ...Array<OutputCell>(width - cells.length).fill(null)]);
    kinds.push(kind);
    formats.push(format);
  };
  const scale = 10 ** summary.money.decimals;
  const round = (n: number) => Math.round(n * scale) / scale;

  add([S.basis, TEXT.basis(summary.agency, summary.costLabel, units)]);

  const amountOf = (goal: Summary['goals'][number], series: string): number | null =>
    goal.totals.find((t) => t.series === series)?.amount ?? null;
  const sums: (number | null)[] = years.map(() => null);
  const hasChange = summary.currentYear !== null && summary.budgetYear !== null;
  const change = (amounts: (number | null)[]): number | null => {
    const [cy, by] = amounts.slice(-2);
    return !hasChange || cy === null || cy === undefined || by === null || by === undefined
      ? null
      : round(by - cy);
  };
  for (const goal of summary.goals) {
    const amounts = years.map((y) => amountOf(goal, y.series));
    amounts.forEach((a, i) => {
      if (a !== null) sums[i] = round((sums[i] ?? 0) + a);
    });
    add([S.resources, `${goal.goalId} ${goal.name}`, ...amounts, change(amounts)], 'detail', amountFormat);
  }
  if (summary.goals.length > 0) add([S.resources, TEXT.total, ...sums, change(sums)], 'total', amountFormat);

  const names = new Map(summary.goals.map((g) => [g.goalId, g.name]));
  for (const goal of summary.measures.byGoal) {
    const count = (status: Status) => goal.counts.find((c) => c.status === status)?.count ?? 0;
    const name = names.get(goal.goalId);
    add([
      S.measures,
      name ? `${goal.goalId} ${name}` : goal.goalId,
      ...years.map(() => null),
      null,
      ...statuses.map(count),
    ]);
  }
  for (const s of summary.scenarios)
    add([
      S.scenarios,
      TEXT.scenario(s.name, s.year, s.judged, s.metAtBase, s.metInScenario),
      ...years.map(() => null),
      s.fundingChange,
    ]);
  add([S.issues, TEXT.issues(summary.issues.error, summary.issues.warning, summary.issues.info)]);

  const notes = [
    summary.costBasis === null ? NO_BASIS : (BASIS_NOTES[summary.costBasis] ?? NO_BASIS),
    TEXT.goals,
    ...(summary.measures.total > 0 ? [TEXT.measuresYear(summary.measures.year)] : []),
    ...(summary.unreadAmounts.count > 0 ? [TEXT.unread(summary.unreadAmounts.count)] : []),
    TEXT.source,
  ];
  for (const note of notes) add([S.notes, note]);

  return {
    name: 'Summary',
    title: TEXT.title(summary.agency, summary.costLabel, units),
    columns,
    rows,
    rowKinds: kinds,
    rowFormats: formats,
  };
}
