/** The exceljs adapter: .xlsx bytes in, grids out; output tables in, .xlsx bytes out. */
export { readWorkbookGrids, readOutputTable, type ReadLimits } from './readGrids';
export { writeCrosswalkWorkbook } from './writeOutputs';
export {
  oversizedTables,
  SHEET_BODY_ROWS,
  WORKBOOK_DETAIL_ROWS,
  type OversizeOptions,
} from '../../models/oversized';
export { tableCsv } from './csv';
export type { ExhibitInfo } from './ooxml/pageSetup';
export { checkXlsxZip, type ZipLimits, type ZipSummary } from './package/guard';
export { numberFormatFor, columnWidthFor, displayLength, internalLinkTarget } from './formats';
export {
  UnreadableWorkbookError,
  WorkbookTooLargeError,
  OutputNameConflictError,
  type UnreadableReason,
  type PackageRefusal,
  type ConflictKind,
  type SizeLimit,
} from './errors';
