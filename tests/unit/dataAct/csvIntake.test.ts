import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GridTable } from '../../../models';
import {
  CLI_CSV_LIMITS,
  CsvInputError,
  dataActCsvGrid,
  type CsvLimits,
  type DataActSheet,
  withDataActCsvs,
} from '../../../server/csv';
import { typedCell } from '../../../server/csv/fileCsv';
import { runEngine } from '../../../server/engine';
import { readAmountCell } from '../../../server/engine/dataAct/amounts';
import { readWorkbookGrids } from '../../../server/xlsx';
import { grid } from '../../helpers/workbook';

/** File A and File B given as CSV files: the grid a pasted CSV gives, and a clear refusal for a bad file. */

const DIR = join(__dirname, '../../../examples/data-act');
const read = (sheet: DataActSheet, text: string | Buffer, limits: CsvLimits = CLI_CSV_LIMITS): GridTable =>
  dataActCsvGrid(sheet, { name: 'b.csv', bytes: Buffer.from(text) }, limits);
const refusal = (sheet: DataActSheet, text: string | Buffer, limits?: CsvLimits): CsvInputError => {
  try {
    read(sheet, text, limits);
  } catch (e) {
    if (e instanceof CsvInputError) return e;
    throw e;
  }
  throw new Error('the CSV was not refused');
};
const HEADER_B =
  'AgencyIdentifier,MainAccountCode,SubAccountCode,ProgramActivityCode,ObjectClass,PriorYearAdjustment,ObligationsIncurredByProgramObjectClass_CPE,Note';

describe('a File A or File B CSV as a sheet grid', () => {
  it.each(['file-a.csv', 'file-b.csv'])(
    'Given the example %s, then its grid is the one the example workbook holds where the CSV is pasted',
    async (name) => {
      const sheet = name === 'file-a.csv' ? 'File A' : 'File B';
      const fromCsv = read(sheet, readFileSync(join(DIR, name)));
      const book = await readWorkbookGrids(readFileSync(join(DIR, 'data-act-example.xlsx')));
      const pasted = book.tables.find((t) => t.name === sheet);
      expect(fromCsv).toEqual(pasted);
      expect(fromCsv).toMatchObject({ name: sheet, source: 'sheet', sheet, topLeft: 'A1' });
    },
  );

  it('Given codes with leading zeros, then they stay text; amounts become numbers; a column the engine does not read keeps a zero-led value as text', () => {
    const g = read('File B', `${HEADER_B}\n047,0110,000,0001,025.2,X,-1250.50,0042\n`);
    expect(g.rows).toEqual([['047', '0110', '000', '0001', '025.2', 'X', -1250.5, '0042']]);
  });

  it('Given an amount with more digits than a double holds, then it stays exact text, and the engine reads it to the cent', () => {
    expect(typedCell('-12345678901234.56', 'amount')).toBe('-12345678901234.56');
    expect(readAmountCell('-12345678901234.56', false, 'x')).toEqual({
      ok: true,
      value: { units: -1234567890123456n, scale: 2 },
    });
    expect(typedCell('1234567890123.40', 'amount')).toBe(1234567890123.4);
    expect(typedCell('0.00', 'amount')).toBe(0);
    expect(typedCell('2024', undefined)).toBe(2024);
    expect(typedCell('(1,234.00)', 'amount')).toBe('(1,234.00)');
  });

  it('Given amounts typed as numbers, then each reads as the decimal typed, exactly, and a long one the slow way', () => {
    const units = (v: number) => {
      const read = readAmountCell(v, false, 'x');
      return read.ok ? `${read.value.units} e-${read.value.scale}` : 'bad';
    };
    expect(units(-1250.5)).toBe('-12505 e-1');
    expect(units(1234567890123.4)).toBe('12345678901234 e-1');
    expect(units(0.07)).toBe('7 e-2');
    expect(units(-0)).toBe('0 e-0');
    // More places than the fast path takes: read from the number's shortest text.
    expect(units(0.1 + 0.2)).toBe('30000000000000004 e-17');
    expect(units(1e21)).toBe('1000000000000000000000 e-0');
  });

  it('Given a byte-order mark, CRLF line ends, quoted commas and a quoted line break, then the same cells, and a blank line stays a blank row', () => {
    const text = `\ufeff${HEADER_B}\r\n047,4542,000,0001,252,X,-10.00,"a, b"\r\n\r\n047,4542,000,0002,252,X,-5.00,"two\r\nlines"\r\n`;
    const g = read('File B', text);
    expect(g.header[0]).toBe('AgencyIdentifier');
    expect(g.rows).toEqual([
      ['047', '4542', '000', '0001', '252', 'X', -10, 'a, b'],
      [null],
      ['047', '4542', '000', '0002', '252', 'X', -5, 'two\r\nlines'],
    ]);
  });

  it('Given a file saved by Excel on Windows (Windows-1252), then its accented text reads as written', () => {
    const bytes = Buffer.from(`${HEADER_B}\n047,4542,000,0001,252,X,1,Caf\u00e9\n`, 'latin1');
    expect(read('File B', bytes).rows[0]?.[7]).toBe('Caf\u00e9');
  });

  it('Given an unclosed quote, then the refusal names the file and the line the record starts on', () => {
    const e = refusal(
      'File B',
      `${HEADER_B}\n047,4542,000,0001,252,X,1,ok\n047,4542,000,0001,252,X,1,"open\n047\n`,
    );
    expect(e.reason).toBe('malformed');
    expect(e.line).toBe(3);
    expect(e.message).toBe('b.csv, line 3: a quoted field opens here and is never closed.');
  });

  it.each([
    ['an empty file', '', 'empty', 'b.csv is empty (0 bytes): give the CSV with its header row.'],
    ['a workbook', Buffer.from([0x50, 0x4b, 3, 4, 0]), 'not-csv', 'b.csv is a zip file (perhaps an Excel workbook), not a CSV: save the sheet as CSV, or give the workbook itself.'],
    ['a binary file', Buffer.from([0x41, 0, 0x42]), 'not-csv', 'b.csv is not a text file, so it cannot be a CSV.'],
  ])('Given %s, then it is refused', (_what, text, reason, message) => {
    const e = refusal('File B', text);
    expect([e.reason, e.message]).toEqual([reason, message]);
  }); // prettier-ignore

  it('Given a field longer than a cell holds (a quote left open on a big file), then the record is named', () => {
    const e = refusal('File B', `${HEADER_B}\n047,4542,000,0001,252,X,1,${'x'.repeat(40_000)}\n`);
    expect([e.reason, e.line]).toEqual(['malformed', 2]);
    expect(e.message).toBe(
      'b.csv, record 2: a field is longer than the 32,767 characters a cell can hold (is a quote left open?).',
    );
  });

  it('Given a file over the byte or cell limit, then it is refused before the engine sees it', () => {
    const text = `${HEADER_B}\n047,4542,000,0001,252,X,1,a\n047,4542,000,0001,252,X,1,a\n`;
    expect(refusal('File B', text, { maxBytes: 100, maxCells: 1e6 }).reason).toBe('too-large');
    const cells = refusal('File B', text, { maxBytes: 1e6, maxCells: 15 });
    expect(cells.message).toBe('b.csv holds more than the 15 filled cells allowed in one file.');
  });
});

describe('CSVs beside a workbook', () => {
  const csv = (text: string) => ({ name: 'b.csv', bytes: Buffer.from(text) });
  const rowsB = `${HEADER_B}\n047,4542,000,0001,252,X,-1,a\n`;

  it('Given a workbook whose File B already has rows, then the CSV is refused, naming both', () => {
    const book = { tables: [grid('File B', [['AgencyIdentifier'], ['047']])] };
    expect(() => withDataActCsvs(book, { fileB: csv(rowsB) }, CLI_CSV_LIMITS)).toThrow(
      'The workbook already has File B rows (sheet "File B"), and b.csv was given as File B too. Give File B once: leave out the CSV, or remove those rows from the workbook.',
    );
  });

  it("Given the template's empty File B table, then the CSV stands in its place", () => {
    const empty: GridTable = { ...grid('File B', [['AgencyIdentifier']]), source: 'table', name: 'FileB' };
    const other = grid('Goals', [['Goal ID', 'Goal']]);
    const out = withDataActCsvs({ tables: [other, empty] }, { fileB: csv(rowsB) }, CLI_CSV_LIMITS);
    expect(out.tables.map((t) => [t.name, t.source, t.rows.length])).toEqual([
      ['Goals', 'sheet', 0],
      ['File B', 'sheet', 1],
    ]);
  });

  it('Given the findings pair as CSVs with no workbook, then the findings land on the CSV lines the example README names', () => {
    const file = (name: string) => ({ name, bytes: readFileSync(join(DIR, name)) });
    const grids = withDataActCsvs(
      { tables: [] },
      { fileA: file('file-a-findings.csv'), fileB: file('file-b-findings.csv') },
      CLI_CSV_LIMITS,
    );
    const tieOut = runEngine(grids).tables.find((t) => t.name === 'TieOut');
    const rows = (tieOut?.rows ?? []).map((r) => `${String(r[0])} ${String(r[2])}!${String(r[3])}`);
    expect(rows).toContain('B29 File B!13');
    expect(rows).toContain('A30.1 File A!5');
    expect(rows).toHaveLength(13);
  });
});
