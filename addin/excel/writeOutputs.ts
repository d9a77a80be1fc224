import { OutputNameConflictError } from '../../server/xlsx/errors';
import {
  linkColumnOf,
  OUTPUT_SHEETS,
  tablesForSheets,
  OUTPUT_TABLE_TOP_LEFT,
  type MoneyDisplay,
  type OutputTable,
} from '../../models';
import { columnWidthFor, internalLinkTarget, WRAP_WIDTH, wrappedColumns } from '../../server/xlsx/formats';
import { cellAddress, columnLetters, parseA1, rangeAddress } from '../../models/a1';
import {
  ACTION_BYTES,
  headerCells,
  planWrites,
  rowCells,
  TEXT_FORMAT,
  WRITE_BUDGET_BYTES,
} from './planWrites';
import { exhibitFooter, PRINT_SETUP_BYTES, setUpPrinting, type ExhibitInfo } from './printSetup';
import { addSummaryCharts, isOwnChart, summaryChartBytes } from './summaryCharts';
import { SyncBatcher } from './syncBatcher';
import type { XlContext, XlWorksheet } from './types';

const TABLE_STYLE = 'TableStyleLight9';
const LINK_COLOR = '#0563C1';
const HEADER = parseA1(OUTPUT_TABLE_TOP_LEFT);
/** Where an empty workbook's last sheet waits while the old output sheets go (Excel keeps one sheet). */
const PLACEHOLDER_SHEET = 'Throughline (writing)';
/** The output sheet that carries the charts, as in the package writer. */
const SUMMARY_SHEET = 'Summary';

export interface WriteProgress {
  rowsWritten: number;
  rowsTotal: number;
}

export interface WriteOptions {
  suspendScreenUpdating: boolean;
  /** Whose figures these are: each sheet is then set up to print as an exhibit (only where ExcelApi 1.9 is). */
  exhibit?: ExhibitInfo;
  onProgress?: (progress: WriteProgress) => void;
  budgetBytes?: number;
  /** The most CrosswalkDetail rows a sheet may take (by default, and at most, all a worksheet holds). */
  maxDetailRows?: number;
}

export interface WriteReport {
  sheets: string[];
  syncs: number;
  largestPayloadBytes: number;
}

/**
 * Writes each output table on its own sheet, laid out as the exceljs writer lays it out: title in A1, the
 * table's header at A3, TableStyleLight9, frozen header, number formats per column, bold subtotals and
 * totals, links on the Issues rows, and the Summary's two charts. Sheets the engine owns are replaced whole,
 * except one that holds a chart of the user's: that sheet is emptied and written again in place, so the chart
 * survives and follows the new figures. No other sheet is touched, and a name clash is found before anything
 * is changed. A table longer than its sheet holds (CrosswalkDetail past Excel's row limit, or `maxDetailRows`)
 * gets its header and a note saying how many rows it has and where to get them all (models/oversized.ts), so
 * Office.js is never asked for rows a sheet cannot take and no table is silently cut short.
 */
export async function writeOutputs(
  context: XlContext,
  outputTables: readonly OutputTable[],
  money: MoneyDisplay,
  opts: WriteOptions,
): Promise<WriteReport> {
  // No CSV name: the add-in writes no file beside the workbook, so the note points to the CLI and the API.
  const tables = tablesForSheets(outputTables, { maxDetailRows: opts.maxDetailRows });
  const { worksheets, tables: allTables, names } = context.workbook;
  worksheets.load(['items/name']);
  allTables.load(['items/name', 'items/worksheet/name']);
  names.load(['items/name']);
  await context.sync();

  const lower = (s: string) => s.toLowerCase();
  const outputs = new Map([...OUTPUT_SHEETS, ...tables.map((t) => t.name)].map((n) => [lower(n), n]));
  const wanted = new Set(tables.map((t) => lower(t.name)));
  // A sheet is ours only if Throughline wrote it, as the package writer decides: its name is an output's name
  // exactly, and it holds exactly one table, of that name. Any other sheet or table with an output's name (in
  // any case) is the user's: the run stops before anything is changed, and says what to rename.
  const tablesOn = new Map<string, string[]>();
  for (const t of allTables.items)
    tablesOn.set(t.worksheet.name, [...(tablesOn.get(t.worksheet.name) ?? []), t.name]);
  const isOurs = (sheet: string) => {
    const on = tablesOn.get(sheet) ?? [];
    return outputs.get(lower(sheet)) === sheet && on.length === 1 && on[0] === sheet;
  };
  for (const sheet of worksheets.items) {
    const output = outputs.get(lower(sheet.name));
    if (output !== undefined && !isOurs(sheet.name))
      throw new OutputNameConflictError(sheet.name, sheet.name, 'sheet', output);
  }
  for (const table of allTables.items) {
    if (wanted.has(lower(table.name)) && !isOurs(table.worksheet.name))
      throw new OutputNameConflictError(table.name, table.worksheet.name);
  }
  const definedName = names.items.find((n) => wanted.has(lower(n.name)));
  if (definedName) throw new OutputNameConflictError(definedName.name, '');

  const plans = tables.map((table) => ({ table, blocks: planWrites(table, money, opts.budgetBytes) }));
  const rowsTotal = tables.reduce((n, t) => n + t.rows.length, 0);
  const batcher = new SyncBatcher(
    context,
    opts.budgetBytes ?? WRITE_BUDGET_BYTES,
    opts.suspendScreenUpdating,
    (rowsWritten) => opts.onProgress?.({ rowsWritten, rowsTotal }),
  );

  const ours = worksheets.items.filter((s) => isOurs(s.name));
  const kept = await sheetsWithUserCharts(context, ours, wanted);
  const doomed = ours.filter((s) => !kept.has(s.name));
  let placeholder: XlWorksheet | undefined;
  await batcher.queue(ACTION_BYTES * (ours.length + 1), () => {
    if (doomed.length === worksheets.items.length) placeholder = worksheets.add(PLACEHOLDER_SHEET);
    doomed.forEach((sheet) => sheet.delete());
  });
  for (const sheet of kept.values()) {
    const own = sheet.charts.items.filter((c) => isOwnChart(c.name));
    const onSheet = allTables.items.filter((t) => t.worksheet.name === sheet.name);
    await batcher.queue(ACTION_BYTES * (1 + own.length + onSheet.length), () => {
      own.forEach((chart) => chart.delete());
      onSheet.forEach((table) => table.delete());
      sheet.getRange().clear('All');
    });
  }

  const footer = opts.exhibit ? exhibitFooter(opts.exhibit, money) : null;
  const written: XlWorksheet[] = [];
  for (const { table, blocks } of plans) {
    let sheet: XlWorksheet | undefined;
    await batcher.queue(ACTION_BYTES * 6, () => {
      sheet = kept.get(table.name) ?? worksheets.add(table.name);
      const title = sheet.getRange('A1');
      title.numberFormat = [[TEXT_FORMAT]];
      title.values = [[table.title]];
      title.format.font.bold = true;
      title.format.font.size = 12;
    });
    if (!sheet) continue;
    written.push(sheet);
    for (const block of blocks) {
      const target = sheet;
      await batcher.queue(
        block.bytes,
        () => writeBlock(target, table, money, block),
        block.last - block.first + 1,
      );
    }
    await batcher.queue(finishBytes(table), () => finishTable(sheet as XlWorksheet, table, money));
    if (table.name === SUMMARY_SHEET)
      await batcher.queue(summaryChartBytes(table), () => addSummaryCharts(sheet as XlWorksheet, table));
    if (footer)
      await batcher.queue(PRINT_SETUP_BYTES, () =>
        setUpPrinting(sheet as XlWorksheet, footer, table.name === SUMMARY_SHEET),
      );
  }

  await batcher.queue(ACTION_BYTES * 3, () => {
    const first = written[0];
    if (first) {
      first.activate();
      first.getRange('A1').select();
    }
    placeholder?.delete();
  });
  await batcher.flush();
  // Writes made while calculation was suspended do not recalculate what depends on them (the user's own
  // formulas over the output tables): Excel leaves that to the add-in.
  context.workbook.application.calculate('Recalculate');
  await context.sync();
  return {
    sheets: tables.map((t) => t.name),
    syncs: batcher.syncs + 2 + (ours.length > 0 ? 1 : 0),
    largestPayloadBytes: batcher.largest,
  };
}

const bodyRow = (index: number): number => HEADER.row + 1 + index;

/**
 * The output sheets about to be written again that hold a chart Throughline did not draw, by name. Costs one
 * sync, and only on a re-run (when there are output sheets to replace).
 */
async function sheetsWithUserCharts(
  context: XlContext,
  ours: readonly XlWorksheet[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, XlWorksheet>> {
  if (ours.length === 0) return new Map();
  ours.forEach((sheet) => sheet.charts.load(['items/name']));
  await context.sync();
  const holding = ours.filter(
    (sheet) => wanted.has(sheet.name.toLowerCase()) && sheet.charts.items.some((c) => !isOwnChart(c.name)),
  );
  return new Map(holding.map((sheet) => [sheet.name, sheet]));
}

function writeBlock(
  sheet: XlWorksheet,
  table: OutputTable,
  money: MoneyDisplay,
  block: { first: number; last: number; withHeader: boolean },
): void {
  const values: unknown[][] = [];
  const formats: string[][] = [];
  if (block.withHeader) {
    const header = headerCells(table);
    values.push(header.values);
    formats.push(header.formats);
  }
  for (let row = block.first; row <= block.last; row++) {
    const cells = rowCells(table, row, money);
    values.push(cells.values);
    formats.push(cells.formats);
  }
  const range = sheet.getRange(
    rangeAddress({
      top: block.withHeader ? HEADER.row : bodyRow(block.first),
      left: HEADER.column,
      bottom: bodyRow(block.last),
      right: HEADER.column + table.columns.length - 1,
    }),
  );
  // Formats first: text must already be formatted as text when its value arrives.
  range.numberFormat = formats;
  range.values = values;
  addLinks(sheet, table, block.first, block.last);
}

/** Each linked row's link column (the Issues table's `Cell`) jumps to the place in the workbook it names. */
function addLinks(sheet: XlWorksheet, table: OutputTable, first: number, last: number): void {
  if (!table.links) return;
  const column = linkColumnOf(table);
  for (let row = first; row <= last; row++) {
    const link = table.links[row];
    if (!link || row >= table.rows.length) continue;
    const shown = table.rows[row]?.[column];
    const cell = sheet.getRange(cellAddress(bodyRow(row), HEADER.column + column));
    cell.hyperlink = {
      documentReference: internalLinkTarget(link),
      textToDisplay: shown === null || shown === undefined ? link : String(shown),
    };
    cell.format.font.color = LINK_COLOR;
    cell.format.font.underline = 'Single';
  }
}

/** Runs of consecutive subtotal or total rows, each made bold in one action. */
function emphasisRuns(table: OutputTable): { first: number; last: number; kind: 'subtotal' | 'total' }[] {
  const runs: { first: number; last: number; kind: 'subtotal' | 'total' }[] = [];
  table.rowKinds?.forEach((kind, row) => {
    if (kind === 'detail' || row >= table.rows.length) return;
    const previous = runs[runs.length - 1];
    // Subtotals share one action; each total gets its own rule above it, as the exceljs writer draws them.
    if (kind === 'subtotal' && previous?.kind === kind && previous.last === row - 1) previous.last = row;
    else runs.push({ first: row, last: row, kind });
  });
  return runs;
}

function finishBytes(table: OutputTable): number {
  // A column width each, a wrapped column's wrap and a header's alignment besides.
  return ACTION_BYTES * (7 + 3 * table.columns.length + 2 * emphasisRuns(table).length);
}

/** Excel's character-unit width in points, for Calibri 11: seven pixels a character and five of padding. */
export const widthInPoints = (characters: number): number => Math.round((characters * 7 + 5) * 0.75 * 4) / 4;

function finishTable(sheet: XlWorksheet, table: OutputTable, money: MoneyDisplay): void {
  const right = HEADER.column + table.columns.length - 1;
  const bottom = bodyRow(Math.max(1, table.rows.length) - 1);
  const created = sheet.tables.add(
    sheet.getRange(`${OUTPUT_TABLE_TOP_LEFT}:${columnLetters(right)}${bottom}`),
    true,
  );
  created.name = table.name;
  created.style = TABLE_STYLE;
  created.showBandedRows = true;

  const widths = table.columns.map((column, c) =>
    columnWidthFor(
      column,
      table.rows.map((row) => row[c] ?? null),
      money,
    ),
  );
  // As the package writer: in a wide table a long text column is bounded and wraps (Excel fits the rows).
  const wrap = wrappedColumns(table.columns, widths, table.rows.length);
  widths.forEach((width, c) => {
    const wraps = wrap[c] === true;
    sheet.getRange(cellAddress(HEADER.row, HEADER.column + c)).format.columnWidth = widthInPoints(
      wraps ? WRAP_WIDTH : width,
    );
    if (wraps)
      sheet.getRange(
        rangeAddress({ top: bodyRow(0), left: HEADER.column + c, bottom, right: HEADER.column + c }),
      ).format.wrapText = true;
    // A header over amounts sits right, over the amounts' right edge, as in a budget exhibit.
    if ((table.columns[c]?.format ?? 'text') !== 'text')
      sheet.getRange(cellAddress(HEADER.row, HEADER.column + c)).format.horizontalAlignment = 'Right';
  });
  // In a table whose rows wrap, every cell sits at the top of its row, lined up with the row's first line.
  if (wrap.some(Boolean))
    sheet.getRange(
      rangeAddress({ top: bodyRow(0), left: HEADER.column, bottom, right }),
    ).format.verticalAlignment = 'Top';
  for (const run of emphasisRuns(table)) {
    const range = sheet.getRange(
      rangeAddress({ top: bodyRow(run.first), left: HEADER.column, bottom: bodyRow(run.last), right }),
    );
    range.format.font.bold = true;
    if (run.kind === 'total') range.format.borders.getItem('EdgeTop').style = 'Continuous';
  }
  sheet.freezePanes.freezeRows(HEADER.row);
}
