import { OfficeMockObject } from 'office-addin-mock';
import { excelWorkbookPort, type ExcelRun, type XlContext } from '../../../addin/excel';
import { FakeExcel } from './fake';

// office-addin-mock takes only the OfficeApp names from office-addin-manifest, whose own dependencies are
// ES modules that jest cannot require on Node 20; the stub gives it those names and nothing else.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));

describe('selectCell', () => {
  it('Given an issue at Budget!F17, when clicked, then that sheet is active and F17 selected', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('Settings');
    excel.state.addSheet('Budget');
    const port = excelWorkbookPort(excel.run, { suspendScreenUpdating: true });
    expect(await port.selectCell('Budget', 'F17')).toBe(true);
    expect(excel.state.selection).toEqual({ sheet: 'Budget', address: 'F17' });
    expect(excel.state.activeSheetId).toBe(excel.state.sheet('Budget').id);
  });

  it('Given an issue about a whole sheet, when clicked, then the sheet opens at A1', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('Crosswalk');
    await excelWorkbookPort(excel.run, { suspendScreenUpdating: true }).selectCell('Crosswalk', '');
    expect(excel.state.selection).toEqual({ sheet: 'Crosswalk', address: 'A1' });
  });

  it('Given a sheet deleted since the check, when its issue is clicked, then the pane is told and nothing is selected', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('Settings');
    expect(
      await excelWorkbookPort(excel.run, { suspendScreenUpdating: true }).selectCell('Budget', 'A2'),
    ).toBe(false);
    expect(excel.state.selection).toBeNull();
  });

  it('Given Office’s own mock of Excel, when a cell is selected, then it loads before it reads and selects the range', async () => {
    const selected: string[] = [];
    // As in Office's own examples, the objects live in the mock's tree, so its sync() reaches them.
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            budget: {
              isNullObject: false,
              activate: () => selected.push('activate Budget'),
              range: { select: () => selected.push('select') },
              getRange(address: string) {
                selected.push(`Budget!${address}`);
                return this.range;
              },
            },
            missing: { isNullObject: true },
            getItemOrNullObject(name: string) {
              return name === 'Budget' ? this.budget : this.missing;
            },
          },
        },
      },
    });
    const run: ExcelRun = (batch) => batch(mock.context as XlContext);
    const port = excelWorkbookPort(run, { suspendScreenUpdating: false });
    expect(await port.selectCell('Budget', 'F17')).toBe(true);
    expect(await port.selectCell('Gone', 'A1')).toBe(false);
    expect(selected).toEqual(['activate Budget', 'Budget!F17', 'select']);
  });
});
