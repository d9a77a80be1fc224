import type { MoneyDisplay, OutputTable, WorkbookGrids } from '../../models';
import { readTables, type TableWanted } from './readTables';
import { insertTemplate, type TemplateReport } from './template';
import type { ExhibitInfo } from './printSetup';
import type { ExcelFeatures, ExcelRun } from './types';
import { writeOutputs, type WriteProgress, type WriteReport } from './writeOutputs';

/**
 * Everything the task pane asks of the open workbook. The pane holds one of these and never sees Office.js;
 * `excelWorkbookPort` is the only implementation, over `Excel.run` in Excel and over the fake in tests.
 */
export interface WorkbookPort {
  /** Worksheet names, in tab order. */
  listSheets(): Promise<string[]>;
  /** The contract's tables as grids: each Excel table of a wanted name, else the worksheet of that name. */
  readTables(
    wanted: readonly TableWanted[],
    onProgress?: (read: number, total: number) => void,
  ): Promise<WorkbookGrids>;
  /**
   * Replaces the output sheets with these tables; input sheets are never touched. With `exhibit` (whose figures
   * they are), each sheet is set up to print as an exhibit where this Excel can (ExcelApi 1.9).
   */
  writeOutputs(
    tables: readonly OutputTable[],
    money: MoneyDisplay,
    onProgress?: (progress: WriteProgress) => void,
    exhibit?: ExhibitInfo,
  ): Promise<WriteReport>;
  /** Adds the contract's input sheets and tables that the workbook does not have yet. */
  insertTemplate(fiscalYear: number): Promise<TemplateReport>;
  /** Goes to a cell (an issue's place); false when the sheet is no longer there. */
  selectCell(sheet: string, cell: string): Promise<boolean>;
}

export function excelWorkbookPort(run: ExcelRun, features: ExcelFeatures): WorkbookPort {
  return {
    listSheets: () =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load(['items/name']);
        await context.sync();
        return sheets.items.map((s) => s.name);
      }),
    readTables: (wanted, onProgress) => run((context) => readTables(context, wanted, onProgress)),
    writeOutputs: (tables, money, onProgress, exhibit) =>
      run((context) =>
        writeOutputs(context, tables, money, {
          suspendScreenUpdating: features.suspendScreenUpdating,
          ...(onProgress ? { onProgress } : {}),
          ...(exhibit && features.pageLayout ? { exhibit } : {}),
        }),
      ),
    insertTemplate: (fiscalYear) => run((context) => insertTemplate(context, fiscalYear)),
    selectCell: (sheetName, cell) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load(['isNullObject']);
        await context.sync();
        if (sheet.isNullObject) return false;
        sheet.activate();
        sheet.getRange(/^[A-Z]{1,3}[1-9][0-9]*$/.test(cell) ? cell : 'A1').select();
        await context.sync();
        return true;
      }),
  };
}
