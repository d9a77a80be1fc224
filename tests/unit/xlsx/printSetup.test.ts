import type { OutputTable } from '../../../models';
import { writeCrosswalkWorkbook } from '../../../server/xlsx';
import { footerText } from '../../../server/xlsx/ooxml/pageSetup';
import { zipEntries } from '../../fixtures/package/inspect';

const money = { units: 'Thousands', decimals: 0 } as const;
const table: OutputTable = {
  name: 'ResourcesByGoal',
  title: 'Resources',
  columns: [
    { name: 'Goal', format: 'text' },
    { name: 'Share', format: 'share' },
  ],
  rows: [['G1', 0.25]],
};

async function partText(bytes: Buffer, name: string): Promise<string> {
  const part = (await zipEntries(bytes)).get(name);
  if (part === undefined) throw new Error(`no part ${name}`);
  return part.toString('utf8');
}

describe('Output sheets print as exhibits', () => {
  test('Given an output sheet, When written, Then it is landscape, one page wide, with its header row repeated and a footer', async () => {
    const bytes = await writeCrosswalkWorkbook(null, [table], money, {
      agency: 'Bureau of R&D',
      costLabel: 'resources (obligations)',
    });
    const sheet = await partText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // A literal & is doubled in a footer code, then escaped for XML.
    expect(sheet).toContain(
      '<oddFooter>&amp;L&amp;8Bureau of R&amp;&amp;D, resources (obligations), dollars in thousands' +
        '&amp;C&amp;8Source: Throughline&amp;R&amp;8Run &amp;D, page &amp;P of &amp;N</oddFooter>',
    );
    const workbook = await partText(bytes, 'xl/workbook.xml');
    expect(workbook).toContain(
      `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'ResourcesByGoal'!$3:$3</definedName></definedNames>`,
    );
  });

  test('Given shares, When written, Then they show as percentages, negatives in parentheses', async () => {
    const bytes = await writeCrosswalkWorkbook(null, [table], money);
    expect(await partText(bytes, 'xl/styles.xml')).toMatch(
      /<numFmt numFmtId="\d+" formatCode="0\.00%;\(0\.00%\)"\/>/,
    );
  });

  test('Given a very long agency name, When the footer is made, Then it stays within Excel’s 255 characters', () => {
    const footer = footerText({ agency: 'A&'.repeat(300), costLabel: 'resources' }, money);
    expect(footer.length).toBeLessThanOrEqual(255);
    expect(footer).toContain('Source: Throughline');
  });
});
