/** The only code that talks to Excel: a WorkbookPort over Office.js's request contexts. */
export { excelWorkbookPort, type WorkbookPort } from './port';
export type { TableWanted } from './readTables';
export type { TemplateReport } from './template';
export type { ExcelFeatures, ExcelRun, XlContext } from './types';
export type { ExhibitInfo } from './printSetup';
export { OutputNameConflictError } from '../../server/xlsx/errors';
export { type WriteProgress, type WriteReport } from './writeOutputs';
export { planWrites, PAYLOAD_LIMIT_BYTES, WRITE_BUDGET_BYTES } from './planWrites';
/** The Office host binding (Office.onReady, Excel.run) is imported from ./officeHost by the bootstrap only. */
