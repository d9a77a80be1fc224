import { INPUT_TABLES } from '../../../models';
import { excelWorkbookPort } from '../../../addin/excel';
import { templateSheets } from '../../../addin/excel/template';
import { runEngine } from '../../../server/engine';
import { FakeExcel } from './fake';

const port = (excel: FakeExcel) => excelWorkbookPort(excel.run, { suspendScreenUpdating: true });

describe('insertTemplate', () => {
  it('Given a blank workbook, when the template is inserted, then every input table of the contract is there with its headers, and Sheet1 is untouched', async () => {
    const excel = new FakeExcel();
    const blank = excel.state.addSheet('Sheet1');
    const report = await port(excel).insertTemplate(2026);

    const expected = templateSheets(2026);
    expect(report).toEqual({ created: expected.map((t) => t.sheet), kept: [] });
    expect(excel.sheetNames()).toEqual(['Sheet1', ...expected.map((t) => t.sheet)]);
    expect(blank.cells.size).toBe(0);
    for (const t of expected) {
      const table = excel.state.tableByName(t.table);
      expect(table?.sheetId).toBe(excel.state.sheet(t.sheet).id);
      expect(table?.box.top).toBe(3);
      const header = excel.state.valuesOf(t.sheet, `A3:${String.fromCharCode(64 + t.columns.length)}3`)[0];
      expect(header).toEqual(t.columns);
    }
    expect(excel.state.valuesOf('Budget', 'J3:L3')).toEqual([
      ['FY2025 Actual', 'FY2026 Enacted', 'FY2027 Request'],
    ]);
    expect(excel.state.valuesOf('Settings', 'A4:B9')).toEqual([
      ['Agency', ''],
      ['Units', 'Dollars'],
      ['Cost Basis', ''],
      ['Budget Year', ''],
      ['Base Year', ''],
      ['Allocation', 'Step-Down'],
    ]);
    // Codes typed later stay as typed: `0001` is not turned into 1.
    expect(excel.cell('Budget', 'C4')?.numberFormat).toBe('@');
    expect(excel.cell('Budget', 'A2')?.value).toMatch(/^Required\. /);
    expect(excel.state.selection).toEqual({ sheet: 'Settings', address: 'A4' });
  });

  it('Given the template, when read back and run, then the engine finds every required table (and only says they are empty)', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('Sheet1');
    await port(excel).insertTemplate(2026);
    const grids = await port(excel).readTables(Object.values(INPUT_TABLES));
    const names = grids.tables.map((t) => t.name);
    for (const required of Object.values(INPUT_TABLES).filter((t) => t.required))
      expect(names).toContain(required.name.replace(/\s+/g, ''));
    const result = runEngine(grids);
    expect(result.issues.filter((i) => i.code === 'TABLE_MISSING')).toEqual([]);
  });

  it('Given a workbook that already has a Budget sheet, when the template is inserted, then that sheet is kept exactly as it was', async () => {
    const excel = new FakeExcel();
    const budget = excel.state.addSheet('Budget');
    excel.state.cellForWrite(budget, 1, 1).value = 'my budget';
    const report = await port(excel).insertTemplate(2026);
    expect(report.kept).toEqual(['Budget']);
    expect(report.created).not.toContain('Budget');
    expect([...budget.cells.keys()]).toEqual(['1,1']);
    expect(excel.cell('Budget', 'A1')?.value).toBe('my budget');
    expect(excel.state.tableByName('Budget')).toBeUndefined();
  });
});
