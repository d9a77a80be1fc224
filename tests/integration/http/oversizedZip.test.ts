import { unzipSync } from 'fflate';
import type { EngineResult, OutputTable } from '../../../models';
import { crosswalkXlsx } from '../../../server/pipeline';
import { readOutputTable, tableCsv } from '../../../server/xlsx';
import { exampleBytes, postWorkbook, problemOf, start, type TestServer } from './harness';

let server: TestServer;
let engine: EngineResult;
let detail: OutputTable;
beforeAll(async () => {
  server = await start();
  engine = (await crosswalkXlsx(exampleBytes())).result;
  detail = engine.tables.find((t) => t.name === 'CrosswalkDetail') as OutputTable;
});
afterAll(() => server.close());

const workbookUrl = (query: string) => `${server.url}/api/v1/workbook?${query}`;
const upload = (query: string) =>
  postWorkbook(workbookUrl(query), exampleBytes(), { as: 'form', filename: 'budget.xlsx' });

/** The first cell under CrosswalkDetail's header, and how many rows the sheet's table has. */
async function detailSheet(workbook: Uint8Array): Promise<{ first: unknown; rows: number }> {
  const { rows } = await readOutputTable(workbook, 'CrosswalkDetail');
  return { first: rows[0]?.[0], rows: rows.length };
}

describe('POST /api/v1/workbook?csv=true', () => {
  it('Given CrosswalkDetail longer than maxDetailRows, when asked for CSVs, then the zip holds the workbook (its sheet a note naming the CSV) and the CSV of every engine row', async () => {
    const res = await upload(`csv=true&maxDetailRows=${detail.rows.length - 1}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/zip/);
    expect(res.headers.get('content-disposition')).toContain('filename="budget-crosswalk.zip"');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'budget-crosswalk-CrosswalkDetail.csv',
      'budget-crosswalk.xlsx',
    ]);

    const sheet = await detailSheet(files['budget-crosswalk.xlsx'] as Uint8Array);
    expect(sheet.rows).toBe(1);
    expect(sheet.first).toBe(
      `CrosswalkDetail has ${detail.rows.length.toLocaleString('en-US')} rows, more than this sheet is set to hold: the whole table is in budget-crosswalk-CrosswalkDetail.csv, beside this workbook.`,
    );

    // The same bytes the CLI writes for the engine's table: a header and one line per engine row.
    const csv = Buffer.from(files['budget-crosswalk-CrosswalkDetail.csv'] as Uint8Array);
    expect(csv.equals(Buffer.concat([...tableCsv(detail, engine.money)]))).toBe(true);
    expect(csv.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(detail.rows.length + 1);
  });

  it('Given every table fits its sheet, when asked for CSVs, then the zip holds the workbook alone, every row on its sheet', async () => {
    const res = await upload(`csv=true&maxDetailRows=${detail.rows.length}`);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(['budget-crosswalk.xlsx']);
    expect((await detailSheet(files['budget-crosswalk.xlsx'] as Uint8Array)).rows).toBe(detail.rows.length);
  });

  it('Given no csv=true, when CrosswalkDetail passes maxDetailRows, then the answer is the workbook alone and its note says no CSV was asked for', async () => {
    const res = await upload(`maxDetailRows=${detail.rows.length - 1}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const sheet = await detailSheet(new Uint8Array(await res.arrayBuffer()));
    expect(sheet.rows).toBe(1);
    expect(String(sheet.first)).toContain('no CSV was asked for');
  });

  it.each(['0', '-3', '2.5', 'lots', '1048574', '1,000'])(
    'Given maxDetailRows=%s, when posted, then the answer is a 400 naming the parameter',
    async (value) => {
      const res = await upload(`maxDetailRows=${encodeURIComponent(value)}`);
      expect(res.status).toBe(400);
      expect((await problemOf(res)).detail).toContain('maxDetailRows');
    },
  );

  it('Given csv=yes, when posted, then the answer is a 400 naming the parameter', async () => {
    const res = await upload('csv=yes');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toContain('csv');
  });
});
