/**
 * The slice of the Excel JavaScript API (Office.js) this adapter uses, as plain structural types. The real
 * `Excel.RequestContext` satisfies them (the bootstrap's `Excel.run` call is the compile-time check), and so
 * does the in-memory fake the tests run against. Keeping the slice this small is the point: every property
 * or method here is one the fake must reproduce faithfully, and one the manifest's ExcelApi set must cover.
 */

export interface XlLoadable {
  /** Queues a read of these properties; they may be read only after the next `sync()`. */
  load(propertyNames: string[]): unknown;
}

export interface XlFont {
  bold: boolean;
  italic: boolean;
  /** `#RRGGBB`. */
  color: string;
  size: number;
  underline: string;
}

export interface XlRangeFormat {
  font: XlFont;
  /** In points (not Excel's character units). ExcelApi 1.2. */
  columnWidth: number;
  wrapText: boolean;
  /** ExcelApi 1.1: 'General', 'Left', 'Center', 'Right', … */
  horizontalAlignment: string;
  /** ExcelApi 1.1: 'Top', 'Center', 'Bottom', … */
  verticalAlignment: string;
  borders: { getItem(index: 'EdgeTop'): { style: string } };
}

export interface XlHyperlink {
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface XlRange extends XlLoadable {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  values: unknown[][];
  numberFormat: unknown[][];
  readonly valueTypes: string[][];
  readonly format: XlRangeFormat;
  /** ExcelApi 1.7. */
  hyperlink: XlHyperlink;
  select(): void;
  /** Clears values, formats and links (ExcelApi 1.1). */
  clear(applyTo: 'All'): void;
}

export interface XlTable extends XlLoadable {
  readonly isNullObject: boolean;
  name: string;
  style: string;
  showBandedRows: boolean;
  readonly worksheet: XlWorksheet;
  getRange(): XlRange;
  getHeaderRowRange(): XlRange;
  getDataBodyRange(): XlRange;
  delete(): void;
}

export interface XlTableCollection extends XlLoadable {
  readonly items: XlTable[];
  /**
   * Pass a Range: Excel reads a string address without a sheet name as on the *active* sheet, even on a
   * worksheet's own collection. (A Range here needs ExcelApi 1.3.)
   */
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XlTable;
}

/** The chart types Throughline draws (`Excel.ChartType` values). */
export type XlChartType = 'ColumnClustered' | 'BarStacked';

export interface XlChartSeries {
  /** ExcelApi 1.1. */
  name: string;
  /** The series' categories, from cells (ExcelApi 1.7). */
  setXAxisValues(sourceData: XlRange): void;
}

export interface XlChart extends XlLoadable {
  /** Unique on its worksheet; how a re-run tells Throughline's charts from the user's. */
  name: string;
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): XlChartSeries };
  /** Moves the chart to cover `startCell` to `endCell` (ExcelApi 1.1). */
  setPosition(startCell: string, endCell: string): void;
  delete(): void;
}

export interface XlChartCollection extends XlLoadable {
  readonly items: XlChart[];
  /** One series per column of `sourceData` with `'Columns'` (ExcelApi 1.1). */
  add(type: XlChartType, sourceData: XlRange, seriesBy: 'Columns'): XlChart;
}

/** Page setup (ExcelApi 1.9): set only where `isSetSupported` says so. */
export interface XlPageLayout {
  /** `'Landscape'` or `'Portrait'`. */
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number };
  setPrintTitleRows(printTitleRows: string): void;
  readonly headersFooters: {
    readonly defaultForAllPages: { leftFooter: string; centerFooter: string; rightFooter: string };
  };
}

export interface XlWorksheet extends XlLoadable {
  readonly isNullObject: boolean;
  name: string;
  /** ExcelApi 1.9. */
  readonly pageLayout: XlPageLayout;
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  /** ExcelApi 1.7. */
  readonly freezePanes: { freezeRows(count: number): void };
  /** Without an address: every cell of the sheet. */
  getRange(address?: string): XlRange;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends XlLoadable {
  readonly items: XlWorksheet[];
  add(name: string): XlWorksheet;
  /** ExcelApi 1.4. */
  getItemOrNullObject(key: string): XlWorksheet;
}

export interface XlNamedItemCollection extends XlLoadable {
  readonly items: { readonly name: string }[];
}

export interface XlApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9: called only where `isSetSupported` says so. */
  suspendScreenUpdatingUntilNextSync(): void;
  /** ExcelApi 1.1: after writing with calculation suspended, dependents must be recalculated. */
  calculate(calculationType: 'Recalculate'): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
  readonly names: XlNamedItemCollection;
  readonly application: XlApplication;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel.run`, or the fake's: one request context for the whole batch, however many syncs it takes. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** What this Excel supports, asked once at start-up (`Office.context.requirements.isSetSupported`). */
export interface ExcelFeatures {
  /** ExcelApi 1.9: `suspendScreenUpdatingUntilNextSync`. */
  suspendScreenUpdating: boolean;
  /** ExcelApi 1.9: `worksheet.pageLayout`, so the output sheets print as exhibits (absent: not used). */
  pageLayout?: boolean;
}

/** Excel's error codes for a request or response over Excel on the web's 5 MB payload limit. */
export const PAYLOAD_LIMIT_CODES: readonly string[] = [
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
];

export function isPayloadLimitError(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    'code' in e &&
    typeof e.code === 'string' &&
    PAYLOAD_LIMIT_CODES.includes(e.code)
  );
}
