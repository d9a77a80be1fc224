import { OUTPUT_TABLE_TOP_LEFT, type OutputTable } from '../../models';
import { summaryCharts, type SummaryChart } from '../../models/summaryCharts';
import { cellAddress, parseA1, rangeAddress } from '../../models/a1';
import { ACTION_BYTES } from './planWrites';
import type { XlChartType, XlWorksheet } from './types';

/**
 * The Summary's two charts drawn through Office.js (`worksheet.charts.add`), the same two the package writer
 * draws as chart parts (models/summaryCharts.ts decides which rows and columns, for both). They are native
 * Excel charts over the Summary's cells, so they follow the figures like a chart the user drew.
 */

/** Throughline's own charts, by name: a re-run deletes exactly these, and never a chart named otherwise. */
export const SUMMARY_CHART_NAMES: Record<SummaryChart['key'], string> = {
  resources: 'Throughline Resources by Goal',
  measures: 'Throughline Measures by Status',
};
const OWN_CHARTS = new Set(Object.values(SUMMARY_CHART_NAMES));
export const isOwnChart = (name: string): boolean => OWN_CHARTS.has(name);

const CHART_TYPES: Record<SummaryChart['shape'], XlChartType> = {
  clusteredColumns: 'ColumnClustered',
  stackedBars: 'BarStacked',
};
const HEADER = parseA1(OUTPUT_TABLE_TOP_LEFT);
/** Fifteen default rows (15 points each): about three inches, the height the package writer gives its charts. */
const CHART_ROWS = 15;
/** The second chart spans at least five columns from C, so a Summary with few status columns still shows it. */
const MIN_RIGHT_COLUMN = 7;

/** The actions the charts take, for the sync budget: add, name, title and place, and two per series. */
export function summaryChartBytes(table: OutputTable): number {
  return summaryCharts(table).reduce((n, c) => n + ACTION_BYTES * (4 + 2 * c.seriesColumns.length), 0);
}

/**
 * Adds the charts below the table with a blank row between, side by side: the first over columns A and B
 * (Section and the wide Item column), the second from column C on. Each series is one column of the table,
 * named by its header, with the Item column as its categories.
 */
export function addSummaryCharts(sheet: XlWorksheet, table: OutputTable): void {
  const bodyRow = (index: number) => HEADER.row + 1 + index;
  const top = bodyRow(Math.max(1, table.rows.length) - 1) + 2;
  const bottom = top + CHART_ROWS - 1;
  const lastColumn = HEADER.column + table.columns.length - 1;
  const spans = [
    { left: 1, right: 2 },
    { left: 3, right: Math.max(lastColumn, MIN_RIGHT_COLUMN) },
  ] as const;
  summaryCharts(table).forEach((spec, i) => {
    const rows = {
      top: bodyRow(spec.rows[0] as number),
      bottom: bodyRow(spec.rows[spec.rows.length - 1] as number),
    };
    const columnAt = (c: number) => HEADER.column + c;
    const values = sheet.getRange(
      rangeAddress({
        ...rows,
        left: columnAt(spec.seriesColumns[0] as number),
        right: columnAt(spec.seriesColumns[spec.seriesColumns.length - 1] as number),
      }),
    );
    const categories = sheet.getRange(
      rangeAddress({ ...rows, left: columnAt(spec.categoryColumn), right: columnAt(spec.categoryColumn) }),
    );
    const chart = sheet.charts.add(CHART_TYPES[spec.shape], values, 'Columns');
    chart.name = SUMMARY_CHART_NAMES[spec.key];
    chart.title.text = spec.title;
    spec.seriesColumns.forEach((column, s) => {
      const series = chart.series.getItemAt(s);
      series.name = table.columns[column]?.name ?? '';
      series.setXAxisValues(categories);
    });
    const span = spans[i === 0 ? 0 : 1];
    chart.setPosition(cellAddress(top, span.left), cellAddress(bottom, span.right));
  });
}
