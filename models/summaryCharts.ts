import type { OutputTable } from './grid';
import { SUMMARY_SECTIONS as S } from './outputs';

/** The Summary's change column, which separates its year columns from its status columns. */
export const CHANGE_COLUMN = 'Change BY vs CY';

/**
 * One of the Summary's two charts, as both writers draw it (the package writer as a chart part, the add-in through
 * Office.js): the body rows it plots (one category each, named by the Item column), the columns holding its
 * series (one series each, named by its header), and its shape. Rows and columns are indexes into the table;
 * each list is a consecutive run, so one cell range holds a chart's values.
 */
export interface SummaryChart {
  key: 'resources' | 'measures';
  title: string;
  /** Clustered columns compare years side by side; stacked bars add each goal's statuses up to its measures. */
  shape: 'clusteredColumns' | 'stackedBars';
  rows: number[];
  categoryColumn: number;
  seriesColumns: number[];
}

/**
 * The charts a Summary table has something to draw for: resources by goal, CY against BY (the last two year
 * columns, before the change), over the goals' rows (not the total); and measures by status per goal, over the
 * status columns (after the change). Empty when neither has rows and columns.
 */
export function summaryCharts(table: OutputTable): SummaryChart[] {
  const changeAt = table.columns.findIndex((c) => c.name === CHANGE_COLUMN);
  if (changeAt < 0) return [];
  const rowsOf = (section: string) =>
    table.rows.flatMap((row, i) =>
      row[0] === section && (table.rowKinds?.[i] ?? 'detail') === 'detail' ? [i] : [],
    );
  // Columns: Section, Item, the year columns (PY, CY, BY as the Budget has them), the change, one per status.
  const yearColumns = Array.from({ length: changeAt - 2 }, (_, i) => i + 2).slice(-2);
  const statusColumns = table.columns.flatMap((_, i) => (i > changeAt ? [i] : []));
  const charts: SummaryChart[] = [
    {
      key: 'resources',
      title: 'Resources by goal',
      shape: 'clusteredColumns',
      rows: rowsOf(S.resources),
      categoryColumn: 1,
      seriesColumns: yearColumns,
    },
    {
      key: 'measures',
      title: 'Measures by status per goal',
      shape: 'stackedBars',
      rows: rowsOf(S.measures),
      categoryColumn: 1,
      seriesColumns: statusColumns,
    },
  ];
  return charts.filter((c) => c.rows.length > 0 && c.seriesColumns.length > 0);
}
