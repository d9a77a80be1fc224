import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES, type WorkbookGrids } from '../../../models';
import { excelWorkbookPort } from '../../../addin/excel';
import { READ_CELLS_PER_SYNC } from '../../../addin/excel/readTables';
import { dateFromSerial, isDateFormat } from '../../../addin/excel/cellValues';
import { normalizeName } from '../../../models';
import { runEngine } from '../../../server/engine';
import { readWorkbookGrids } from '../../../server/xlsx';
import { FakeExcel } from './fake';

const example = join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx');
const wanted = Object.values(INPUT_TABLES);
const port = (excel: FakeExcel) => excelWorkbookPort(excel.run, { suspendScreenUpdating: true });

let gsa: WorkbookGrids;
beforeAll(async () => {
  gsa = await readWorkbookGrids(readFileSync(example));
});

describe('readTables', () => {
  it('Given the GSA workbook in Excel, when the pane reads it, then it gets the same tables the exceljs reader gets, in three syncs', async () => {
    const excel = new FakeExcel();
    excel.addGrids(gsa);
    const grids = await port(excel).readTables(wanted);

    const fromExceljs = gsa.tables.filter((t) => t.source === 'table');
    expect(grids.tables.map((t) => t.name).sort()).toEqual(fromExceljs.map((t) => t.name).sort());
    for (const table of grids.tables) expect(table).toEqual(fromExceljs.find((t) => t.name === table.name));
    expect(excel.syncs).toHaveLength(3);
    // The engine cannot tell the two readings apart.
    expect(runEngine(grids).summary).toEqual(runEngine(gsa).summary);
  });

  it('Given input on plain sheets (no Excel tables), when read, then each sheet is read from its first row holding a value', async () => {
    const excel = new FakeExcel();
    excel.addGrid({
      name: 'Goals',
      source: 'sheet',
      sheet: 'Goals',
      topLeft: 'B3',
      header: ['Goal ID', 'Goal'],
      rows: [['G1', 'Real Estate'], [], ['G2', 'Acquisition', null]],
    });
    excel.addGrid({ name: 'Notes', source: 'sheet', sheet: 'Notes', topLeft: 'A1', header: ['x'], rows: [] });
    const grids = await port(excel).readTables(wanted);
    expect(grids.tables).toEqual([
      {
        name: 'Goals',
        source: 'sheet',
        sheet: 'Goals',
        topLeft: 'B3',
        header: ['Goal ID', 'Goal'],
        rows: [['G1', 'Real Estate'], [], ['G2', 'Acquisition']],
      },
    ]);
  });

  it('Given a Budget table with errors and dates, when read, then errors stay errors and dates become dates', async () => {
    const excel = new FakeExcel();
    excel.addGrid({
      name: 'Budget',
      source: 'table',
      sheet: 'Budget',
      topLeft: 'A1',
      header: ['Account', 'FY2018'],
      rows: [
        ['023-05-0110', { error: '#REF!' }],
        ['023-05-4543', { date: '2018-10-01' }],
      ],
    });
    const grids = await port(excel).readTables(wanted);
    expect(grids.tables[0]?.rows).toEqual([
      ['023-05-0110', { error: '#REF!' }],
      ['023-05-4543', { date: '2018-10-01' }],
    ]);
  });

  it('Given a table larger than one read, when read, then its cells come in blocks, none over the 5 MB response limit', async () => {
    const excel = new FakeExcel();
    const rows = Array.from({ length: 30_000 }, (_, i) => [`023-05-${i}`, 'x'.repeat(60), i * 1000]);
    excel.addGrid({
      name: 'Budget',
      source: 'table',
      sheet: 'Budget',
      topLeft: 'A1',
      header: ['Account', 'Account Title', 'FY2018'],
      rows,
    });
    const grids = await port(excel).readTables(wanted);
    expect(grids.tables[0]?.rows).toHaveLength(30_000);
    expect(grids.tables[0]?.rows[29_999]).toEqual(['023-05-29999', 'x'.repeat(60), 29_999_000]);
    const reads = excel.syncs.slice(2);
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil((30_000 * 3) / READ_CELLS_PER_SYNC));
    expect(Math.max(...excel.syncs.map((s) => s.responseBytes))).toBeLessThan(5 * 1024 * 1024);
  });

  it('Given cells so long that a block would pass the limit, when read, then the block is split and read again', async () => {
    const excel = new FakeExcel(1024 * 1024);
    const rows = Array.from({ length: 400 }, (_, i) => [`A${i}`, 'y'.repeat(8_000)]);
    excel.addGrid({
      name: 'Goals',
      source: 'table',
      sheet: 'Goals',
      topLeft: 'A1',
      header: ['Goal ID', 'Goal'],
      rows,
    });
    const grids = await port(excel).readTables(wanted);
    expect(grids.tables[0]?.rows).toEqual(rows);
    expect(excel.syncs.some((s) => s.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  });

  it('Given a workbook with none of the tables, when read, then nothing is read beyond the names', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('Sheet1');
    expect(await port(excel).readTables(wanted)).toEqual({ tables: [] });
    expect(excel.syncs).toHaveLength(1);
  });
});

describe('cell values', () => {
  it('matches names as the engine does: case, spaces and punctuation do not count, letters and digits do', () => {
    for (const same of [
      ['Cost Pools', 'cost_pools', 'COST-POOLS'],
      ['Objective ID', 'objective_id', 'ObjectiveID'],
      ['FY 2018', 'fy2018'],
    ])
      expect(new Set(same.map(normalizeName)).size).toBe(1);
    expect(normalizeName('Cost Pools')).not.toBe(normalizeName('Cost Pool'));
    expect(normalizeName('FY 2018')).not.toBe(normalizeName('FY 2019'));
  });

  it('tells date formats from number formats', () => {
    for (const f of ['m/d/yyyy', 'yyyy-mm-dd', '[$-409]mmmm d, yyyy', 'h:mm', '[h]:mm:ss', 'd-mmm'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of [
      'General',
      '@',
      '#,##0',
      '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)',
      '0.00%',
      '0.00"x"',
      '[Red]0.0',
      '$#,##0.00',
    ])
      expect(isDateFormat(f)).toBe(false);
  });

  it('turns Excel serials into ISO dates', () => {
    expect(dateFromSerial(43374)).toEqual({ date: '2018-10-01' });
    expect(dateFromSerial(43374.5)).toEqual({ date: '2018-10-01T12:00:00.000Z' });
    expect(dateFromSerial(1)).toEqual({ date: '1900-01-01' });
  });
});
