import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineResult, OutputTable } from '../../../models';
import { excelWorkbookPort, type ExhibitInfo } from '../../../addin/excel';
import { runEngine } from '../../../server/engine';
import { readWorkbookGrids } from '../../../server/xlsx';
import { footerText } from '../../../server/xlsx/ooxml/pageSetup';
import { FakeExcel } from './fake';

const example = join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx');

let gsa: EngineResult;
let gsaExcel: () => FakeExcel;
let exhibit: ExhibitInfo;
beforeAll(async () => {
  const grids = await readWorkbookGrids(readFileSync(example));
  gsa = runEngine(grids);
  exhibit = { agency: gsa.summary.agency, costLabel: gsa.summary.costLabel };
  gsaExcel = () => {
    const excel = new FakeExcel();
    excel.addGrids(grids);
    return excel;
  };
});

const port = (excel: FakeExcel, pageLayout: boolean) =>
  excelWorkbookPort(excel.run, { suspendScreenUpdating: true, pageLayout });

describe('output sheets print as exhibits through Office.js', () => {
  it('Given an Excel with ExcelApi 1.9, when written, then every output sheet is landscape, one page wide, its header row repeated, with the package writer’s footer', async () => {
    const excel = gsaExcel();
    await port(excel, true).writeOutputs(gsa.tables, gsa.money, undefined, exhibit);
    // The same footer the package writer puts in the sheet XML, section by section.
    const expected = footerText(exhibit, gsa.money);
    expect(expected).toContain(
      'General Services Administration, resources (budget authority), dollars in thousands',
    );
    for (const table of gsa.tables) {
      const { print } = excel.state.sheet(table.name);
      const tall = table.name === 'Summary' ? 1 : 0;
      expect([table.name, print.orientation, print.zoom, print.titleRows]).toEqual([
        table.name,
        'Landscape',
        { horizontalFitToPages: 1, verticalFitToPages: tall },
        '$3:$3',
      ]);
      expect(`&L${print.footer.left}&C${print.footer.center}&R${print.footer.right}`).toBe(expected);
    }
    expect(excel.syncs.every((s) => s.error === undefined)).toBe(true);
  });

  it('Given an agency whose name holds an ampersand, when written, then the footer shows it rather than reading it as a code', async () => {
    const excel = gsaExcel();
    const issues = gsa.tables.find((t) => t.name === 'Issues') as OutputTable;
    await port(excel, true).writeOutputs([issues], gsa.money, undefined, {
      ...exhibit,
      agency: 'Parks & Trails',
    });
    expect(excel.state.sheet('Issues').print.footer.left).toBe(
      '&8Parks && Trails, resources (budget authority), dollars in thousands',
    );
    // A name too long for Excel's 255-character footer is cut, as the package writer cuts it.
    const long = { ...exhibit, agency: 'Department of '.repeat(40) };
    await port(excel, true).writeOutputs([issues], gsa.money, undefined, long);
    const { footer } = excel.state.sheet('Issues').print;
    expect(`&L${footer.left}&C${footer.center}&R${footer.right}`).toBe(footerText(long, gsa.money));
    expect(`&L${footer.left}&C${footer.center}&R${footer.right}`.length).toBeLessThanOrEqual(255);
  });

  it('Given an Excel without ExcelApi 1.9, when written, then the sheets are written and their page setup is left alone', async () => {
    const excel = gsaExcel();
    await port(excel, false).writeOutputs(gsa.tables, gsa.money, undefined, exhibit);
    for (const table of gsa.tables)
      expect(excel.state.sheet(table.name).print).toEqual({
        orientation: 'Portrait',
        zoom: null,
        titleRows: null,
        footer: { left: '', center: '', right: '' },
      });
    expect(excel.state.tableByName('Summary')).toBeDefined();
  });
});
