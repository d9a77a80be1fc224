import type { CellValue, WorkbookGrids } from '../../../../models';
import { cellAddress, parseA1, rangeAddress } from '../../../../models/a1';
import type { ExcelRun, XlContext } from '../../../../addin/excel/types';
import { FakeRequestContext, PAYLOAD_LIMIT, type SyncRecord } from './context';
import { FakeWorkbookState } from './state';
import { FakeWorkbook } from './workbook';

export {
  FakeExcelError,
  FakeWorkbookState,
  type FakeCell,
  type FakeChart,
  type FakeSheet,
  type FakeTable,
} from './state';
export { PAYLOAD_LIMIT, type SyncRecord } from './context';

/**
 * An in-memory Excel for the add-in's adapter: `run` hands out request contexts as `Excel.run` does, and
 * `syncs` records every request (its payload both ways, whether calculation and screen updating were
 * suspended). Tests build the workbook with `addGrid`, run the adapter, then look at `state`.
 */
export class FakeExcel {
  readonly state = new FakeWorkbookState();
  readonly syncs: SyncRecord[] = [];

  constructor(readonly limit: number = PAYLOAD_LIMIT) {}

  context(): XlContext & { pendingActions: number } {
    const ctx = new FakeRequestContext(this.state, this.syncs, this.limit);
    const workbook = new FakeWorkbook(ctx);
    return {
      workbook,
      sync: () => ctx.sync(),
      get pendingActions() {
        return ctx.pendingActions;
      },
    };
  }

  /** Like `Excel.run`: whatever the batch left queued is sent when it returns. */
  readonly run: ExcelRun = async (batch) => {
    const context = this.context();
    const result = await batch(context);
    if (context.pendingActions > 0) await context.sync();
    return result;
  };

  /** A sheet (made if need be) holding a grid's header and rows, as an Excel table when it came from one. */
  addGrid(grid: WorkbookGrids['tables'][number]): void {
    const sheet = this.state.sheetByName(grid.sheet) ?? this.state.addSheet(grid.sheet);
    const origin = parseA1(grid.topLeft);
    const rows = [grid.header, ...grid.rows];
    const width = Math.max(1, ...rows.map((r) => r.length));
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = this.state.cellForWrite(sheet, origin.row + r, origin.column + c);
        setStored(cell, value);
      }),
    );
    if (grid.source === 'table') {
      const box = {
        top: origin.row,
        left: origin.column,
        bottom: origin.row + Math.max(1, grid.rows.length),
        right: origin.column + width - 1,
      };
      const table = this.state.addTable(sheet, rangeAddress(box), true);
      this.state.renameTable(table, grid.name);
    }
  }

  /** Every grid: tables first, then sheets that hold no table (as the exceljs reader lists both). */
  addGrids(grids: WorkbookGrids): void {
    for (const grid of grids.tables.filter((g) => g.source === 'table')) this.addGrid(grid);
    for (const grid of grids.tables.filter((g) => g.source === 'sheet')) {
      if (!this.state.sheetByName(grid.sheet)) this.addGrid(grid);
    }
  }

  /** The cell at `Sheet!A1`-style coordinates, for assertions. */
  cell(sheet: string, address: string) {
    const { row, column } = parseA1(address);
    return this.state.cell(this.state.sheet(sheet), row, column);
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }
}

function setStored(cell: ReturnType<FakeWorkbookState['cellForWrite']>, value: CellValue): void {
  if (value === null) return;
  if (typeof value !== 'object') {
    cell.value = value;
    return;
  }
  if ('error' in value) cell.error = value.error;
  else if ('date' in value) {
    cell.value = Date.parse(value.date) / 86_400_000 + 25569;
    cell.numberFormat = 'yyyy-mm-dd';
  } else cell.formula = value.formula;
}

export { cellAddress };
