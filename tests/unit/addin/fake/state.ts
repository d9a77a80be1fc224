import { cellAddress, parseRange, quoteSheet, rangeAddress, type RangeBox } from '../../../../models/a1';

/**
 * The workbook behind the fake Excel: sheets of cells, tables, defined names, what is selected. Every
 * change goes through a method here that refuses what Excel refuses (a duplicate sheet name, deleting the
 * last sheet, overlapping tables, a table name that is taken or not a valid name), with Excel's error codes.
 */

export class FakeExcelError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type StoredValue = string | number | boolean | null;

export interface FakeCell {
  value: StoredValue;
  /** Set when a string written to `values` was taken as a formula, as Excel takes `=…`, `+…`, `-…`. */
  formula?: string;
  error?: string;
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  underline: string;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borderTop: string;
  hyperlink?: { documentReference?: string; textToDisplay?: string };
}

export interface FakeSheet {
  id: number;
  name: string;
  cells: Map<string, FakeCell>;
  frozenRows: number;
  /** Column (1-based) → width in points. */
  columnWidths: Map<number, number>;
  /** The sheet's charts, in the order they were added; they go with the sheet when it is deleted. */
  charts: FakeChart[];
  /** Its page setup, as `pageLayout` left it. */
  print: FakePrint;
}

export interface FakePrint {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number } | null;
  titleRows: string | null;
  footer: { left: string; center: string; right: string };
}

/** A chart series: the cells its values and categories come from (sheet-qualified addresses). */
export interface FakeChartSeries {
  name: string;
  values: string;
  categories: string | null;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  title: string;
  series: FakeChartSeries[];
  /** The cells the chart covers (`setPosition`); null until it is placed. */
  position: { start: string; end: string } | null;
}

export interface FakeTable {
  id: number;
  name: string;
  sheetId: number;
  box: RangeBox;
  style: string;
  showBandedRows: boolean;
}

const key = (row: number, column: number): string => `${row},${column}`;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;
const CELL_LIKE = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc][0-9]*|[RrCc])$/;

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: string[] = [];
  activeSheetId: number | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Each `application.calculate` asked for, in order. */
  calculations: string[] = [];
  private nextId = 1;

  sheetById(id: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheetByName(name);
    if (!sheet)
      throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: sheet ${name}.`);
    return sheet;
  }

  tableByName(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheet {
    if (name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name))
      throw new FakeExcelError('InvalidArgument', `"${name}" is not a valid sheet name.`);
    if (this.sheetByName(name))
      throw new FakeExcelError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    const sheet: FakeSheet = {
      id: this.nextId++,
      name,
      cells: new Map(),
      frozenRows: 0,
      columnWidths: new Map(),
      charts: [],
      print: {
        orientation: 'Portrait',
        zoom: null,
        titleRows: null,
        footer: { left: '', center: '', right: '' },
      },
    };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  deleteSheet(id: number): void {
    if (this.sheets.length <= 1)
      throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets = this.sheets.filter((s) => s.id !== id);
    this.tables = this.tables.filter((t) => t.sheetId !== id);
    if (this.activeSheetId === id) this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  /**
   * As Excel adds a chart from a range with series by columns: one series per column, named `Series1`, ...
   * (a range of numbers only has no header to name them), with no categories until they are set.
   */
  addChart(sheet: FakeSheet, type: string, source: { sheet: FakeSheet; box: RangeBox }): FakeChart {
    const { box } = source;
    const series = Array.from({ length: box.right - box.left + 1 }, (_, i) => ({
      name: `Series${i + 1}`,
      values: this.address(source.sheet, { ...box, left: box.left + i, right: box.left + i }),
      categories: null,
    }));
    const chart: FakeChart = {
      id: this.nextId++,
      name: `Chart ${sheet.charts.length + 1}`,
      type,
      title: '',
      series,
      position: null,
    };
    sheet.charts.push(chart);
    return chart;
  }

  /** The sheet holding a chart, and the chart; undefined once either is gone. */
  chartById(id: number): { sheet: FakeSheet; chart: FakeChart } | undefined {
    for (const sheet of this.sheets) {
      const chart = sheet.charts.find((c) => c.id === id);
      if (chart) return { sheet, chart };
    }
    return undefined;
  }

  deleteChart(id: number): void {
    const found = this.chartById(id);
    if (!found) throw new FakeExcelError('ItemNotFound', 'The chart no longer exists.');
    found.sheet.charts = found.sheet.charts.filter((c) => c.id !== id);
  }

  deleteTable(id: number): void {
    this.tables = this.tables.filter((t) => t.id !== id);
  }

  /** Empties every cell in the box: values, formulas, formats and links (`clear('All')`). */
  clearCells(sheet: FakeSheet, box: RangeBox): void {
    for (const k of [...sheet.cells.keys()]) {
      const [row = 0, column = 0] = k.split(',').map(Number);
      if (row >= box.top && row <= box.bottom && column >= box.left && column <= box.right)
        sheet.cells.delete(k);
    }
  }

  cell(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
    return sheet.cells.get(key(row, column));
  }

  cellForWrite(sheet: FakeSheet, row: number, column: number): FakeCell {
    let cell = sheet.cells.get(key(row, column));
    if (!cell) {
      cell = {
        value: null,
        numberFormat: 'General',
        bold: false,
        italic: false,
        color: '#000000',
        size: 11,
        underline: 'None',
        wrapText: false,
        horizontalAlignment: 'General',
        verticalAlignment: 'Bottom',
        borderTop: 'None',
      };
      sheet.cells.set(key(row, column), cell);
    }
    return cell;
  }

  /** The smallest range holding every value (or, without valuesOnly, every formatted cell); null when none. */
  usedBox(sheet: FakeSheet, valuesOnly: boolean): RangeBox | null {
    let box: RangeBox | null = null;
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly && cell.value === null && cell.formula === undefined && cell.error === undefined)
        continue;
      const [row = 0, column = 0] = k.split(',').map(Number);
      box = box
        ? {
            top: Math.min(box.top, row),
            left: Math.min(box.left, column),
            bottom: Math.max(box.bottom, row),
            right: Math.max(box.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return box;
  }

  address(sheet: FakeSheet, box: RangeBox): string {
    return `${quoteSheet(sheet.name)}!${rangeAddress(box)}`;
  }

  addTable(sheet: FakeSheet, address: string, hasHeaders: boolean): FakeTable {
    const box = parseRange(address);
    if (!hasHeaders) throw new FakeExcelError('InvalidArgument', 'The fake only makes tables with headers.');
    const overlaps = this.tables.some(
      (t) =>
        t.sheetId === sheet.id &&
        t.box.left <= box.right &&
        box.left <= t.box.right &&
        t.box.top <= box.bottom &&
        box.top <= t.box.bottom,
    );
    if (overlaps) throw new FakeExcelError('InvalidOperation', "A table can't overlap another table.");
    if (box.bottom === box.top) throw new FakeExcelError('InvalidArgument', 'A table needs a body row.');
    // Excel turns the header row into text column names, filling blanks and renaming duplicates.
    const seen = new Set<string>();
    for (let c = box.left; c <= box.right; c++) {
      const cell = this.cellForWrite(sheet, box.top, c);
      let name = cell.value === null || cell.value === '' ? `Column${c - box.left + 1}` : String(cell.value);
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${String(cell.value)}${n}`;
      seen.add(name.toLowerCase());
      cell.value = name;
    }
    let n = this.tables.length + 1;
    while (this.tableByName(`Table${n}`)) n++;
    const table: FakeTable = {
      id: this.nextId++,
      name: `Table${n}`,
      sheetId: sheet.id,
      box,
      style: 'TableStyleMedium2',
      showBandedRows: true,
    };
    this.tables.push(table);
    return table;
  }

  renameTable(table: FakeTable, name: string): void {
    if (!TABLE_NAME.test(name) || CELL_LIKE.test(name))
      throw new FakeExcelError('InvalidArgument', `"${name}" is not a valid table name.`);
    const clash =
      this.tables.some((t) => t.id !== table.id && t.name.toLowerCase() === name.toLowerCase()) ||
      this.names.some((n) => n.toLowerCase() === name.toLowerCase());
    if (clash) throw new FakeExcelError('InvalidArgument', `The name "${name}" is already taken.`);
    table.name = name;
  }

  /** A sheet's values as rows (for assertions): strings, numbers, booleans, '' for blank. */
  valuesOf(sheetName: string, address: string): StoredValue[][] {
    const sheet = this.sheet(sheetName);
    const box = parseRange(address);
    const rows: StoredValue[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: StoredValue[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(this.cell(sheet, r, c)?.value ?? '');
      rows.push(row);
    }
    return rows;
  }

  /** Every cell that Excel would hold as a formula (what output writing must never create). */
  formulas(): string[] {
    return this.sheets.flatMap((s) =>
      [...s.cells].flatMap(([k, cell]) => {
        if (cell.formula === undefined) return [];
        const [row = 0, column = 0] = k.split(',').map(Number);
        return [`${s.name}!${cellAddress(row, column)}: ${cell.formula}`];
      }),
    );
  }
}
