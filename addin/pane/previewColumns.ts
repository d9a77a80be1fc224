import { OUTPUT_TABLES, type ColumnFormat } from '../../models';

/**
 * How a preview shows a wide output table in a narrow pane: the row's label pinned at the left (the goal's or
 * measure's name, with its IDs under it), then the amounts, budget year and current year first with the change
 * beside them, then the other figures, then the remaining text. The sheet itself keeps the contract's order;
 * this is only the order in which a reader needs the columns.
 */
export interface PreviewLayout {
  /** The pinned column, or null when the table has no text column. */
  label: number | null;
  /** Text columns shown small under the label (IDs, level, amount type). */
  context: number[];
  /** The other columns, in the order shown after the label. */
  order: number[];
  formats: ColumnFormat[];
}

/** The column that names a row, by table (else the first text column). */
const LABEL: Readonly<Record<string, string>> = {
  ResourcesByGoal: 'Name',
  CrosswalkMatrix: 'Program Activity Title',
  CrosswalkDetail: 'Account Title',
  CostPerOutcome: 'Measure',
  SupportCosts: 'Cost Pool',
  ScenarioResults: 'Measure',
  ScenarioComparison: 'Goal',
  GoalSeek: 'Measure',
  BestAllocation: 'Objective',
  PerformanceTrend: 'Measure',
  ProgramInventory: 'Program',
  Issues: 'Message',
};
/** Short text that tells rows with the same label apart: shown under it rather than in columns of their own. */
const CONTEXT = new Set([
  'Level',
  'Goal ID',
  'Objective ID',
  'Measure ID',
  'Account',
  'Program Activity',
  'Amount Type',
  'Scenario',
  'Fiscal Year',
  'Severity',
  'Cell',
  'Status',
]);

export interface Years {
  budget: string | null;
  current: string | null;
  prior: string | null;
}

export function previewLayout(table: string, header: readonly string[], years: Years): PreviewLayout {
  const formats = header.map((name) => columnFormat(table, name));
  const text = (i: number) => formats[i] === 'text';
  const all = header.map((_, i) => i);
  const named = header.indexOf(LABEL[table] ?? '');
  const label = named >= 0 ? named : (all.find(text) ?? null);
  const context = all.filter((i) => i !== label && text(i) && CONTEXT.has(header[i] ?? ''));
  const rank = (i: number): number => {
    const name = header[i] ?? '';
    if (text(i)) return 9;
    if (years.budget && name.startsWith(years.budget)) return 0;
    if (years.current && name.startsWith(years.current)) return 1;
    if (/^change\b/i.test(name)) return 2;
    if (years.prior && name.startsWith(years.prior)) return 3;
    return formats[i] === 'money' ? 4 : 5;
  };
  // Within a rank, the latest fiscal year first (a trend's last result before its first), then the sheet's order.
  // A trend's years with results come before years that only have targets (the next year's first), and a year's
  // Actual before its Target: the latest result is what a reader looks for first.
  const year = (i: number) => Number(/^FY(\d{4})\b/.exec(header[i] ?? '')?.[1] ?? 0);
  const isActual = (i: number) => / Actual$/.test(header[i] ?? '');
  const reported = new Set(all.filter(isActual).map(year));
  const key = (i: number) => {
    const y = year(i);
    const ahead = y > 0 && reported.size > 0 && !reported.has(y);
    return { i, r: rank(i), ahead: ahead ? 1 : 0, y: ahead ? -y : y, actual: isActual(i) ? 0 : 1 };
  };
  const order = all
    .filter((i) => i !== label && !context.includes(i))
    .map(key)
    .sort((a, b) => a.r - b.r || a.ahead - b.ahead || b.y - a.y || a.actual - b.actual || a.i - b.i)
    .map((x) => x.i);
  return { label, context, order, formats };
}

/** The contract's format for a column; the per-series and per-objective columns are money. */
export function columnFormat(table: string, column: string): ColumnFormat {
  const specs: Record<string, readonly { name: string; format: ColumnFormat }[]> = OUTPUT_TABLES;
  const known = [...(specs[table] ?? []), ...(specs[`${table}Tail`] ?? [])].find((c) => c.name === column);
  if (known) return known.format;
  return table === 'ResourcesByGoal' ||
    table === 'CrosswalkMatrix' ||
    table === 'CrosswalkDetail' ||
    table === 'ProgramInventory'
    ? 'money'
    : 'number';
}
