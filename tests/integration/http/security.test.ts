import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnginePool } from '../../../server/workers/pool';
import { rebuiltError, sendableError } from '../../../server/workers/protocol';
import {
  exampleBytes,
  exampleGrids,
  postJson,
  postWorkbook,
  problemOf,
  start,
  type TestServer,
} from './harness';

const KEY = 'test-key-0123456789abcdef';
const OTHER_KEY = 'second-key-fedcba9876543210';
const ADDIN_ORIGIN = 'https://addin.example.gov';

describe('Given a server with API keys and one add-in origin configured', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start({ apiKeys: [KEY, OTHER_KEY], corsOrigins: [ADDIN_ORIGIN] });
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  test('When no key is sent, Then 401 with WWW-Authenticate', async () => {
    const res = await postWorkbook(`${api}/workbook`, exampleBytes());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await problemOf(res)).type).toBe('urn:throughline:problem:unauthorized');
  });

  test('When a wrong key is sent, Then 401', async () => {
    const wrong: Record<string, string>[] = [
      { Authorization: 'Bearer not-the-key-at-all-000000' },
      { 'X-API-Key': `${KEY}x` },
    ];
    for (const headers of wrong) {
      const res = await postJson(`${api}/validate`, { grids: { tables: [] } }, headers);
      expect(res.status).toBe(401);
      expect((await problemOf(res)).detail).toMatch(/not one this server accepts/);
    }
  });

  test('When a right key is sent as a bearer token or as X-API-Key, Then 200', async () => {
    const grids = await exampleGrids();
    const bearer = await postJson(`${api}/validate`, { grids }, { Authorization: `Bearer ${KEY}` });
    expect(bearer.status).toBe(200);
    const header = await postJson(`${api}/validate`, { grids }, { 'X-API-Key': OTHER_KEY });
    expect(header.status).toBe(200);
  });

  test('When /health and /openapi.json are asked without a key, Then they answer (probes and tooling need them)', async () => {
    expect((await fetch(`${api}/health`)).status).toBe(200);
    expect((await fetch(`${api}/openapi.json`)).status).toBe(200);
  });

  test('When a disallowed origin sends a CORS preflight, Then it gets no Access-Control-Allow-Origin', async () => {
    const res = await fetch(`${api}/validate`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, authorization',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('When the add-in origin sends a CORS preflight, Then it is allowed with the headers it needs', async () => {
    const res = await fetch(`${api}/validate`, {
      method: 'OPTIONS',
      headers: {
        Origin: ADDIN_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ADDIN_ORIGIN);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const actual = await fetch(`${api}/health`, { headers: { Origin: ADDIN_ORIGIN } });
    expect(actual.headers.get('access-control-allow-origin')).toBe(ADDIN_ORIGIN);
    expect(actual.headers.get('access-control-expose-headers')).toMatch(/X-Throughline-Errors/);
  });

  test('When the API answers, Then helmet security headers are set and nothing is cacheable', async () => {
    const res = await fetch(`${api}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull(); // plain HTTP: HSTS would be ignored
  });

  test('When the page at / is served, Then Office on the web may frame it, scripts come only from this server, and it calls only this engine', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com/);
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/connect-src 'self';/);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('Given a server configured with another engine for the pane', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ engineOrigins: ['https://engine.agency.example'] });
  });
  afterAll(() => server.close());

  test('When the page at / is served, Then its CSP lets the pane call that engine too, and no other', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/connect-src 'self' https:\/\/engine\.agency\.example;/);
  });
});

describe('Given a server whose engine fails unexpectedly', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ logLevel: 'info' });
  });
  afterAll(() => server.close());
  afterEach(() => jest.restoreAllMocks());

  test('When a request hits the failure, Then 500 with a request id only, the error is logged, and the server keeps serving', async () => {
    // The engine runs in a worker thread: the failure arrives as the worker sends it, and is rebuilt here.
    jest
      .spyOn(EnginePool.prototype, 'answerJson')
      .mockRejectedValue(
        rebuiltError(sendableError(new Error('engine exploded on account 023-05-4542 with 33,426'))),
      );
    const res = await postJson(`${server.url}/api/v1/crosswalk`, { grids: { tables: [] } });
    expect(res.status).toBe(500);
    const text = await res.clone().text();
    expect(text).not.toMatch(/exploded|023-05-4542|at .*\.ts|stack/);
    const problem = await problemOf(res);
    expect(problem.type).toBe('urn:throughline:problem:internal-error');
    expect(problem.instance).toBe(`urn:uuid:${problem.requestId}`);

    const line = server.logs.find((l) => (l.req as { id?: string } | undefined)?.id === problem.requestId);
    expect(line).toMatchObject({
      level: 50,
      res: { statusCode: 500 },
      err: { message: expect.stringMatching(/exploded/) },
    });
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });

  test('When requests are logged, Then each line has id, method, path, status and duration, and no body, query or header', async () => {
    jest.restoreAllMocks();
    const res = await postWorkbook(`${server.url}/api/v1/workbook`, exampleBytes(), {
      filename: 'secret-plan.xlsx',
      headers: { Authorization: 'Bearer should-not-be-logged', 'X-Request-Id': 'batch-42.row-7' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('batch-42.row-7');
    await res.arrayBuffer();
    const line = server.logs.find((l) => (l.req as { id?: string } | undefined)?.id === 'batch-42.row-7');
    expect(line).toMatchObject({
      req: { id: 'batch-42.row-7', method: 'POST', path: '/api/v1/workbook' },
      res: { statusCode: 200 },
      durationMs: expect.any(Number),
    });
    const all = JSON.stringify(server.logs);
    for (const secret of [
      'secret-plan',
      'should-not-be-logged',
      'General Services',
      'Real Estate',
      'headers',
    ])
      expect(all).not.toContain(secret);
  });
});

describe('Given a server shutting down', () => {
  test('When it is closed with a request in flight, Then that request finishes, new ones are refused, and close resolves', async () => {
    const server = await start();
    const inFlight = postWorkbook(`${server.url}/api/v1/workbook`, exampleBytes(), { as: 'form' });
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(await closed).toEqual({ forced: false });
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
  });
});

/** A throwaway self-signed certificate for localhost, made with openssl (skipped where there is none). */
function selfSignedCertificate(): { certFile: string; keyFile: string } | null {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-tls-'));
  const certFile = join(dir, 'localhost.crt');
  const keyFile = join(dir, 'localhost.key');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
  } catch {
    return null;
  }
  return { certFile, keyFile };
}

describe('Given a certificate and key', () => {
  const tls = selfSignedCertificate();
  (tls ? test : test.skip)(
    'When the server is started with them, Then it serves the API over HTTPS with HSTS',
    async () => {
      const server = await start({ tls });
      try {
        expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
        const ca = readFileSync((tls as { certFile: string }).certFile);
        const { status, hsts, body } = await new Promise<{ status: number; hsts: string; body: string }>(
          (resolve, reject) => {
            https
              .get(`${server.url}/api/v1/health`, { ca }, (res) => {
                let text = '';
                res.on('data', (c) => (text += String(c)));
                res.on('end', () =>
                  resolve({
                    status: res.statusCode ?? 0,
                    hsts: String(res.headers['strict-transport-security']),
                    body: text,
                  }),
                );
              })
              .on('error', reject);
          },
        );
        expect(status).toBe(200);
        expect(JSON.parse(body)).toEqual({ status: 'ok' });
        expect(hsts).toMatch(/max-age=\d+/);
      } finally {
        await server.close();
      }
    },
  );
});
