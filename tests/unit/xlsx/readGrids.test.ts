import type { GridTable } from '../../../models';
import { readWorkbookGrids, UnreadableWorkbookError, WorkbookTooLargeError } from '../../../server/xlsx';
import { oleFile, plainZip, workbookBytes } from '../../fixtures/xlsx/workbooks';

function grid(tables: GridTable[], source: GridTable['source'], name: string): GridTable {
  const found = tables.find((t) => t.source === source && t.name === name);
  if (!found)
    throw new Error(`no ${source} grid named ${name}; have ${tables.map((t) => t.name).join(', ')}`);
  return found;
}

describe('readWorkbookGrids: tables and sheets', () => {
  it('Given an Excel table with a totals row, When read, Then it is a table grid of header and body rows only', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Budget').addTable({
        name: 'BudgetLines',
        ref: 'B2',
        totalsRow: true,
        columns: [
          { name: 'Account', totalsRowLabel: 'Total' },
          { name: 'FY2024', totalsRowFunction: 'sum' },
        ],
        rows: [
          ['047-4542', 1200],
          ['047-0110', 300],
        ],
      });
    });

    const { tables } = await readWorkbookGrids(bytes);

    expect(grid(tables, 'table', 'BudgetLines')).toEqual({
      name: 'BudgetLines',
      source: 'table',
      sheet: 'Budget',
      topLeft: 'B2',
      header: ['Account', 'FY2024'],
      rows: [
        ['047-4542', 1200],
        ['047-0110', 300],
      ],
    });
    // The sheet holding the table is also offered as a plain sheet, from its first non-empty row.
    expect(grid(tables, 'sheet', 'Budget').topLeft).toBe('B2');
  });

  it('Given a sheet whose header sits at B3, When read, Then blank rows inside are kept and every value keeps its cell', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Goals');
      ws.getCell('B3').value = 'Goal ID';
      ws.getCell('C3').value = 'Goal';
      ws.getCell('B4').value = 'G1';
      ws.getCell('C4').value = 'Protect the public';
      // Row 5 is blank; row 6 has a gap in column B.
      ws.getCell('C6').value = 'No ID here';
      ws.getCell('D7').value = 'find me';
      // Formatting without values, to the right and below, is not data.
      ws.getCell('H4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      ws.getCell('B12').font = { bold: true };
      wb.addWorksheet('Empty').getCell('A1').font = { italic: true };
    });

    const { tables } = await readWorkbookGrids(bytes);
    const goals = grid(tables, 'sheet', 'Goals');

    expect(goals.topLeft).toBe('B3');
    expect(goals.header).toEqual(['Goal ID', 'Goal']);
    expect(goals.rows).toEqual([
      ['G1', 'Protect the public'],
      [],
      [null, 'No ID here'],
      [null, null, 'find me'],
    ]);
    // rows[i][j] sits at row 3 + 1 + i, column B + j: 'find me' is D7.
    expect(goals.rows[3]?.[2]).toBe('find me');
    expect(tables.some((t) => t.name === 'Empty')).toBe(false);
  });

  it('Given formatted blank cells a million rows down and in the last column, When read, Then the grid stops at the last value', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Settings');
      ws.getCell('A1').value = 'Setting';
      ws.getCell('B1').value = 'Value';
      ws.getCell('A2').value = 'Units';
      ws.getCell('B2').value = 'Thousands';
      ws.getCell('A1000000').numFmt = '0.00';
      ws.getCell('XFD2').font = { bold: true };
    });

    // Speed is the bench's to measure; here, that the far cells neither stall the read nor become rows.
    const settings = grid((await readWorkbookGrids(bytes)).tables, 'sheet', 'Settings');

    expect(settings.rows).toEqual([['Units', 'Thousands']]);
  });
});

describe('readWorkbookGrids: cell values', () => {
  it('Given cells of every kind, When read, Then each becomes the value the user sees', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Kinds');
      ws.getRow(1).values = ['Kind', 'Value'];
      const rows: [string, unknown][] = [
        ['number', 1234.5],
        ['text', '  spaced  '],
        ['rich', { richText: [{ text: 'Bold', font: { bold: true } }, { text: ' plain' }] }],
        ['boolean', true],
        ['date', new Date(Date.UTC(2018, 9, 1))],
        ['timestamp', new Date(Date.UTC(2018, 9, 1, 13, 30))],
        ['error', { error: '#REF!' }],
        ['formula with result', { formula: 'SUM(1,2)', result: 3 }],
        ['formula without result', { formula: 'SUM(1,2)' }],
        ['formula with error result', { formula: '1/0', result: { error: '#DIV/0!' } }],
        ['formula with blank result', { formula: 'IF(TRUE,"","x")', result: '' }],
        ['hyperlink', { text: 'Agency site', hyperlink: 'https://example.gov' }],
      ];
      rows.forEach(([kind, value], i) => {
        ws.getCell(i + 2, 1).value = kind;
        ws.getCell(i + 2, 2).value = value as never;
      });
      // A shared formula: B14 is the master, B15 follows it, both with cached results.
      ws.getCell('A14').value = 'shared master';
      ws.getCell('B14').value = { formula: 'A1', result: 10, shareType: 'shared', ref: 'B14:B15' } as never;
      ws.getCell('A15').value = 'shared follower';
      ws.getCell('B15').value = { sharedFormula: 'B14', result: 11 } as never;
      ws.getCell('A16').value = 'shared follower, uncalculated';
      ws.getCell('B16').value = { sharedFormula: 'B14' } as never;
    });

    const kinds = grid((await readWorkbookGrids(bytes)).tables, 'sheet', 'Kinds');
    const byKind = Object.fromEntries(kinds.rows.map((row) => [String(row[0]), row[1] ?? null]));

    expect(byKind).toEqual({
      number: 1234.5,
      text: '  spaced  ',
      rich: 'Bold plain',
      boolean: true,
      date: { date: '2018-10-01' },
      timestamp: { date: '2018-10-01T13:30:00.000Z' },
      error: { error: '#REF!' },
      'formula with result': 3,
      'formula without result': { formula: '=SUM(1,2)' },
      'formula with error result': { error: '#DIV/0!' },
      'formula with blank result': null,
      hyperlink: 'Agency site',
      'shared master': 10,
      'shared follower': 11,
      'shared follower, uncalculated': { formula: '=A3' },
    });
  });

  it('Given formulas Excel calculated to empty text below the data, When read, Then they are blank rows and trimmed', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Crosswalk');
      ws.getRow(1).values = ['Account', 'Objective ID', 'Share'];
      ws.getRow(2).values = ['047-4542', 'O1', 1];
      for (let r = 3; r <= 6; r++) {
        ws.getCell(r, 2).value = { formula: `IF(A${r}="","",A${r})`, result: '' };
      }
      ws.getCell('C7').value = { formula: 'NOW()' };
    });

    const crosswalk = grid((await readWorkbookGrids(bytes)).tables, 'sheet', 'Crosswalk');

    // The uncalculated NOW() is still reported as a formula; the calculated blanks above it are blank rows.
    expect(crosswalk.rows).toEqual([
      ['047-4542', 'O1', 1],
      [],
      [],
      [],
      [],
      [null, null, { formula: '=NOW()' }],
    ]);
  });

  it('Given a merged range, When read, Then only its top-left cell holds the value', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Merged');
      ws.getRow(1).values = ['Goal', 'Objective', 'Leader'];
      ws.getCell('A2').value = 'G1';
      ws.mergeCells('A2:A3');
      ws.getCell('B2').value = 'O1';
      ws.getCell('B3').value = 'O2';
      ws.getCell('C2').value = 'Deputy';
      ws.mergeCells('C2:C3');
    });

    const merged = grid((await readWorkbookGrids(bytes)).tables, 'sheet', 'Merged');

    expect(merged.rows).toEqual([
      ['G1', 'O1', 'Deputy'],
      [null, 'O2'],
    ]);
  });
});

describe('readWorkbookGrids: refusing files', () => {
  const tenByTen = () =>
    workbookBytes((wb) => {
      const ws = wb.addWorksheet('Big');
      for (let r = 1; r <= 10; r++) ws.getRow(r).values = Array.from({ length: 10 }, (_, c) => r * 100 + c);
    });

  it('Given more filled cells than maxCells, When read, Then WorkbookTooLargeError names the limit', async () => {
    const bytes = await tenByTen();
    const reading = readWorkbookGrids(bytes, { maxCells: 99 });
    await expect(reading).rejects.toBeInstanceOf(WorkbookTooLargeError);
    await expect(reading).rejects.toThrow('more than 99 filled cells');
  });

  it('Given exactly maxCells filled cells, When read, Then it is read', async () => {
    const { tables } = await readWorkbookGrids(await tenByTen(), { maxCells: 100 });
    expect(grid(tables, 'sheet', 'Big').rows).toHaveLength(9);
  });

  it.each([
    [
      'a CSV file renamed .xlsx',
      Buffer.from('Account,FY2024\n047-4542,1200\n'),
      'not an Excel .xlsx workbook',
    ],
    [
      'random bytes',
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x10]),
      'This is not an Excel .xlsx workbook.',
    ],
    ['an empty file', Buffer.alloc(0), 'This file is empty'],
    [
      'a password-protected workbook',
      oleFile(['EncryptionInfo', 'EncryptedPackage']),
      'This file is password-protected. Remove the password in Excel (File > Info > Protect Workbook) and try again.',
    ],
    ['a legacy .xls workbook', oleFile(['Workbook']), 'Excel 97-2003 .xls'],
  ])(
    'Given %s, When read, Then UnreadableWorkbookError says why in one line',
    async (_label, bytes, message) => {
      const reading = readWorkbookGrids(bytes);
      await expect(reading).rejects.toBeInstanceOf(UnreadableWorkbookError);
      await expect(reading).rejects.toThrow(message);
    },
  );

  it('Given a zip that is not a workbook, When read, Then it is refused as not an xlsx', async () => {
    const bytes = await plainZip({ 'word/document.xml': '<w:document/>' });
    await expect(readWorkbookGrids(bytes)).rejects.toMatchObject({ reason: 'not-xlsx' });
  });

  it('Given a truncated workbook, When read, Then it is refused as damaged', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Budget').getCell('A1').value = 'Account';
    });
    const reading = readWorkbookGrids(bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(reading).rejects.toBeInstanceOf(UnreadableWorkbookError);
    await expect(reading).rejects.toMatchObject({ reason: 'damaged' });
  });
});
