import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crosswalkXlsx } from '../../../server/pipeline';
import { sheetPartsByName, styleCounts, zipEntries } from '../../fixtures/package/inspect';
import { withPrinterSettings } from '../../fixtures/package/printerSettings';

const GSA = join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx');

/**
 * The round trip a budget office makes every week: the tool's output workbook is next week's input. Nothing of
 * the user's may change, and nothing may pile up.
 */
describe('Running again on the tool’s own output', () => {
  let input: Buffer;
  let runs: Buffer[];
  beforeAll(async () => {
    input = readFileSync(GSA);
    runs = [];
    let bytes = input;
    for (let i = 0; i < 3; i++) {
      bytes = (await crosswalkXlsx(bytes)).output;
      runs.push(bytes);
    }
  });

  test('Given the example workbook run three times, Then every input sheet’s part is byte-identical in every output', async () => {
    const before = await sheetPartsByName(input);
    expect(before.size).toBeGreaterThan(3);
    for (const output of runs) {
      const after = await sheetPartsByName(output);
      for (const [name, bytes] of before) expect({ name, bytes: after.get(name) }).toEqual({ name, bytes });
    }
  });

  test('Given the second and third runs, Then the workbook is the same, byte for byte, and its styles stopped growing', async () => {
    const [first, second, third] = runs as [Buffer, Buffer, Buffer];
    expect(await styleCounts(second)).toEqual(await styleCounts(first));
    expect(third.length).toBe(second.length);
    expect(third.equals(second)).toBe(true);
  });

  test('Given an output sheet the user printed (Excel added printer settings to it), When run again, Then the settings part goes with the sheet', async () => {
    const printed = await withPrinterSettings(runs[0] as Buffer, 'Issues');
    expect([...(await zipEntries(printed)).keys()]).toContain('xl/printerSettings/printerSettings1.bin');

    const { output } = await crosswalkXlsx(printed);

    const names = [...(await zipEntries(output)).keys()];
    expect(names.filter((n) => n.includes('printerSettings'))).toEqual([]);
    expect(names).toEqual([...(await zipEntries(runs[1] as Buffer)).keys()]);
  });
});
