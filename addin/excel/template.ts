import { INPUT_TABLES, type InputTableSpec } from '../../models';
import { cellAddress, columnLetters } from '../../models/a1';
import type { XlContext, XlWorksheet } from './types';

/** The contract's input tables a new workbook starts with (Performance is the alternative for published reports). */
const TEMPLATE_TABLES: readonly InputTableSpec[] = [
  INPUT_TABLES.Settings,
  INPUT_TABLES.Budget,
  INPUT_TABLES.Goals,
  INPUT_TABLES.Objectives,
  INPUT_TABLES.Measures,
  INPUT_TABLES.Results,
  INPUT_TABLES.Crosswalk,
  INPUT_TABLES.CostPools,
  INPUT_TABLES.Drivers,
  INPUT_TABLES.Scenarios,
  INPUT_TABLES.Responses,
  INPUT_TABLES.AllocationLimits,
  // DATA Act files (with no Budget rows, the Budget is derived from File B); each sheet's note says how to paste a CSV.
  INPUT_TABLES.FileA,
  INPUT_TABLES.FileB,
];

/** Settings rows filled in with the contract's defaults, so a budget officer sees what can be set. */
const SETTINGS_ROWS: readonly (readonly [string, string])[] = [
  ['Agency', ''],
  ['Units', 'Dollars'],
  ['Cost Basis', ''],
  ['Budget Year', ''],
  ['Base Year', ''],
  ['Allocation', 'Step-Down'],
  ['Submission Period', ''],
];

/** Columns holding codes and IDs are formatted as text, so `0001` and `1.10` stay as typed. */
const CODE_COLUMNS = /(^|\s)(id|account|program activity|object class|cost pool|target pool|key)$/i;
const NOTE_COLOR = '#595959';
const HEADER_ROW = 3;

export interface TemplateSheet {
  sheet: string;
  table: string;
  columns: string[];
  /** Body rows written (the Settings defaults), else one blank row. */
  rows: string[][];
}

/**
 * The template's tables: Budget takes one column per series, the prior year's actuals, the current year's
 * enacted level and the budget year's request, labelled as a budget justification labels them.
 */
export function templateSheets(fiscalYear: number): TemplateSheet[] {
  return TEMPLATE_TABLES.map((spec) => {
    let columns = spec.columns.map((c) => c.name);
    if (spec === INPUT_TABLES.Budget)
      columns = [
        ...columns.filter((c) => c !== 'Fiscal Year' && c !== 'Version' && c !== 'Amount'),
        `FY${fiscalYear - 1} Actual`,
        `FY${fiscalYear} Enacted`,
        `FY${fiscalYear + 1} Request`,
      ];
    const rows = spec === INPUT_TABLES.Settings ? SETTINGS_ROWS.map((r) => [...r]) : [columns.map(() => '')];
    return { sheet: spec.name, table: spec.name.replace(/\s+/g, ''), columns, rows };
  });
}

export interface TemplateReport {
  created: string[];
  /** Sheets or tables the workbook already had under a template name: left exactly as they were. */
  kept: string[];
}

/**
 * Adds the input sheets, each with its Excel table, a line saying what it holds and a note above each
 * column. Never touches a sheet that exists: a name already taken (as a sheet or as a table) is skipped.
 */
export async function insertTemplate(context: XlContext, fiscalYear: number): Promise<TemplateReport> {
  const { worksheets, tables, application } = context.workbook;
  worksheets.load(['items/name']);
  tables.load(['items/name']);
  await context.sync();

  const taken = new Set([...worksheets.items, ...tables.items].map((x) => x.name.toLowerCase()));
  const report: TemplateReport = { created: [], kept: [] };
  application.suspendApiCalculationUntilNextSync();
  let first: XlWorksheet | undefined;
  for (const t of templateSheets(fiscalYear)) {
    if (taken.has(t.sheet.toLowerCase()) || taken.has(t.table.toLowerCase())) {
      report.kept.push(t.sheet);
      continue;
    }
    const sheet = worksheets.add(t.sheet);
    first ??= sheet;
    addTemplateSheet(sheet, t);
    report.created.push(t.sheet);
  }
  first?.activate();
  first?.getRange(cellAddress(HEADER_ROW + 1, 1)).select();
  await context.sync();
  return report;
}

function addTemplateSheet(sheet: XlWorksheet, t: TemplateSheet): void {
  const spec = TEMPLATE_TABLES.find((s) => s.name === t.sheet);
  const last = columnLetters(t.columns.length);
  const note = sheet.getRange('A1');
  note.values = [[spec?.note ?? '']];
  note.format.font.italic = true;
  note.format.font.color = NOTE_COLOR;

  const notes = sheet.getRange(`A2:${last}2`);
  notes.numberFormat = [t.columns.map(() => '@')];
  notes.values = [t.columns.map((name) => columnNote(spec, name))];
  notes.format.wrapText = true;
  notes.format.font.size = 9;
  notes.format.font.color = NOTE_COLOR;

  const bottom = HEADER_ROW + t.rows.length;
  const body = sheet.getRange(`A${HEADER_ROW}:${last}${bottom}`);
  body.numberFormat = [
    t.columns.map(() => '@'),
    ...t.rows.map(() => t.columns.map((name) => (CODE_COLUMNS.test(name) ? '@' : 'General'))),
  ];
  body.values = [t.columns, ...t.rows];
  const table = sheet.tables.add(body, true);
  table.name = t.table;
  table.style = 'TableStyleLight9';
  table.showBandedRows = true;
  t.columns.forEach((name, i) => {
    const width = Math.min(40, Math.max(14, name.length + 4));
    sheet.getRange(cellAddress(HEADER_ROW, i + 1)).format.columnWidth = (width * 7 + 5) * 0.75;
  });
  sheet.freezePanes.freezeRows(HEADER_ROW);
}

function columnNote(spec: InputTableSpec | undefined, name: string): string {
  const column = spec?.columns.find((c) => c.name === name);
  if (!column) return /^FY\d{4}$/.test(name) ? 'Amounts for that fiscal year, in Units' : '';
  return column.required ? `Required. ${column.note}` : column.note;
}
