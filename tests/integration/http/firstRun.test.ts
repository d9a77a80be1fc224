import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, serverConfig, startServer, type RunningServer } from '../../../server/http';
import { logFormatFrom, prettyLine, type LogFormat } from '../../../server/http/logFormat';

/**
 * What a newcomer meets first: the API address the server prints answers with its endpoints, and the request
 * log reads as text on a terminal, as JSON lines for a collector, without a line per task pane file at info.
 */

const pane = mkdtempSync(join(tmpdir(), 'throughline-pane-'));
writeFileSync(join(pane, 'index.html'), '<!doctype html><title>pane</title>');
writeFileSync(join(pane, 'pane.js'), '// the pane');

async function serverLogging(format: LogFormat): Promise<{ server: RunningServer; lines: () => string[] }> {
  let text = '';
  const logger = createLogger('info', format, { write: (s: string) => (text += s) });
  const config = serverConfig({ host: '127.0.0.1', port: 0, addinDir: pane });
  const server = await startServer(config, { logger });
  return { server, lines: () => text.split('\n').filter((l) => l.trim() !== '') };
}

/** pino writes after the answer is sent; the answer's own log line is in by the time a second request is. */
async function settle(url: string): Promise<void> {
  await fetch(`${url}/api/v1/health`);
  await new Promise((resolve) => setImmediate(resolve));
}

describe('Given the API index', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = (await serverLogging('json')).server;
  });
  afterAll(() => server.close());

  test('When GET /api/v1, Then it answers 200 with every endpoint: name, method, path and what it does', async () => {
    const res = await fetch(`${server.url}/api/v1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as {
      endpoints: { name: string; method: string; path: string; description: string }[];
    };
    expect(body.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /api/v1',
      'GET /api/v1/health',
      'GET /api/v1/openapi.json',
      'POST /api/v1/workbook',
      'POST /api/v1/validate',
      'POST /api/v1/crosswalk',
    ]);
    for (const e of body.endpoints) expect(e.description.length).toBeGreaterThan(10);
  });

  test('When each GET endpoint listed is asked, Then it answers 200 (the index names no path that does not exist)', async () => {
    const index = (await (await fetch(`${server.url}/api/v1`)).json()) as {
      endpoints: { method: string; path: string }[];
    };
    for (const e of index.endpoints.filter((x) => x.method === 'GET'))
      expect([e.path, (await fetch(`${server.url}${e.path}`)).status]).toEqual([e.path, 200]);
    for (const e of index.endpoints.filter((x) => x.method === 'POST'))
      expect([e.path, (await fetch(`${server.url}${e.path}`)).status]).toEqual([e.path, 405]);
  });
});

describe('Given the request log', () => {
  test('When the format is json, Then each API request is one JSON line with an ISO time, and the pane files are not logged at info', async () => {
    const { server, lines } = await serverLogging('json');
    try {
      expect((await fetch(`${server.url}/`)).status).toBe(200);
      expect((await fetch(`${server.url}/pane.js`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/v1`)).status).toBe(200);
      await settle(server.url);
    } finally {
      await server.close();
    }
    const events = lines().map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = events.filter((e) => e.req !== undefined);
    const paths = requests.map((e) => (e.req as { path: string }).path);
    expect(paths).toContain('/api/v1');
    expect(paths).not.toContain('/');
    expect(paths).not.toContain('/pane.js');
    const index = requests.find((e) => (e.req as { path: string }).path === '/api/v1');
    expect(index?.msg).toBe('GET /api/v1 200');
    expect(String(index?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  });

  test('When the format is pretty, Then a request is one readable line: time, level, method, path, status, id', async () => {
    const { server, lines } = await serverLogging('pretty');
    try {
      await fetch(`${server.url}/pane.js`);
      await fetch(`${server.url}/api/v1/nowhere`);
      await settle(server.url);
    } finally {
      await server.close();
    }
    const all = lines();
    for (const line of all) expect(() => JSON.parse(line)).toThrow();
    expect(all.some((l) => l.includes('/pane.js'))).toBe(false);
    expect(all).toContainEqual(
      expect.stringMatching(/^\d\d:\d\d:\d\d WARN {2}GET \/api\/v1\/nowhere 404 \(\d+ ms\) id=[0-9a-f-]{36}/),
    );
    expect(all).toContainEqual(expect.stringMatching(/^\d\d:\d\d:\d\d INFO {2}GET \/api\/v1\/health 200 /));
  });

  test('When a line is not a request, Then its fields follow its message as key=value', () => {
    const line = prettyLine(
      JSON.stringify({
        level: 30,
        time: '2025-01-02T03:04:05.000Z',
        msg: 'listening',
        url: 'http://x',
        port: 3000,
      }),
    );
    expect(line).toMatch(/^\d\d:\d\d:\d\d INFO {2}listening url=http:\/\/x port=3000\n$/);
  });

  test.each([
    [{}, true, 'pretty'],
    [{}, false, 'json'],
    [{ TL_LOG_FORMAT: 'json' }, true, 'json'],
    [{ TL_LOG_FORMAT: 'pretty' }, false, 'pretty'],
    [{ TL_LOG_FORMAT: ' JSON ' }, true, 'json'],
  ])('When the environment is %j and stdout is a terminal: %s, Then the format is %s', (env, tty, format) => {
    expect(logFormatFrom(env, tty)).toBe(format);
  });

  test('When TL_LOG_FORMAT is neither, Then it is refused with what it must be', () => {
    expect(() => logFormatFrom({ TL_LOG_FORMAT: 'xml' }, true)).toThrow(
      'TL_LOG_FORMAT must be json or pretty; got "xml".',
    );
  });
});
