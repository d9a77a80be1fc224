import { writeCrosswalkWorkbook } from '../../../server/xlsx';
import { sheetPartsByName, styleCounts, zipEntries } from '../../fixtures/package/inspect';
import { ownOutputSheet, userSheet } from '../../fixtures/package/ownOutput';
import { issuesTable, money, resourcesTable } from '../../fixtures/package/outputs';
import { rawWorkbook } from '../../fixtures/package/rawWorkbook';
import { EMPTY_NUMFMTS_STYLES, stylesWithNumberFormats } from '../../fixtures/package/styles';
import { loadExcel, sheetNamed } from '../../fixtures/xlsx/workbooks';

const ACCOUNTING = '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)';
// Shares print negatives in parentheses like the money beside them: a custom format, not Excel's built-in 0.00%.
const SHARE = '0.00%;(0.00%)';
// The custom formats the outputs add: money and shares.
const ADDED = 2;
const outputs = [resourcesTable, issuesTable];

describe('Styles: the writer adds what outputs need once, and reuses it after', () => {
  test('Given <numFmts count="0"/>, When the outputs are written, Then the money and share formats are added and shown', async () => {
    const input = rawWorkbook({ sheets: [userSheet('Budget')], styles: EMPTY_NUMFMTS_STYLES });

    const output = await writeCrosswalkWorkbook(input, outputs, money);

    expect((await styleCounts(output)).numFmts).toBe(ADDED);
    expect(sheetNamed(await loadExcel(output), 'ResourcesByGoal').getCell('B4').numFmt).toBe(ACCOUNTING);
    const styles = (await zipEntries(output)).get('xl/styles.xml')?.toString('utf8') ?? '';
    expect(styles).toContain(`formatCode="${SHARE}"`);
  });

  test('Given 150,000 number formats, When the outputs are written, Then nothing overflows and every existing format keeps its id', async () => {
    const count = 150_000;
    const input = rawWorkbook({ sheets: [userSheet('Budget')], styles: stylesWithNumberFormats(count) });

    const output = await writeCrosswalkWorkbook(input, outputs, money);

    const styles = (await zipEntries(output)).get('xl/styles.xml')?.toString('utf8') ?? '';
    let formats = 0;
    for (let at = styles.indexOf('<numFmt '); at >= 0; at = styles.indexOf('<numFmt ', at + 1)) formats++;
    expect(formats).toBe(count + ADDED);
    expect(styles).toContain(
      `<numFmt numFmtId="${164 + count - 1}" formatCode="0.${'0'.repeat((count - 1) % 9)}&quot;u${count - 1}&quot;"/>`,
    );
    expect(styles).toContain(
      `<numFmt numFmtId="${164 + count}" formatCode="${ACCOUNTING.replace(/"/g, '&quot;')}"/>`,
    );
  });

  test('Given the tool’s own output, When written again and again, Then style counts, size and bytes stop changing after the first run', async () => {
    const input = rawWorkbook({ sheets: [userSheet('Budget'), ownOutputSheet('Issues')] });

    const first = await writeCrosswalkWorkbook(input, outputs, money);
    const second = await writeCrosswalkWorkbook(first, outputs, money);
    const third = await writeCrosswalkWorkbook(second, outputs, money);

    const counts = await styleCounts(first);
    expect(counts).toEqual({ numFmts: ADDED, fonts: 4, fills: 2, borders: 2, cellXfs: expect.any(Number) });
    expect(await styleCounts(second)).toEqual(counts);
    expect(await styleCounts(third)).toEqual(counts);
    expect(second.length).toBe(first.length);
    expect(third.equals(second)).toBe(true);
    expect((await sheetPartsByName(third)).get('Budget')).toEqual(
      (await sheetPartsByName(input)).get('Budget'),
    );
  });

  test('Given a styles part with a look the outputs need already in it, When written, Then that entry is reused, not copied', async () => {
    const input = rawWorkbook({ sheets: [userSheet('Budget')] });
    const first = await writeCrosswalkWorkbook(input, outputs, money);
    // Other outputs this time: still no new font, border or cell format for looks already there.
    const second = await writeCrosswalkWorkbook(first, [issuesTable], money);
    expect(await styleCounts(second)).toEqual(await styleCounts(first));
  });
});
