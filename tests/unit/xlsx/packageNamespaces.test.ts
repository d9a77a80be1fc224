import { writeCrosswalkWorkbook } from '../../../server/xlsx';
import { openXlsx } from '../../../server/xlsx/package/node';
import { scanCells } from '../../../server/xlsx/package/sheetCells';
import { sheetPartsByName, zipEntries } from '../../fixtures/package/inspect';
import { issuesTable, money } from '../../fixtures/package/outputs';
import { prefixedWorkbook } from '../../fixtures/package/prefixedWorkbook';

describe('Namespace prefixes are whatever the file declares', () => {
  test('Given a workbook written with x: and rel: prefixes, When the outputs are written, Then the new sheet uses the same prefixes and the package reads it back', async () => {
    const input = prefixedWorkbook();

    const output = await writeCrosswalkWorkbook(input, [issuesTable], money);

    const workbook = (await zipEntries(output)).get('xl/workbook.xml')?.toString('utf8') ?? '';
    expect(workbook).toMatch(/<x:sheet name="Issues" sheetId="2" rel:id="rId\d+"\/>/);
    expect(workbook).not.toContain('xmlns:r=');
    const pkg = await openXlsx(output);
    expect((await pkg.workbook()).sheets.map((s) => [s.name, s.path])).toEqual([
      ['Budget', 'xl/worksheets/sheet1.xml'],
      ['Issues', 'xl/worksheets/sheet2.xml'],
    ]);
    const cells: string[] = [];
    scanCells((await pkg.largeText('xl/worksheets/sheet1.xml')) ?? '', (c) =>
      cells.push(`${c.address}=${c.inline}`),
    );
    expect(cells).toEqual(['A1=Kept']);
    expect((await sheetPartsByName(output)).get('Budget')).toEqual(
      (await sheetPartsByName(input)).get('Budget'),
    );
  });
});
