import ExcelJS from 'exceljs';
import { OutputNameConflictError, writeCrosswalkWorkbook } from '../../../server/xlsx';
import { esc, unescape } from '../../../server/xlsx/ooxml/xml';

describe('XML text in and out of workbook parts', () => {
  test('Given named and numeric entities, When unescaped, Then the text is as written, and escaping round-trips', () => {
    expect(unescape('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x41;&#66; &amp;lt;')).toBe(
      `a & b <c> "d" 'e' AB &lt;`,
    );
    const text = `Cost Pools' & <Ops> "2018" é`;
    expect(unescape(esc(text))).toBe(text);
  });

  test('Given an input workbook with a defined name an output table needs, When written, Then the refusal names it as a defined name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 1;
    wb.definedNames.add('Budget!$A$1', 'Issues');
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const table = {
      name: 'Issues',
      title: 'Issues',
      columns: [{ name: 'Code', format: 'text' as const }],
      rows: [['X']],
    };
    const written = writeCrosswalkWorkbook(input, [table], { units: 'Dollars', decimals: 2 });
    await expect(written).rejects.toBeInstanceOf(OutputNameConflictError);
    await expect(written).rejects.toThrow(/defined name "Issues".*Name Manager/);
  });
});
