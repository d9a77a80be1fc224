import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineResult, MoneyDisplay, OutputTable } from '../../../models';
import { excelWorkbookPort } from '../../../addin/excel';
import { runEngine } from '../../../server/engine';
import { readWorkbookGrids } from '../../../server/xlsx';
import { summaryDrawing } from '../../../server/xlsx/ooxml/summaryCharts';
import { FakeExcel, type FakeChart } from './fake';

const example = join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx');
const dollars: MoneyDisplay = { units: 'Dollars', decimals: 2 };
const RESOURCES = 'Throughline Resources by Goal';
const MEASURES = 'Throughline Measures by Status';

let gsa: EngineResult;
let gsaExcel: () => FakeExcel;
beforeAll(async () => {
  const grids = await readWorkbookGrids(readFileSync(example));
  gsa = runEngine(grids);
  gsaExcel = () => {
    const excel = new FakeExcel();
    excel.addGrids(grids);
    return excel;
  };
});

const write = (excel: FakeExcel, tables: readonly OutputTable[] = gsa.tables, money = gsa.money) =>
  excelWorkbookPort(excel.run, { suspendScreenUpdating: true }).writeOutputs(tables, money);
const chartsOn = (excel: FakeExcel, sheet: string): FakeChart[] => excel.state.sheet(sheet).charts;
const chartNamed = (excel: FakeExcel, name: string): FakeChart => {
  const found = chartsOn(excel, 'Summary').filter((c) => c.name === name);
  expect(found).toHaveLength(1);
  return found[0] as FakeChart;
};

/** The sheet rows (1-based) whose Section cell reads `section`, read back from the written sheet. */
function rowsOfSection(excel: FakeExcel, section: string, except: string): number[] {
  const sheet = excel.state.sheet('Summary');
  const rows: number[] = [];
  for (let row = 4; excel.state.cell(sheet, row, 1) !== undefined; row++) {
    const item = excel.state.cell(sheet, row, 2)?.value;
    if (excel.state.cell(sheet, row, 1)?.value === section && item !== except) rows.push(row);
  }
  return rows;
}

describe('Summary charts through Office.js', () => {
  it('Given the GSA crosswalk, when written, then the Summary holds two titled native charts over its goal rows: CY vs BY as clustered columns, statuses as stacked bars', async () => {
    const excel = gsaExcel();
    await write(excel);

    const goals = rowsOfSection(excel, 'Resources by goal', 'Total, all goals');
    expect(goals.length).toBe(4);
    const [first, last] = [goals[0], goals[goals.length - 1]];
    // GSA's Budget has two years (FY2016 Est. in C, FY2017 Est. in D), so CY vs BY is C and D.
    expect(excel.state.valuesOf('Summary', 'C3:D3')).toEqual([['FY2016 Est.', 'FY2017 Est.']]);
    const resources = chartNamed(excel, RESOURCES);
    expect(resources).toMatchObject({ type: 'ColumnClustered', title: 'Resources by goal' });
    expect(resources.series).toEqual([
      { name: 'FY2016 Est.', values: `Summary!C${first}:C${last}`, categories: `Summary!B${first}:B${last}` },
      { name: 'FY2017 Est.', values: `Summary!D${first}:D${last}`, categories: `Summary!B${first}:B${last}` },
    ]);
    expect(excel.state.valuesOf('Summary', `B${first}:B${last}`).flat()).toEqual([
      'G1 Real Estate',
      'G2 Acquisition',
      'G3 Technology',
      'G4 Service Expansion',
    ]);

    const measureRows = rowsOfSection(excel, 'Measures by status', '');
    const measures = chartNamed(excel, MEASURES);
    expect(measures).toMatchObject({ type: 'BarStacked', title: 'Measures by status per goal' });
    const statusHeaders = excel.state.valuesOf('Summary', 'F3:I3')[0];
    expect(statusHeaders).toEqual(['Met', 'Not Met', 'Improved', 'Not Judged']);
    const [top, bottom] = [measureRows[0], measureRows[measureRows.length - 1]];
    expect(measures.series.map((s) => s.name)).toEqual(statusHeaders);
    expect(measures.series.map((s) => s.values)).toEqual(
      ['F', 'G', 'H', 'I'].map((c) => `Summary!${c}${top}:${c}${bottom}`),
    );
    expect(new Set(measures.series.map((s) => s.categories))).toEqual(
      new Set([`Summary!B${top}:B${bottom}`]),
    );

    // Side by side, below the table's last row with a blank row between.
    const tableBottom = excel.state.tableByName('Summary')?.box.bottom ?? 0;
    expect(resources.position).toEqual({ start: `A${tableBottom + 2}`, end: `B${tableBottom + 16}` });
    expect(measures.position).toEqual({ start: `C${tableBottom + 2}`, end: `I${tableBottom + 16}` });
    expect(excel.syncs.every((s) => s.error === undefined)).toBe(true);
  });

  it('Given outputs from an earlier run, when written again, then the Summary has its two charts once each, not twice', async () => {
    const excel = gsaExcel();
    await write(excel);
    const before = excel.syncs.length;
    const report = await write(excel);
    // The re-run's one extra look (at the charts on the sheets it replaces) is counted in its report.
    expect(report.syncs).toBe(excel.syncs.length - before);
    expect(
      chartsOn(excel, 'Summary')
        .map((c) => c.name)
        .sort(),
    ).toEqual([MEASURES, RESOURCES]);
  });

  it("Given a chart of the user's on the Summary and another on their own sheet, when written again, then both survive and Throughline's charts are replaced", async () => {
    const excel = gsaExcel();
    await write(excel);
    const summary = excel.state.sheet('Summary');
    const mine = excel.state.addChart(summary, 'Pie', {
      sheet: summary,
      box: { top: 5, left: 4, bottom: 8, right: 4 },
    });
    mine.name = 'My BY pie';
    const notes = excel.state.addSheet('Notes');
    excel.state.addChart(notes, 'Line', { sheet: summary, box: { top: 5, left: 3, bottom: 8, right: 3 } });
    excel.state.cellForWrite(summary, 40, 12).value = 'stray note in an output sheet';

    await write(excel);

    // The sheet is emptied and written again in place, so the user's chart still points at its figures.
    expect(excel.state.sheet('Summary').id).toBe(summary.id);
    expect(
      chartsOn(excel, 'Summary')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['My BY pie', MEASURES, RESOURCES]);
    expect(chartNamed(excel, 'My BY pie')).toEqual(mine);
    expect(chartsOn(excel, 'Notes')).toHaveLength(1);
    const table = gsa.tables.find((t) => t.name === 'Summary') as OutputTable;
    expect(excel.state.valuesOf('Summary', 'A1')).toEqual([[table.title]]);
    expect(excel.state.tables.filter((t) => t.name === 'Summary')).toHaveLength(1);
    expect(excel.cell('Summary', 'L40')).toBeUndefined();
    expect(excel.sheetNames().filter((n) => n === 'Summary')).toHaveLength(1);
  });

  it('Given a Summary with no goal amounts and no measures, when written, then it has no chart, as the package writer draws none', async () => {
    const summary = gsa.tables.find((t) => t.name === 'Summary') as OutputTable;
    const bare: OutputTable = {
      ...summary,
      rows: summary.rows.filter((r) => r[0] !== 'Resources by goal' && r[0] !== 'Measures by status'),
      rowKinds: undefined,
    };
    expect(
      summaryDrawing(
        bare,
        bare.columns.map(() => 12),
      ),
    ).toBeNull();
    const excel = new FakeExcel();
    excel.state.addSheet('Sheet1');
    await write(excel, [bare], dollars);
    expect(chartsOn(excel, 'Summary')).toEqual([]);
    expect(excel.state.tableByName('Summary')).toBeDefined();
  });
});
