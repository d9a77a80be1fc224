import { previewTables } from '../../../addin/pane/xlsxPreview';
import { readOutputTable, writeCrosswalkWorkbook } from '../../../server/xlsx';
import { scanSharedStrings } from '../../../server/xlsx/package/sharedStrings';
import { oddRelationshipIdWorkbook } from '../../fixtures/package/relationshipIds';
import { emptySharedStringWorkbook } from '../../fixtures/package/sharedStrings';
import { sheetPartsByName, zipEntries } from '../../fixtures/package/inspect';
import { issuesTable, money } from '../../fixtures/package/outputs';
import { loadExcel, sheetNamed } from '../../fixtures/xlsx/workbooks';

describe('Shared strings: every entry counts, an empty one too', () => {
  test('Given <si/> among the shared strings, When scanned, Then it is an entry and the texts keep their indexes', () => {
    const scan = scanSharedStrings(
      '<sst><si/><si><t>First</t></si><si><r><t>Sec</t></r><r><t>ond</t></r><rPh><t>x</t></rPh></si></sst>',
      {
        texts: true,
        plain: true,
      },
    );
    expect(scan.count).toBe(3);
    expect(scan.texts).toEqual(['', 'First', 'Second']);
    // Only an entry that is one plain run can stand for an output's text.
    expect([...scan.plain]).toEqual([['First', 1]]);
  });

  test('Given a workbook whose shared strings start with <si/>, When the outputs are written, Then input cells and output titles each show their own text', async () => {
    const input = emptySharedStringWorkbook();

    const output = await writeCrosswalkWorkbook(input, [issuesTable], money);

    const excel = await loadExcel(output);
    const notes = sheetNamed(excel, 'Notes');
    expect([notes.getCell('A2').value, notes.getCell('A3').value]).toEqual(['First', 'Second']);
    expect(sheetNamed(excel, 'Issues').getCell('A1').value).toBe(issuesTable.title);
    expect(await readOutputTable(output, 'Issues')).toEqual({
      header: issuesTable.columns.map((c) => c.name),
      rows: issuesTable.rows,
    });
    expect((await sheetPartsByName(output)).get('Notes')).toEqual(
      (await sheetPartsByName(input)).get('Notes'),
    );
  });

  test('Given the same output, When the pane previews it in the browser path, Then the title, header and rows are the output’s own', async () => {
    const output = await writeCrosswalkWorkbook(emptySharedStringWorkbook(), [issuesTable], money);

    const [preview] = await previewTables(new Uint8Array(output), ['Issues']);

    expect(preview).toMatchObject({
      name: 'Issues',
      title: issuesTable.title,
      header: issuesTable.columns.map((c) => c.name),
      rows: issuesTable.rows,
      totalRows: 1,
    });
  });
});

describe('Shared strings the outputs add are found again on the next run', () => {
  test('Given output text XML cannot hold as is (a control character, a carriage return, edge spaces), When written twice, Then the second run adds no entry and the text reads back', async () => {
    const odd = { ...issuesTable, rows: [['error', 'A\u0001B', 'line\r\nbreak', '  padded  ', 'Budget!A1']] };
    const first = await writeCrosswalkWorkbook(null, [odd], money);
    const second = await writeCrosswalkWorkbook(first, [odd], money);

    const strings = async (bytes: Buffer) =>
      scanSharedStrings((await zipEntries(bytes)).get('xl/sharedStrings.xml')?.toString('utf8') ?? '', {
        texts: true,
      });
    expect((await strings(second)).count).toBe((await strings(first)).count);
    expect((await strings(second)).texts).toEqual(
      expect.arrayContaining(['AB', 'line\r\nbreak', '  padded  ']),
    );
    expect(second.equals(first)).toBe(true);
  });
});

describe('Relationship ids are data, never patterns', () => {
  test.each([['rId1.*'], ['('], ['$1'], ['rId1|Budget'], ['[^x]+']])(
    'Given the tool’s own Issues sheet under relationship id %j, When written again, Then only that sheet is replaced and Budget keeps its bytes',
    async (id) => {
      const input = oddRelationshipIdWorkbook(id);

      const output = await writeCrosswalkWorkbook(input, [issuesTable], money);

      const sheets = await sheetPartsByName(output);
      expect([...sheets.keys()]).toEqual(['Budget', 'Issues']);
      expect(sheets.get('Budget')).toEqual((await sheetPartsByName(input)).get('Budget'));
      expect(await readOutputTable(output, 'Issues')).toMatchObject({ rows: issuesTable.rows });
      // The old sheet's table went with it: one table part, the new one.
      expect([...(await zipEntries(output)).keys()].filter((n) => n.startsWith('xl/tables/'))).toHaveLength(
        1,
      );
    },
  );
});
