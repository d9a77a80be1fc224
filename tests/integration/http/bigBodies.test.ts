import http from 'node:http';
import {
  emptyTables,
  oneRowOfEmptyCells,
  rowsOfOneEmptyCell,
  unknownKeys,
} from '../../fixtures/limits/bodies';
import {
  exampleBytes,
  exampleGrids,
  postJson,
  postWorkbook,
  problemOf,
  start,
  type TestServer,
} from './harness';

/**
 * Bodies that once took the server down, against the real server with its default limits: each gets a 4xx
 * problem, and /health answers before, during and after.
 */

/** Sends the request while asking /health, one request after another, until the answer comes. */
async function whileHealthAnswers(
  api: string,
  send: () => Promise<Response>,
): Promise<{ res: Response; health: number[] }> {
  const health: number[] = [];
  let done = false;
  const pending = send().finally(() => {
    done = true;
  });
  while (!done) health.push((await fetch(`${api}/health`)).status);
  const res = await pending;
  health.push((await fetch(`${api}/health`)).status);
  return { res, health };
}

describe('Given a server with its default limits', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start();
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  test('When one row of four million empty cells arrives (12 MB), Then 413 too-many-cells, counted before parsing, and /health answers throughout', async () => {
    const body = oneRowOfEmptyCells(4_000_000);
    expect(body.length).toBeGreaterThan(12_000_000);
    const { res, health } = await whileHealthAnswers(api, () => postJson(`${api}/validate`, body));
    expect(res.status).toBe(413);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:too-many-cells');
    expect(problem.detail).toContain('4,000,001 cells, more than the 2,000,000');
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
  });

  test('When 130,000 rows of one empty object arrive, Then 400 listing the first 20 bad cells and counting the rest, and /health answers throughout', async () => {
    const { res, health } = await whileHealthAnswers(api, () =>
      postJson(`${api}/crosswalk`, rowsOfOneEmptyCell(130_000)),
    );
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:invalid-body');
    expect(problem.detail).toMatch(
      /^The request body has 130,000 problems \(the first 20 are listed; 129,980 more are not\): grids\.tables\[0\]\.rows\[0\]\[0\] should be a cell value/,
    );
    expect(problem.errors).toHaveLength(20);
    expect(problem.errors?.[19]?.pointer).toBe('/grids/tables/0/rows/19/0');
    expect(health.every((s) => s === 200)).toBe(true);
  });

  test('When four million empty tables arrive, Then 413 too-many-tables before parsing', async () => {
    const res = await postJson(`${api}/validate`, emptyTables(4_000_000));
    expect(res.status).toBe(413);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:too-many-tables');
    expect(problem.detail).toContain('4,000,000 tables, more than the 1,000');
  });

  test('When a table has 200,000 fields the API does not know, Then one short sentence names five and counts the rest', async () => {
    const res = await postJson(`${api}/validate`, unknownKeys(200_000));
    expect(res.status).toBe(400);
    const { errors } = await problemOf(res);
    expect(errors).toEqual([
      {
        pointer: '/grids/tables/0',
        detail:
          'grids.tables[0] has fields this API does not accept: "k0", "k1", "k2", "k3", "k4" and 199,995 more.',
      },
    ]);
  });

  test('When the tables are wrong and so are cells, Then both are listed and counted together', async () => {
    const body = {
      grids: {
        tables: [
          {
            name: 'Budget',
            source: 'range',
            sheet: 'Budget',
            topLeft: 'A1',
            header: ['Account', {}],
            rows: [[[]], 'x'],
          },
        ],
      },
    };
    const res = await postJson(`${api}/validate`, body);
    expect(res.status).toBe(400);
    const { errors, detail } = await problemOf(res);
    expect(detail).toMatch(/^The request body has 4 problems: /);
    expect(errors?.map((e) => e.pointer)).toEqual([
      '/grids/tables/0/source',
      '/grids/tables/0/header/1',
      '/grids/tables/0/rows/0/0',
      '/grids/tables/0/rows/1',
    ]);
    expect(errors?.[3]?.detail).toBe('grids.tables[0].rows[1] should be a list, not text.');
  });

  test('When the GSA grids are sent whole, Then they pass the checks unchanged', async () => {
    const res = await postJson(`${api}/validate`, { grids: await exampleGrids() });
    expect(res.status).toBe(200);
  });
});

describe('Given a server allowed one job at a time', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start({ maxConcurrentJobs: 1 });
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  test('When a JSON body is still arriving, Then it holds the one slot: other JSON requests and uploads get 503 busy until it is answered', async () => {
    const body = JSON.stringify({ grids: await exampleGrids() });
    const slow = http.request(`${api}/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
    });
    const answered = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      slow.on('error', reject);
    });
    slow.write(body.slice(0, 100));

    // The slow request's headers reach the server first; ask until its slot shows (one try in practice).
    let busy: Response | undefined;
    for (let tries = 0; tries < 50 && !busy; tries++) {
      const res = await postJson(`${api}/validate`, { grids: { tables: [] } });
      if (res.status === 503) busy = res;
      else await res.arrayBuffer();
    }
    expect(busy?.status).toBe(503);
    expect(busy?.headers.get('retry-after')).toBe('5');
    expect((await problemOf(busy as Response)).type).toBe('urn:throughline:problem:busy');
    const upload = await postWorkbook(`${api}/workbook`, exampleBytes());
    expect(upload.status).toBe(503);
    expect((await fetch(`${api}/health`)).status).toBe(200);

    slow.end(body.slice(100));
    expect(await answered).toBe(200);
    expect((await postJson(`${api}/validate`, { grids: { tables: [] } })).status).toBe(200);
  });
});
