import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { writeZip } from '../../../server/xlsx/ooxml/zipWriter';
import { NOT_A_WORKBOOK, packageOfType, workbookWithEntry } from '../../fixtures/package/packageKinds';
import { oleFile, plainZip, zipBomb } from '../../fixtures/xlsx/workbooks';
import { E, gridsXlsx, minimal, sheet, xlsxOf, type CorpusCase, type Refusal } from '../case';

const FIXTURES = join(__dirname, '..', 'fixtures');

const refused = (
  error: Refusal['error'],
  reason: string,
  status: Refusal['status'],
  problem: string,
): Refusal => ({ error, reason, status, problem });
const unreadable = (reason: string, status: Refusal['status']) =>
  refused('UnreadableWorkbookError', reason, status, 'unreadable-workbook');

/**
 * A zip whose directory declares 1,000 bytes for a sheet that inflates to 64 MB of spaces: the sizes the bomb
 * guard reads are forged, so only inflating (with the declared size as a cap) can tell.
 */
function forgedSizeBomb(): Buffer {
  const sheet = 'xl/worksheets/sheet1.xml';
  const zip = writeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: sheet, data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
  ]);
  const name = Buffer.from(sheet);
  for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
    if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(1000, at - 30 + 22);
    if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(1000, at - 46 + 24);
  }
  return zip;
}

/** The last row Excel has. */
const LAST_ROW = 1_048_576;

/** Files that are not workbooks, or not readable ones, and workbooks whose size is all blank rows. */
export const fileCases: CorpusCase[] = [
  {
    name: 'empty workbook',
    why: 'A workbook with one blank sheet has none of the required tables; each is named, at workbook level.',
    xlsx: () => xlsxOf((wb) => void wb.addWorksheet('Sheet1')),
    expected: [E('TABLE_MISSING'), E('TABLE_MISSING'), E('TABLE_MISSING'), E('TABLE_MISSING')],
  },
  {
    name: 'zero-byte file',
    why: 'An empty upload is a bad request, not a damaged workbook.',
    xlsx: async () => Buffer.alloc(0),
    expected: unreadable('empty', 400),
  },
  {
    name: 'CSV named .xlsx',
    why: 'The commonest wrong file: say to save it as an Excel workbook.',
    xlsx: async () => Buffer.from('Account,FY2018\n023-05-0110,"1,000"\n'),
    expected: unreadable('text', 415),
  },
  {
    name: 'UTF-16 text named .xlsx',
    why: 'Excel\'s "Unicode Text" export starts with a byte-order mark and has zero bytes throughout.',
    xlsx: async () =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Account\tFY2018\r\n', 'utf16le')]),
    expected: unreadable('text', 415),
  },
  {
    name: 'PNG named .xlsx',
    why: 'A picture is not a workbook.',
    xlsx: async () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    expected: unreadable('not-zip', 415),
  },
  {
    name: 'legacy .xls named .xlsx',
    why: 'An Excel 97-2003 file is an OLE file without an encrypted package; say to save it as .xlsx.',
    xlsx: async () => oleFile(['Workbook', 'SummaryInformation']),
    expected: unreadable('legacy-xls', 415),
  },
  {
    name: 'password-protected workbook (encrypted by LibreOffice)',
    why: 'A real encrypted .xlsx (see fixtures/encrypt.py) must be refused with how to remove the password.',
    xlsx: async () => readFileSync(join(FIXTURES, 'password-protected.xlsx')),
    expected: unreadable('encrypted', 422),
  },
  {
    name: 'password-protected workbook (OLE header and stream names only)',
    why: 'What the guard keys on, in the fewest bytes: an OLE container naming EncryptedPackage.',
    xlsx: async () => oleFile(['EncryptionInfo', 'EncryptedPackage']),
    expected: unreadable('encrypted', 422),
  },
  {
    name: 'Excel binary workbook (.xlsb) named .xlsx',
    why: 'An .xlsb is a zip too, but with binary parts exceljs cannot read.',
    xlsx: () => plainZip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'binary' }),
    expected: unreadable('xlsb', 415),
  },
  {
    name: 'Word document named .xlsx',
    why: 'A zip without a workbook part is not a workbook.',
    xlsx: () => plainZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
    expected: unreadable('not-xlsx', 415),
  },
  {
    name: 'truncated workbook',
    why: 'An upload cut short has no zip directory; it is damaged, and says to save it again.',
    xlsx: async () => {
      const whole = await gridsXlsx(minimal());
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
    expected: unreadable('damaged', 422),
  },
  {
    name: 'workbook with a garbled sheet part',
    why: 'A zip whose sheet XML is not XML: exceljs fails, and the failure is a damaged workbook, not a crash.',
    xlsx: async () => {
      const zip = await JSZip.loadAsync(await gridsXlsx(minimal()));
      const part = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)) as string;
      zip.file(part, '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row>');
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    },
    expected: unreadable('damaged', 422),
  },
  {
    name: 'zip bomb',
    why: 'A part that inflates more than 200 times past 10 MB is refused from the zip directory, before inflating.',
    xlsx: () => zipBomb(20),
    expected: refused('WorkbookTooLargeError', 'compression', 413, 'workbook-too-large'),
  },
  {
    name: 'zip bomb with forged sizes',
    why: 'A directory that under-declares a part defeats the ratio check; the part is refused while inflating, before anything holds it whole.',
    xlsx: async () => forgedSizeBomb(),
    expected: refused('WorkbookTooLargeError', 'compression', 413, 'workbook-too-large'),
  },
  {
    name: 'input table named like an output table',
    why: 'An Excel table named Issues would clash with the output table of that name; refused, with the sheet named.',
    xlsx: () =>
      gridsXlsx(minimal(), (wb) =>
        wb.addWorksheet('Notes').addTable({
          name: 'Issues',
          ref: 'A1',
          columns: [{ name: 'Issue' }, { name: 'Owner' }],
          rows: [['Check the FY2018 rent', 'CFO']],
        }),
      ),
    expected: refused('OutputNameConflictError', 'Notes', 422, 'output-name-conflict'),
  },
  {
    name: 'sheet named like an output sheet in another case',
    why: 'A sheet of the user\'s named "issues" is never deleted to make room for Issues: refused, naming the sheet.',
    xlsx: () =>
      gridsXlsx(minimal(), (wb) => void (wb.addWorksheet('issues').getCell('A1').value = 'my notes')),
    expected: refused('OutputNameConflictError', 'issues', 422, 'output-name-conflict'),
  },
  {
    name: 'macro-enabled workbook renamed .xlsx',
    why: 'An .xlsm (its VBA project would be copied into the output) is refused for what it is, not opened.',
    xlsx: async () => packageOfType(NOT_A_WORKBOOK[0][1]),
    expected: unreadable('not-xlsx', 415),
  },
  {
    name: 'zip entry that climbs out of the package',
    why: 'A part named ../evil.xml is how zip-slip attacks start; the file is refused before anything reads it.',
    xlsx: async () => workbookWithEntry('../evil.xml'),
    expected: unreadable('damaged', 422),
  },
  {
    name: 'a million blank rows, then a stray note',
    why: 'A note typed in the very last row makes the Budget a million rows long; blank rows are skipped and the note is one issue at its cell.',
    xlsx: () =>
      gridsXlsx(minimal(), (wb) => {
        sheet(wb, 'Budget').getCell(`F${LAST_ROW}`).value = 'checked';
      }),
    expected: [E('VALUE_REQUIRED', `Budget!A${LAST_ROW}`)],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ grids }) => {
      // The grid keeps every row so each value keeps its cell: the header at row 1, the note at the last row.
      const budget = grids.tables.find((t) => t.name === 'Budget');
      expect(budget?.rows).toHaveLength(LAST_ROW - 1);
      expect(budget?.rows[LAST_ROW - 2]).toEqual([null, null, null, null, null, 'checked']);
    },
  },
  {
    name: 'a million formatted blank rows',
    why: 'Formatting down to the last row (a fill, a number format) is not data: the grid stops at the last value.',
    xlsx: () =>
      gridsXlsx(minimal(), (wb) => {
        const budget = sheet(wb, 'Budget');
        budget.getCell(`D${LAST_ROW}`).numFmt = '#,##0';
        budget.getRow(LAST_ROW - 1).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: 'FFFFFF00' },
        };
        budget.getColumn('D').numFmt = '#,##0';
      }),
    expected: [],
    totals: { 'Budget Authority': { FY2018: 1000 } },
    check: ({ grids }) => {
      expect(grids.tables.find((t) => t.name === 'Budget')?.rows).toHaveLength(1);
    },
  },
];
