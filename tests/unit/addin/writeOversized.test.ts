import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineResult, OutputTable } from '../../../models';
import { writeOutputs } from '../../../addin/excel/writeOutputs';
import { runEngine } from '../../../server/engine';
import { readWorkbookGrids } from '../../../server/xlsx';
import { FakeExcel } from './fake';

const example = join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx');

let gsa: EngineResult;
let detail: OutputTable;
let newExcel: () => FakeExcel;
beforeAll(async () => {
  const grids = await readWorkbookGrids(readFileSync(example));
  gsa = runEngine(grids);
  detail = gsa.tables.find((t) => t.name === 'CrosswalkDetail') as OutputTable;
  newExcel = () => {
    const excel = new FakeExcel();
    excel.addGrids(grids);
    return excel;
  };
});

/** Writes the GSA outputs through the adapter with CrosswalkDetail's sheet set to hold `maxDetailRows`. */
async function writeWithLimit(excel: FakeExcel, maxDetailRows: number) {
  const progress: { rowsWritten: number; rowsTotal: number }[] = [];
  await excel.run((context) =>
    writeOutputs(context, gsa.tables, gsa.money, {
      suspendScreenUpdating: true,
      maxDetailRows,
      onProgress: (p) => progress.push(p),
    }),
  );
  return progress;
}

describe('writeOutputs with a table too long for its sheet', () => {
  it('Given CrosswalkDetail one row past its sheet, when written, then the sheet holds the header and one note with the true row count', async () => {
    expect(detail.rows.length).toBeGreaterThan(2);
    const excel = newExcel();
    const progress = await writeWithLimit(excel, detail.rows.length - 1);

    const last = String.fromCharCode(64 + detail.columns.length);
    const [header, note, after] = excel.state.valuesOf('CrosswalkDetail', `A3:${last}5`);
    expect(header).toEqual(detail.columns.map((c) => c.name));
    expect(String(note?.[0])).toContain(
      `CrosswalkDetail has ${detail.rows.length.toLocaleString('en-US')} rows`,
    );
    expect(String(note?.[0])).toContain('no CSV was asked for');
    expect(note?.slice(1).every((v) => v === '')).toBe(true);
    expect(after?.every((v) => v === '')).toBe(true);
    expect(excel.state.tableByName('CrosswalkDetail')?.box.bottom).toBe(4);

    // Every other table is written whole; progress counts the rows the sheets take.
    for (const table of gsa.tables.filter((t) => t !== detail))
      expect(excel.state.tableByName(table.name)?.box.bottom).toBe(3 + Math.max(1, table.rows.length));
    const sheetRows = gsa.tables.reduce((n, t) => n + (t === detail ? 1 : t.rows.length), 0);
    expect(progress[progress.length - 1]).toEqual({ rowsWritten: sheetRows, rowsTotal: sheetRows });
  });

  it('Given CrosswalkDetail exactly as long as its sheet may be, when written, then every row is on the sheet', async () => {
    const excel = newExcel();
    await writeWithLimit(excel, detail.rows.length);

    const last = String.fromCharCode(64 + detail.columns.length);
    const [, ...body] = excel.state.valuesOf('CrosswalkDetail', `A3:${last}${3 + detail.rows.length}`);
    expect(body).toEqual(detail.rows.map((row) => row.map((v) => v ?? '')));
    expect(excel.state.tableByName('CrosswalkDetail')?.box.bottom).toBe(3 + detail.rows.length);
  });
});
