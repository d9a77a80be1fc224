import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineResult, MoneyDisplay, OutputTable } from '../../../models';
import { excelWorkbookPort, OutputNameConflictError } from '../../../addin/excel';
import { widthInPoints } from '../../../addin/excel/writeOutputs';
import { numberFormatFor, WRAP_WIDTH } from '../../../server/xlsx/formats';
import { runEngine } from '../../../server/engine';
import { readWorkbookGrids } from '../../../server/xlsx';
import { FakeExcel, PAYLOAD_LIMIT, type FakeSheet } from './fake';

const example = join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx');
const dollars: MoneyDisplay = { units: 'Dollars', decimals: 2 };
const port = (excel: FakeExcel, suspendScreenUpdating = true) =>
  excelWorkbookPort(excel.run, { suspendScreenUpdating });

/** Every cell of a sheet as plain data, to show a sheet was not touched. */
const snapshot = (sheet: FakeSheet) => JSON.stringify([...sheet.cells].sort(), null, 0);

let gsa: EngineResult;
let gsaExcel: () => Promise<FakeExcel>;
beforeAll(async () => {
  const grids = await readWorkbookGrids(readFileSync(example));
  gsa = runEngine(grids);
  gsaExcel = async () => {
    const excel = new FakeExcel();
    excel.addGrids(grids);
    return excel;
  };
});

describe('writeOutputs', () => {
  it('Given the GSA crosswalk, when written, then each output table is on its own sheet after the inputs, laid out as the exceljs writer lays it out', async () => {
    const excel = await gsaExcel();
    const inputs = excel.sheetNames();
    const before = excel.state.sheets.map(snapshot);
    const progress: number[] = [];
    const report = await port(excel).writeOutputs(gsa.tables, gsa.money, (p) => progress.push(p.rowsWritten));

    expect(excel.sheetNames()).toEqual([...inputs, ...gsa.tables.map((t) => t.name)]);
    expect(excel.state.sheets.slice(0, inputs.length).map(snapshot)).toEqual(before);
    // One sync to look, one or two to write (the whole GSA crosswalk is well under one request's budget),
    // then one to recalculate what depends on the new sheets.
    expect(report.syncs).toBe(excel.syncs.length);
    expect(excel.syncs.length).toBeLessThanOrEqual(4);
    for (const sync of excel.syncs.slice(1, -1)) {
      expect(sync.calculationSuspended).toBe(true);
      expect(sync.screenUpdatingSuspended).toBe(true);
    }
    expect(excel.syncs[excel.syncs.length - 1]?.calculationSuspended).toBe(false);
    expect(excel.state.calculations).toEqual(['Recalculate']);
    expect(progress[progress.length - 1]).toBe(gsa.tables.reduce((n, t) => n + t.rows.length, 0));

    for (const table of gsa.tables) {
      const sheet = excel.state.sheet(table.name);
      expect(excel.cell(table.name, 'A1')).toMatchObject({ value: table.title, bold: true, size: 12 });
      expect(sheet.frozenRows).toBe(3);
      const created = excel.state.tableByName(table.name);
      expect(created).toMatchObject({
        sheetId: sheet.id,
        style: 'TableStyleLight9',
        box: { top: 3, left: 1 },
      });
      expect(created?.box.bottom).toBe(3 + Math.max(1, table.rows.length));
      const last = String.fromCharCode(64 + table.columns.length);
      const [header, ...body] = excel.state.valuesOf(table.name, `A3:${last}${3 + table.rows.length}`);
      expect(header).toEqual(table.columns.map((c) => c.name));
      expect(body).toEqual(table.rows.map((row) => row.map((v) => v ?? '')));
      expect(sheet.columnWidths.size).toBe(table.columns.length);
    }
    expect(excel.state.formulas()).toEqual([]);
    // The Summary is the first output: the sheet a reader lands on.
    expect(excel.state.activeSheetId).toBe(excel.state.sheet('Summary').id);
  });

  it('Given money and share columns, when written, then each number gets the same Excel number format the exceljs writer uses', async () => {
    const excel = await gsaExcel();
    await port(excel).writeOutputs(gsa.tables, gsa.money, undefined);
    const resources = gsa.tables.find((t) => t.name === 'ResourcesByGoal') as OutputTable;
    const fy2018 = resources.columns.findIndex((c) => c.name === 'FY2018 Est.');
    const share = resources.columns.findIndex((c) => c.name === 'Share of Total');
    const firstMoneyRow = resources.rows.findIndex(
      (r, i) => typeof r[fy2018] === 'number' && !resources.rowFormats?.[i],
    );
    const at = (row: number, col: number) =>
      excel.state.cell(excel.state.sheet('ResourcesByGoal'), 4 + row, 1 + col);
    expect(at(firstMoneyRow, fy2018)?.numberFormat).toBe(numberFormatFor('money', gsa.money));
    expect(at(firstMoneyRow, share)?.numberFormat).toBe('0.00%;(0.00%)');
    const fteRow = resources.rowFormats?.findIndex((f) => f === 'fte') ?? -1;
    if (fteRow >= 0) expect(at(fteRow, fy2018)?.numberFormat).toBe('#,##0.0');
    // Goal subtotals and totals are bold; a total has a rule above it.
    const total = resources.rowKinds?.lastIndexOf('total') ?? -1;
    expect(total).toBeGreaterThanOrEqual(0);
    expect(at(total, 0)).toMatchObject({ bold: true, borderTop: 'Continuous' });
    expect(at(resources.rowKinds?.indexOf('detail') ?? 0, 0)?.bold).toBe(false);
  });

  it('Given issues with places, when written, then each Issues row links to its cell', async () => {
    const excel = await gsaExcel();
    await port(excel).writeOutputs(gsa.tables, gsa.money, undefined);
    const issues = gsa.tables.find((t) => t.name === 'Issues') as OutputTable;
    const row = issues.links?.findIndex((l) => l !== null) ?? -1;
    expect(row).toBeGreaterThanOrEqual(0);
    const cell = excel.cell('Issues', `E${4 + row}`);
    expect(cell?.hyperlink?.documentReference).toBe(`'${issues.rows[row]?.[3]}'!${issues.rows[row]?.[4]}`);
    expect(cell).toMatchObject({ underline: 'Single', color: '#0563C1', value: issues.rows[row]?.[4] });
  });

  it('Given text that Excel would read as a formula, number or date, when written, then it stays text', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('Budget');
    const tricky = ['=HYPERLINK("http://example.com","click")', '+1', '-5', '0012', '1/2', '50%', '=1+1'];
    const table: OutputTable = {
      name: 'Issues',
      title: '=cmd|"/c calc"!A1',
      columns: [
        { name: 'Message', format: 'text' },
        { name: 'Amount', format: 'money' },
      ],
      rows: tricky.map((t) => [t, t]),
    };
    await port(excel).writeOutputs([table], dollars, undefined);
    expect(excel.state.formulas()).toEqual([]);
    expect(excel.cell('Issues', 'A1')?.value).toBe(table.title);
    expect(excel.state.valuesOf('Issues', `A4:B${3 + tricky.length}`)).toEqual(tricky.map((t) => [t, t]));
  });

  it('Given a 100,000-row output, when written, then it goes in blocks, none over the 5 MB request limit', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('Budget');
    const table: OutputTable = {
      name: 'CrosswalkDetail',
      title: 'Crosswalk detail',
      columns: [
        { name: 'Account', format: 'text' },
        { name: 'Objective ID', format: 'text' },
        { name: 'Fiscal Year', format: 'year' },
        { name: 'Share', format: 'share' },
        { name: 'Amount', format: 'money' },
        { name: 'Rule', format: 'text' },
      ],
      rows: Array.from({ length: 100_000 }, (_, i) => [
        `023-05-${4542 + (i % 90)}`,
        `${1 + (i % 4)}.${1 + (i % 7)}`,
        2018,
        0.25,
        i * 12.34,
        `Crosswalk!A${2 + (i % 500)}`,
      ]),
    };
    const progress: number[] = [];
    const report = await port(excel).writeOutputs([table], dollars, (p) => progress.push(p.rowsWritten));

    const writes = excel.syncs.slice(1);
    expect(writes.length).toBeGreaterThan(2);
    for (const sync of writes) expect(sync.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(excel.syncs.every((s) => s.error === undefined)).toBe(true);
    expect(report.largestPayloadBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(100_000);
    // The last row landed where it belongs, its objective ID ('4.5') still text, not the number 4.5.
    expect(excel.state.valuesOf('CrosswalkDetail', 'A100003:F100003')).toEqual([table.rows[99_999]]);
    expect(excel.cell('CrosswalkDetail', 'B100003')?.value).toBe('4.5');
    expect(excel.state.tableByName('CrosswalkDetail')?.box).toEqual({
      top: 3,
      left: 1,
      bottom: 100_003,
      right: 6,
    });
  });

  it('Given outputs from an earlier run and a sheet of the user’s own, when written again, then only the output sheets are replaced', async () => {
    const excel = await gsaExcel();
    await port(excel).writeOutputs(gsa.tables, gsa.money, undefined);
    const notes = excel.state.addSheet('Notes');
    excel.state.cellForWrite(notes, 1, 1).value = 'my notes';
    const budget = snapshot(excel.state.sheet('Budget'));
    await port(excel).writeOutputs(gsa.tables, gsa.money, undefined);
    expect(excel.sheetNames().filter((n) => n === 'Issues')).toHaveLength(1);
    expect(excel.cell('Notes', 'A1')?.value).toBe('my notes');
    expect(snapshot(excel.state.sheet('Budget'))).toBe(budget);
  });

  it('Given a table of the user’s named like an output table, when written, then nothing changes and the message says what to rename', async () => {
    const excel = await gsaExcel();
    excel.addGrid({
      name: 'Issues',
      source: 'table',
      sheet: 'My notes',
      topLeft: 'A1',
      header: ['Note'],
      rows: [['x']],
    });
    const names = excel.sheetNames();
    await expect(port(excel).writeOutputs(gsa.tables, gsa.money, undefined)).rejects.toThrow(
      OutputNameConflictError,
    );
    await expect(port(excel).writeOutputs(gsa.tables, gsa.money, undefined)).rejects.toThrow(
      /"Issues" on sheet "My notes".*Rename/,
    );
    expect(excel.sheetNames()).toEqual(names);
    expect(excel.syncs).toHaveLength(2);
  });

  it('Given a workbook holding only an old output sheet, when written, then Excel is never left without a sheet', async () => {
    const excel = new FakeExcel();
    // As Throughline leaves it: the sheet holds one table of its own name at A3.
    const old = excel.state.addSheet('Issues');
    excel.state.addTable(old, 'A3:A4', true).name = 'Issues';
    const table: OutputTable = {
      name: 'Issues',
      title: 'Issues',
      columns: [{ name: 'Message', format: 'text' }],
      rows: [],
    };
    await port(excel, false).writeOutputs([table], dollars, undefined);
    expect(excel.sheetNames()).toEqual(['Issues']);
    expect(excel.state.tableByName('Issues')?.box).toEqual({ top: 3, left: 1, bottom: 4, right: 1 });
    expect(excel.syncs.every((s) => !s.screenUpdatingSuspended)).toBe(true);
  });

  it('Given a user sheet named "issues" (no Throughline table on it), when written, then nothing is deleted and the run stops naming it', async () => {
    const excel = new FakeExcel();
    excel.state.addSheet('issues');
    const table: OutputTable = {
      name: 'Issues',
      title: 'Issues',
      columns: [{ name: 'Message', format: 'text' }],
      rows: [],
    };
    await expect(port(excel, false).writeOutputs([table], dollars, undefined)).rejects.toThrow(
      /The sheet "issues" has the name of a sheet Throughline writes \("Issues"\)/,
    );
    expect(excel.sheetNames()).toEqual(['issues']);
  });

  it("Given a sheet named exactly like an output but holding the user's own table, when written, then it is not replaced", async () => {
    const excel = new FakeExcel();
    const sheet = excel.state.addSheet('Issues');
    excel.state.addTable(sheet, 'B5:C6', true).name = 'MyTracker';
    const table: OutputTable = {
      name: 'Issues',
      title: 'Issues',
      columns: [{ name: 'Message', format: 'text' }],
      rows: [],
    };
    await expect(port(excel, false).writeOutputs([table], dollars, undefined)).rejects.toBeInstanceOf(
      OutputNameConflictError,
    );
    expect(excel.state.tableByName('MyTracker')).toBeDefined();
  });

  it('Given a long note, when written, then its column is bounded and wraps, as the package writer does', async () => {
    const excel = new FakeExcel();
    const long =
      'The FY2027 actual: the base is the latest actual, projected with an elasticity model of funding.';
    const table: OutputTable = {
      name: 'ScenarioResults',
      title: 'Notes',
      // A set width that makes the table wider than a page prints readably.
      columns: [
        { name: 'Measure ID', format: 'text', width: 200 },
        { name: 'Note', format: 'text' },
      ],
      rows: [
        ['M1', long],
        ['M2', 'Short.'],
      ],
    };
    await port(excel).writeOutputs([table], dollars);
    const sheet = excel.state.sheet('ScenarioResults');
    expect(sheet.columnWidths.get(2)).toBe(widthInPoints(WRAP_WIDTH));
    expect(excel.cell('ScenarioResults', 'B4')?.wrapText).toBe(true);
    expect(excel.cell('ScenarioResults', 'B5')?.wrapText).toBe(true);
    expect(excel.cell('ScenarioResults', 'A4')?.wrapText).toBe(false);
    // As the package writer: every cell of a wrapping table at the top of its row.
    expect(excel.cell('ScenarioResults', 'A4')?.verticalAlignment).toBe('Top');
    expect(excel.cell('ScenarioResults', 'A3')?.verticalAlignment).toBe('Bottom');
  });

  it('Given a table of amounts, when written, then the headers over amounts are right-aligned and text headers are not', async () => {
    const excel = new FakeExcel();
    const table: OutputTable = {
      name: 'ResourcesByGoal',
      title: 'Amounts',
      columns: [
        { name: 'Name', format: 'text' },
        { name: 'FY2027 est.', format: 'money' },
      ],
      rows: [['Goal 1', 1000]],
    };
    await port(excel).writeOutputs([table], dollars);
    expect(excel.cell('ResourcesByGoal', 'B3')?.horizontalAlignment).toBe('Right');
    expect(excel.cell('ResourcesByGoal', 'A3')?.horizontalAlignment).toBe('General');
    expect(excel.cell('ResourcesByGoal', 'B4')?.verticalAlignment).toBe('Bottom');
  });
});
