import ExcelJS from 'exceljs';
import { OutputNameConflictError, writeCrosswalkWorkbook } from '../../../server/xlsx';
import { esc } from '../../../server/xlsx/ooxml/xml';
import { parseXml, serializeXml, textOf } from '../../../server/xlsx/package/xmlTree';

describe('XML text in and out of workbook parts', () => {
  test('Given named and numeric entities, When parsed, Then the text is as written, and escaping round-trips', () => {
    const doc = parseXml('<a>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x41;&#66; &amp;lt;</a>');
    expect(textOf(doc.root)).toBe(`a & b <c> "d" 'e' AB &lt;`);
    const text = `Cost Pools' & <Ops> "2018" é`;
    expect(textOf(parseXml(`<a t="${esc(text)}">${esc(text)}</a>`).root)).toBe(text);
  });

  test('Given a part written back, When read and written again, Then the bytes are the same (one canonical form)', () => {
    const once = serializeXml(
      parseXml(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<x:a xmlns:x="urn:m" b='1 &amp; "2"'><!-- c --><x:b/>\n<x:c>t&#9;</x:c></x:a>`,
      ),
    );
    expect(serializeXml(parseXml(once))).toBe(once);
    expect(once).toContain('<x:b/>');
  });

  test('Given a DOCTYPE (which can declare entities), When parsed, Then the part is refused', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(/DOCTYPE/);
  });

  test('Given an input workbook with a defined name an output table needs, When written, Then the refusal names it as a defined name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 1;
    wb.definedNames.add('Budget!$A$1', 'Issues');
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const table = {
      name: 'Issues' as const,
      title: 'Issues',
      columns: [{ name: 'Code', format: 'text' as const }],
      rows: [['X']],
    };
    const written = writeCrosswalkWorkbook(input, [table], { units: 'Dollars', decimals: 2 });
    await expect(written).rejects.toBeInstanceOf(OutputNameConflictError);
    await expect(written).rejects.toThrow(/defined name "Issues".*Name Manager/);
  });
});
