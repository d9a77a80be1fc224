import http from 'node:http';
import net from 'node:net';
import JSZip from 'jszip';
import {
  exampleBytes,
  exampleGrids,
  postJson,
  postWorkbook,
  problemOf,
  start,
  type TestServer,
} from './harness';

const KB = 1024;

/** A zip whose one sheet is a 50 MB run of zeros, deflated to a few kilobytes: a classic zip bomb. */
async function zipBomb(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook/>');
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(50 * 1024 * 1024, 0x30));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('Given a server with small limits', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start({
      maxJsonBytes: 2 * 1024 * KB,
      maxUploadBytes: 200 * KB,
      maxCells: 100_000,
      maxRows: 20_000,
      requestTimeoutMs: 30_000,
    });
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  test('When the JSON body is over the limit, Then 413 body-too-large', async () => {
    const res = await postJson(`${api}/validate`, { grids: { tables: [] }, pad: 'x'.repeat(3 * 1024 * KB) });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).type).toBe('urn:throughline:problem:body-too-large');
  });

  test('When the upload is over the limit (raw or as a form), Then 413 body-too-large', async () => {
    const big = Buffer.concat([exampleBytes(), Buffer.alloc(300 * KB)]);
    for (const as of ['raw', 'form'] as const) {
      const res = await postWorkbook(`${api}/workbook`, big, { as });
      expect(res.status).toBe(413);
      expect((await problemOf(res)).type).toBe('urn:throughline:problem:body-too-large');
    }
  });

  test('When the grids hold more cells than allowed, Then 413 too-many-cells before the engine runs', async () => {
    const wide = { name: 'Budget', source: 'sheet', sheet: 'Budget', topLeft: 'A1', header: ['Account'] };
    const rows = Array.from({ length: 1_000 }, () => Array<number>(101).fill(1));
    const res = await postJson(`${api}/validate`, { grids: { tables: [{ ...wide, rows }] } });
    expect(res.status).toBe(413);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:too-many-cells');
    expect(problem.detail).toContain('101,001 cells');
  });

  test('When the grids hold more rows than allowed, Then 413 too-many-rows', async () => {
    const table = { name: 'Budget', source: 'sheet', sheet: 'Budget', topLeft: 'A1', header: ['Account'] };
    const res = await postJson(`${api}/crosswalk`, {
      grids: { tables: [{ ...table, rows: Array.from({ length: 20_001 }, () => []) }] },
    });
    expect(res.status).toBe(413);
    expect((await problemOf(res)).type).toBe('urn:throughline:problem:too-many-rows');
  });

  test('When a zip bomb is uploaded, Then 413 before anything is inflated, with the reason as an issue', async () => {
    const bomb = await zipBomb();
    expect(bomb.length).toBeLessThan(200 * KB);
    const res = await postWorkbook(`${api}/workbook`, bomb, { as: 'form', filename: 'bomb.xlsx' });
    expect(res.status).toBe(413);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:workbook-too-large');
    expect(problem.detail).toMatch(/zip bomb/);
    expect(problem.issues?.[0]?.code).toBe('WORKBOOK_TOO_LARGE');
  });

  test('When a CSV is uploaded as a workbook, Then 415 saying to save it as .xlsx', async () => {
    const res = await postWorkbook(`${api}/workbook`, Buffer.from('Account,FY2018\n001,1000\n'), {
      as: 'form',
    });
    expect(res.status).toBe(415);
    const problem = await problemOf(res);
    expect(problem.detail).toMatch(/save it as Excel Workbook \(\.xlsx\)/);
    expect(problem.issues?.[0]?.code).toBe('WORKBOOK_UNREADABLE');
  });

  test('When a damaged .xlsx is uploaded, Then 422 with what to do', async () => {
    const damaged = exampleBytes().subarray(0, 20_000);
    const res = await postWorkbook(`${api}/workbook`, damaged);
    expect(res.status).toBe(422);
    expect((await problemOf(res)).detail).toMatch(/damaged or incomplete/);
  });

  test('When the body is sent with another Content-Type, Then 415', async () => {
    const res = await fetch(`${api}/workbook`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'a,b',
    });
    expect(res.status).toBe(415);
    const json = await fetch(`${api}/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });

  test('When a form has no file field, Then 400 saying where to put the workbook', async () => {
    const form = new FormData();
    form.append('note', 'no file');
    const res = await fetch(`${api}/workbook`, { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).detail).toMatch(/form field named "file"/);
  });

  test('When the JSON is malformed, Then 400 malformed-json', async () => {
    const res = await postJson(`${api}/validate`, '{"grids": {"tables": [');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).type).toBe('urn:throughline:problem:malformed-json');
  });

  test.each([
    ['__proto__', '{"grids": {"tables": []}, "__proto__": {"polluted": true}}'],
    ['a nested __proto__', '{"grids": {"tables": [], "__proto__": {"polluted": true}}}'],
    ['constructor.prototype', '{"grids": {"tables": []}, "constructor": {"prototype": {"polluted": true}}}'],
    [
      'a __proto__ spelt with escapes',
      '{"grids": {"tables": []}, "\\u005f_pr\\u006Fto__": {"polluted": true}}',
    ],
    [
      'a constructor spelt with escapes',
      '{"grids": {"tables": []}, "\\u0063onstructor": {"prototype": {"polluted": true}}}',
    ],
  ])('When the JSON holds %s, Then 400 forbidden-key and nothing is polluted', async (_what, body) => {
    const res = await postJson(`${api}/crosswalk`, body);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).type).toBe('urn:throughline:problem:forbidden-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('When the body has a field the models do not know, Then 400 naming the field and where it is', async () => {
    const grids = await exampleGrids();
    const table = { ...grids.tables[0], colour: 'red' };
    const res = await postJson(`${api}/validate`, { grids: { tables: [table] }, dryRun: true });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:invalid-body');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { pointer: '', detail: 'The request body has a field this API does not accept: "dryRun".' },
        {
          pointer: '/grids/tables/0',
          detail: 'grids.tables[0] has a field this API does not accept: "colour".',
        },
      ]),
    );
  });

  test('When a grid is the wrong shape, Then each problem is a sentence with a JSON Pointer', async () => {
    const res = await postJson(`${api}/validate`, {
      grids: {
        tables: [
          { name: 'Budget', source: 'range', sheet: 'Budget', topLeft: 'a1', header: [[1]], rows: {} },
        ],
      },
    });
    expect(res.status).toBe(400);
    const { errors } = await problemOf(res);
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/grids/tables/0/source', detail: 'grids.tables[0].source should be "table" or "sheet".' },
        {
          pointer: '/grids/tables/0/topLeft',
          detail: 'grids.tables[0].topLeft should be an A1-style cell address such as B3.',
        },
        { pointer: '/grids/tables/0/rows', detail: 'grids.tables[0].rows should be a list, not an object.' },
      ]),
    );
    expect(errors?.find((e) => e.pointer === '/grids/tables/0/header/0')?.detail).toMatch(
      /should be a cell value/,
    );
  });
});

/**
 * The time limits, on a server of their own: a 400 ms limit on the small-limits server above made its other
 * tests race a busy machine (a 3 MB body once took longer than 400 ms to arrive and got 503 instead of 413).
 */
describe('Given a server with a short request time limit', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start({ requestTimeoutMs: 400 });
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  test('When a client sends its body too slowly, Then the request time limit answers 503, the socket is closed, and the server keeps serving', async () => {
    const { status, body, closed } = await new Promise<{
      status: number;
      body: string;
      closed: Promise<void>;
    }>((resolve, reject) => {
      const req = http.request(`${api}/validate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' },
      });
      const closed = new Promise<void>((done) => req.on('close', () => done()));
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c) => (text += String(c)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, closed }));
      });
      req.on('error', reject);
      req.write('{"grids": ');
    });
    expect(status).toBe(503);
    expect(JSON.parse(body)).toMatchObject({ type: 'urn:throughline:problem:timeout', status: 503 });
    await closed;
    expect((await fetch(`${api}/health`)).status).toBe(200);
  });

  test('When a client never finishes its headers (slow-loris), Then the server drops the connection', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    socket.write('POST /api/v1/validate HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    let received = '';
    socket.on('data', (chunk) => (received += String(chunk)));
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('Given a server allowed one workbook job at a time', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ maxConcurrentJobs: 1 });
  });
  afterAll(() => server.close());

  test('When three workbooks arrive at once, Then those over the cap get 503 with Retry-After and the rest succeed', async () => {
    const bytes = exampleBytes();
    const answers = await Promise.all(
      [1, 2, 3].map(() => postWorkbook(`${server.url}/api/v1/workbook`, bytes)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = answers.find((r) => r.status === 503);
    expect(busy?.headers.get('retry-after')).toBe('5');
    expect((await problemOf(busy as Response)).type).toBe('urn:throughline:problem:busy');
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });
});

describe('Given a server that reads at most 1,000 filled cells from an upload', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ maxCells: 1_000 });
  });
  afterAll(() => server.close());

  test('When a larger workbook is uploaded, Then 413 workbook-too-large before the engine runs', async () => {
    const res = await postWorkbook(`${server.url}/api/v1/workbook`, exampleBytes(), { as: 'form' });
    expect(res.status).toBe(413);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:workbook-too-large');
    expect(problem.detail).toContain('more than 1,000 filled cells');
  });
});
