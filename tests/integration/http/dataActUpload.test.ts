import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Problem, WorkbookJsonResponse, XLSX_MEDIA_TYPE } from '../../../models';
import { readOutputTable } from '../../../server/xlsx';
import { root, start, type TestServer } from './harness';

/** `/api/v1/workbook` with DATA Act File A and File B CSVs as the form fields `fileA` and `fileB`. */

const DIR = join(root, 'examples', 'data-act');
const bytes = (name: string) => readFileSync(join(DIR, name));

/** A multipart form of the named example files, each under its field. */
function form(fields: Record<string, { name: string; data?: Buffer }>): FormData {
  const body = new FormData();
  for (const [field, file] of Object.entries(fields)) {
    const type = file.name.endsWith('.xlsx') ? XLSX_MEDIA_TYPE : 'text/csv';
    body.append(field, new Blob([file.data ?? bytes(file.name)], { type }), file.name);
  }
  return body;
}

let server: TestServer;
let api: string;
const post = (body: FormData) =>
  fetch(`${api}/workbook`, { method: 'POST', headers: { Accept: 'application/json' }, body });

beforeAll(async () => {
  server = await start({ maxUploadBytes: 64 * 1024 });
  api = `${server.url}/api/v1`;
});
afterAll(() => server.close());

describe('POST /workbook with fileA and fileB', () => {
  test('When the example workbook comes with the clean CSVs, Then it runs clean, TieOut is empty, and the goals get File B obligations', async () => {
    const res = await post(form({ file: { name: 'data-act-crosswalk.xlsx' }, fileA: { name: 'file-a.csv' }, fileB: { name: 'file-b.csv' } }));
    expect(res.status).toBe(200);
    const body = WorkbookJsonResponse.parse(await res.json());
    expect([body.ok, body.filename, body.summary.issues.error]).toEqual([true, 'data-act-crosswalk-crosswalk.xlsx', 0]);
    expect(body.summary.goals.map((g) => g.goalId)).toEqual(['G1', 'G2']);
    const workbook = Buffer.from(body.workbookBase64, 'base64');
    expect((await readOutputTable(workbook, 'TieOut')).rows).toEqual([]);
  }); // prettier-ignore

  test('When only the findings CSVs come, Then a new workbook whose TieOut has their 13 findings at the CSV lines', async () => {
    const res = await post(form({ fileA: { name: 'file-a-findings.csv' }, fileB: { name: 'file-b-findings.csv' } }));
    expect(res.status).toBe(200);
    const body = WorkbookJsonResponse.parse(await res.json());
    expect(body.filename).toBe('file-b-findings-crosswalk.xlsx');
    const tieOut = await readOutputTable(Buffer.from(body.workbookBase64, 'base64'), 'TieOut');
    expect(tieOut.rows).toHaveLength(13);
    expect(body.issues).toContainEqual(expect.objectContaining({ code: 'DATA_ACT_B29', sheet: 'File B', cell: 'N13' }));
  }); // prettier-ignore

  test('When a CSV is malformed, Then 422 unreadable-csv naming the file and its line', async () => {
    const bad = Buffer.from('AgencyIdentifier,MainAccountCode\n047,4542\n047,"4542\n');
    const res = await post(form({ fileB: { name: 'my-file-b.csv', data: bad } }));
    expect(res.status).toBe(422);
    const problem = Problem.parse(await res.json());
    expect(problem.type).toBe('urn:throughline:problem:unreadable-csv');
    expect(problem.detail).toBe('my-file-b.csv, line 3: a quoted field opens here and is never closed.');
    expect(problem.issues?.[0]).toMatchObject({ severity: 'error', code: 'CSV_UNREADABLE' });
  });

  test('When the workbook already has File B rows and File B comes as a CSV too, Then 409 data-act-conflict', async () => {
    const res = await post(form({ file: { name: 'data-act-example.xlsx' }, fileB: { name: 'file-b.csv' } }));
    expect(res.status).toBe(409);
    const problem = Problem.parse(await res.json());
    expect(problem.type).toBe('urn:throughline:problem:data-act-conflict');
    expect(problem.detail).toContain('The workbook already has File B rows (sheet "File B"), and file-b.csv was given as File B too.');
  }); // prettier-ignore

  test('When a CSV is over the upload limit, Then 413 before anything runs; two File B fields are a 400', async () => {
    const big = Buffer.alloc(65 * 1024, 'a');
    const res = await post(form({ fileB: { name: 'big.csv', data: big } }));
    expect(res.status).toBe(413);
    expect(Problem.parse(await res.json()).type).toBe('urn:throughline:problem:body-too-large');
    const twice = form({ fileB: { name: 'file-b.csv' } });
    twice.append('fileB', new Blob([bytes('file-b.csv')]), 'again.csv');
    const res2 = await post(twice);
    expect(res2.status).toBe(400);
    expect(Problem.parse(await res2.json()).detail).toContain('fields named "fileA" and "fileB"');
  });

  test('When the form carries no file at all, Then 400 missing-file', async () => {
    const body = new FormData();
    body.append('note', 'nothing');
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(Problem.parse(await res.json()).type).toBe('urn:throughline:problem:missing-file');
  });
});
