import { checkXlsxZip, UnreadableWorkbookError, WorkbookTooLargeError } from '../../../server/xlsx';
import { plainZip, workbookBytes, zipBomb } from '../../fixtures/xlsx/workbooks';

const MiB = 1024 * 1024;

/** Rewrites every central-directory entry's declared uncompressed size, as a forged archive would. */
function declareUncompressedSize(zip: Buffer, size: number): Buffer {
  const forged = Buffer.from(zip);
  for (let i = forged.indexOf('PK\x01\x02'); i >= 0; i = forged.indexOf('PK\x01\x02', i + 4)) {
    forged.writeUInt32LE(size, i + 24);
  }
  return forged;
}

describe('checkXlsxZip', () => {
  it('Given an ordinary workbook, When checked, Then it passes and reports its parts', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Budget').getCell('A1').value = 'Account';
    });

    const summary = checkXlsxZip(bytes);

    expect(summary.entries).toBeGreaterThan(5);
    expect(summary.uncompressedBytes).toBeGreaterThan(bytes.length);
  });

  it('Given a part that inflates more than 200 to 1 past 10 MiB, When checked, Then it is refused as a zip bomb without inflating', async () => {
    const bomb = await zipBomb(20);
    expect(bomb.length).toBeLessThan(MiB / 10);

    expect(() => checkXlsxZip(bomb)).toThrow(WorkbookTooLargeError);
    expect(() => checkXlsxZip(bomb)).toThrow('xl/worksheets/sheet1.xml expands more than 200 times');
  });

  it('Given a directory that declares gigabytes, When checked, Then it is refused as too large', async () => {
    const forged = declareUncompressedSize(await plainZip({ 'xl/workbook.xml': '<workbook/>' }), 0xfffffff0);

    expect(() => checkXlsxZip(forged)).toThrow(WorkbookTooLargeError);
  });

  it('Given declared sizes that sum past the limit, When checked, Then WorkbookTooLargeError says how big it unpacks', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Budget').getCell('A1').value = 'Account';
    });

    const check = () => checkXlsxZip(bytes, { maxUncompressedBytes: 1000 });

    expect(check).toThrow(WorkbookTooLargeError);
    expect(check).toThrow(/unpacks to .* MB, more than/);
  });

  it('Given more parts than allowed, When checked, Then it is refused before any part is read', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`xl/part${i}.xml`, '<x/>']));
    const bytes = await plainZip({ 'xl/workbook.xml': '<workbook/>', ...files });

    expect(() => checkXlsxZip(bytes, { maxEntries: 10 })).toThrow(
      expect.objectContaining({ name: 'WorkbookTooLargeError', limit: 'entries' }),
    );
  });

  it.each([
    ['an Excel Binary Workbook', { 'xl/workbook.bin': 'binary' }, 'xlsb'],
    ['a Word document', { 'word/document.xml': '<w:document/>' }, 'not-xlsx'],
  ])('Given %s, When checked, Then it is refused with its reason', async (_label, files, reason) => {
    const bytes = await plainZip(files);

    expect(() => checkXlsxZip(bytes)).toThrow(UnreadableWorkbookError);
    expect(() => checkXlsxZip(bytes)).toThrow(expect.objectContaining({ reason }));
  });

  it('Given a zip whose end was cut off, When checked, Then it is refused as damaged', async () => {
    const bytes = await plainZip({ 'xl/workbook.xml': '<workbook/>' });

    expect(() => checkXlsxZip(bytes.subarray(0, bytes.length - 30))).toThrow(
      expect.objectContaining({ reason: 'damaged' }),
    );
  });

  it('Given a Uint8Array view into a larger buffer, When checked, Then only the view is read', async () => {
    const bytes = await plainZip({ 'xl/workbook.xml': '<workbook/>' });
    const padded = new Uint8Array(bytes.length + 64);
    padded.set(bytes, 32);

    expect(checkXlsxZip(padded.subarray(32, 32 + bytes.length)).entries).toBe(2);
  });
});
