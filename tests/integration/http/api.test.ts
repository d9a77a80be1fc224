import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  CrosswalkResponse,
  HealthResponse,
  OUTPUT_SHEETS,
  ValidateResponse,
  WorkbookJsonResponse,
  XLSX_MEDIA_TYPE,
} from '../../../models';
import { main as cli } from '../../../server/cli';
import { readOutputTable } from '../../../server/xlsx';
import {
  examplePath,
  exampleBytes,
  exampleGrids,
  postJson,
  postWorkbook,
  smallWorkbookWithError,
  start,
  type TestServer,
} from './harness';

const quiet = new Writable({ write: (_c, _e, done) => done() });

/** The output tables of a crosswalk workbook, read back by table name. */
async function outputTables(bytes: Buffer) {
  const tables: Record<string, Awaited<ReturnType<typeof readOutputTable>>> = {};
  for (const name of OUTPUT_SHEETS) {
    try {
      tables[name] = await readOutputTable(bytes, name);
    } catch {
      // Not every workbook has every output (no cost pools: no SupportCosts).
    }
  }
  return tables;
}

describe('Given the engine serving HTTP on a free port', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start();
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  test('When /health is asked, Then it answers 200 {status: ok} with a request id', async () => {
    const res = await fetch(`${api}/health`);
    expect(res.status).toBe(200);
    expect(HealthResponse.parse(await res.json())).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('When /openapi.json is asked, Then it is OpenAPI 3.1 with schemas generated from the models', async () => {
    const res = await fetch(`${api}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/crosswalk', '/health', '/openapi.json', '/validate', '/workbook'].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['GridsRequest', 'ValidateResponse', 'CrosswalkResponse', 'Problem', 'Issue']),
    );
    expect(Object.keys(doc.components.schemas.Issue?.properties ?? {})).toEqual([
      'severity',
      'code',
      'message',
      'sheet',
      'cell',
    ]);
    expect(JSON.stringify(doc.components.schemas.GridsRequest)).toContain(
      '#/components/schemas/WorkbookGrids',
    );
    // Every reference resolves to a component (no JSON Schema `$defs` left dangling in the document).
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const target of refs) expect(target).toMatch(/^#\/components\/schemas\//);
    for (const target of refs) expect(Object.keys(doc.components.schemas)).toContain(target.split('/').pop());
  });

  test('When / is asked and the add-in is not built, Then a plain page says what the server is', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain('/api/v1/health');
    expect(page).toContain('/api/v1/openapi.json');
    expect(page).not.toContain('<script');
  });

  test('When the GSA example is validated as grids, Then it is ok with its issues and summary', async () => {
    const res = await postJson(`${api}/validate`, { grids: await exampleGrids() });
    expect(res.status).toBe(200);
    const body = ValidateResponse.parse(await res.json());
    expect(body.ok).toBe(true);
    expect(body.summary.agency).toBe('General Services Administration');
    expect(body.issues.length).toBe(body.summary.issues.warning + body.summary.issues.info);
    expect(body).not.toHaveProperty('tables');
  });

  test('When the GSA example is crosswalked as grids, Then the output tables come back with issues and summary', async () => {
    const res = await postJson(`${api}/crosswalk`, { grids: await exampleGrids() });
    expect(res.status).toBe(200);
    const body = CrosswalkResponse.parse(await res.json());
    expect(body.ok).toBe(true);
    expect(body.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'ResourcesByGoal',
        'CrosswalkMatrix',
        'CrosswalkDetail',
        'CostPerOutcome',
        'Issues',
      ]),
    );
    expect(body.summary.goals.map((g) => g.goalId)).toEqual(['G1', 'G2', 'G3', 'G4']);
  });

  test('When a workbook with errors is sent, Then it is a normal 200 result that carries its issues', async () => {
    const { readWorkbookGrids } = await import('../../../server/xlsx');
    const grids = await readWorkbookGrids(await smallWorkbookWithError());
    const res = await postJson(`${api}/validate`, { grids });
    expect(res.status).toBe(200);
    const body = ValidateResponse.parse(await res.json());
    expect(body.ok).toBe(false);
    expect(body.issues.some((i) => i.severity === 'error' && i.sheet === 'Crosswalk')).toBe(true);
  });

  test('When the GSA .xlsx is uploaded, Then the crosswalk workbook comes back, table for table the same as the CLI writes', async () => {
    const res = await postWorkbook(`${api}/workbook`, exampleBytes(), {
      as: 'form',
      filename: 'gsa-fy2018.xlsx',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="gsa-fy2018-crosswalk.xlsx"');
    expect(res.headers.get('x-throughline-errors')).toBe('0');
    expect(Number(res.headers.get('x-throughline-warnings'))).toBeGreaterThan(0);
    const served = Buffer.from(await res.arrayBuffer());

    const cliOutput = join(mkdtempSync(join(tmpdir(), 'throughline-http-')), 'cli.xlsx');
    expect(await cli([examplePath, '-o', cliOutput, '--quiet'], { stdout: quiet, stderr: quiet })).toBe(0);

    const [fromHttp, fromCli] = await Promise.all([
      outputTables(served),
      outputTables(readFileSync(cliOutput)),
    ]);
    expect(Object.keys(fromHttp)).toEqual(
      expect.arrayContaining(['ResourcesByGoal', 'CostPerOutcome', 'Issues']),
    );
    expect(fromHttp).toEqual(fromCli);
  });

  test('When the .xlsx is sent as the raw body with Accept: application/json, Then the summary, issues and the workbook in base64 come back', async () => {
    const res = await postWorkbook(`${api}/workbook`, exampleBytes(), {
      filename: 'FY 2018 budget.xlsx',
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    const body = WorkbookJsonResponse.parse(await res.json());
    expect(body.filename).toBe('FY 2018 budget-crosswalk.xlsx');
    expect(body.summary.agency).toBe('General Services Administration');
    expect(res.headers.get('x-throughline-warnings')).toBe(String(body.summary.issues.warning));
    const issues = await readOutputTable(Buffer.from(body.workbookBase64, 'base64'), 'Issues');
    expect(issues.rows.length).toBe(body.issues.length);
  });

  test('When two different workbooks are sent at once, Then each gets its own result', async () => {
    const small = await smallWorkbookWithError();
    const headers = { Accept: 'application/json' };
    const [gsa, other] = await Promise.all([
      postWorkbook(`${api}/workbook`, exampleBytes(), { headers, filename: 'gsa.xlsx' }),
      postWorkbook(`${api}/workbook`, small, { headers, filename: 'small.xlsx', as: 'form' }),
    ]);
    const [a, b] = [
      WorkbookJsonResponse.parse(await gsa.json()),
      WorkbookJsonResponse.parse(await other.json()),
    ];
    expect([a.summary.agency, a.ok, a.filename]).toEqual([
      'General Services Administration',
      true,
      'gsa-crosswalk.xlsx',
    ]);
    expect([b.summary.agency, b.ok, b.filename]).toEqual(['Small Agency', false, 'small-crosswalk.xlsx']);
    expect(gsa.headers.get('x-throughline-errors')).toBe('0');
    expect(Number(other.headers.get('x-throughline-errors'))).toBeGreaterThan(0);

    const grids = await exampleGrids();
    const { readWorkbookGrids } = await import('../../../server/xlsx');
    const smallGrids = await readWorkbookGrids(small);
    const [x, y] = await Promise.all([
      postJson(`${api}/crosswalk`, { grids }).then(async (r) => CrosswalkResponse.parse(await r.json())),
      postJson(`${api}/crosswalk`, { grids: smallGrids }).then(async (r) =>
        CrosswalkResponse.parse(await r.json()),
      ),
    ]);
    expect(x.summary.agency).toBe('General Services Administration');
    expect(y.summary.agency).toBe('Small Agency');
  });

  test('When a path or method is not part of the API, Then it is a 404 or 405 problem', async () => {
    const missing = await fetch(`${api}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const wrongMethod = await fetch(`${api}/validate`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});

describe('Given a built task pane in the add-in folder', () => {
  let server: TestServer;
  beforeAll(async () => {
    const addinDir = mkdtempSync(join(tmpdir(), 'throughline-addin-'));
    writeFileSync(join(addinDir, 'index.html'), '<!doctype html><title>Throughline pane</title>');
    writeFileSync(join(addinDir, '.env'), 'SECRET=1');
    server = await start({ addinDir });
  });
  afterAll(() => server.close());

  test('When / is asked, Then the pane is served from the same origin as the API, dotfiles excepted', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Throughline pane');
    expect((await fetch(`${server.url}/.env`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });
});

describe('Given a client that wants only some output tables', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('When /crosswalk is asked for ResourcesByGoal, Then only it and Issues come back, with the same figures as the full answer', async () => {
    const grids = await exampleGrids();
    const post = (query: string) =>
      fetch(`${server.url}/api/v1/crosswalk${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grids }),
      });
    const some = (await (await post('?tables=resourcesbygoal')).json()) as {
      tables: { name: string; rows: unknown[] }[];
    };
    const all = (await (await post('')).json()) as { tables: { name: string; rows: unknown[] }[] };
    expect(some.tables.map((t) => t.name)).toEqual(['ResourcesByGoal', 'Issues']);
    expect(some.tables[0]).toEqual(all.tables.find((t) => t.name === 'ResourcesByGoal'));
  });

  test('When /crosswalk is asked for the summary tables, Then every table but CrosswalkDetail and CrosswalkMatrix comes back, each as in the full answer', async () => {
    const grids = await exampleGrids();
    const post = (query: string) =>
      fetch(`${server.url}/api/v1/crosswalk${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grids }),
      });
    const summary = (await (await post('?tables=summary')).json()) as {
      tables: { name: string; rows: unknown[] }[];
    };
    const all = (await (await post('')).json()) as { tables: { name: string; rows: unknown[] }[] };
    const names = summary.tables.map((t) => t.name);
    expect(names).toEqual(
      all.tables.map((t) => t.name).filter((n) => n !== 'CrosswalkDetail' && n !== 'CrosswalkMatrix'),
    );
    expect(names).toContain('ResourcesByGoal');
    for (const table of summary.tables) expect(table).toEqual(all.tables.find((t) => t.name === table.name));
  });

  test('When it names a table that does not exist, Then 400 says which and lists the choices', async () => {
    const res = await fetch(`${server.url}/api/v1/crosswalk?tables=ResourcesByGoal,Nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grids: await exampleGrids() }),
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string };
    expect(problem.detail).toMatch(/Unknown output table "Nope". Choose from Summary, ResourcesByGoal/);
  });
});
