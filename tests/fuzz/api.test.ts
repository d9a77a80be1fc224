import fc from 'fast-check';
import { Problem, XLSX_MEDIA_TYPE } from '../../models';
import { exampleBytes, exampleGrids, start, type TestServer } from '../integration/http/harness';
import { bytesMutation, FUZZ_TIMEOUT, fuzzRun, gridsMutation, mutateGrids, mutateXlsx } from './fuzz';

/**
 * The HTTP API under random and mutated requests: every answer is a 200 or a well-formed problem+json 4xx (a
 * 503 only for the time limit or a busy server, also as a problem); never a 500; never a hang past the
 * request time limit; and the server still answers /health afterwards.
 */

const TIME_LIMIT_MS = 5_000;

const request = fc.oneof(
  fc.record({
    kind: fc.constant('grids' as const),
    path: fc.constantFrom('/validate', '/crosswalk'),
    edits: fc.array(gridsMutation, { minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    path: fc.constantFrom('/validate', '/crosswalk', '/workbook', '/health', '/nowhere'),
    body: fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify({ grids: { tables: [v] } })),
      fc.string({ maxLength: 50 }),
      fc.constantFrom('{"grids":{"tables":[', '{"__proto__":{"x":1}}', '', 'null', '[]', '{"grids":null}'),
    ),
    type: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16', ''),
    method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE'),
  }),
  fc.record({
    kind: fc.constant('xlsx' as const),
    mutations: fc.array(bytesMutation, { minLength: 0, maxLength: 2 }),
    as: fc.constantFrom('raw', 'form', 'octet'),
    accept: fc.constantFrom('application/json', XLSX_MEDIA_TYPE, '*/*'),
  }),
);
type Req = typeof request extends fc.Arbitrary<infer T> ? T : never;

describe('Fuzzing the HTTP API', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start({ requestTimeoutMs: TIME_LIMIT_MS, maxConcurrentJobs: 2 });
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  async function send(r: Req): Promise<Response> {
    const signal = AbortSignal.timeout(TIME_LIMIT_MS + 5_000);
    if (r.kind === 'grids') {
      const grids = mutateGrids(await exampleGrids(), r.edits);
      return fetch(`${api}${r.path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grids }),
        signal,
      });
    }
    if (r.kind === 'json') {
      const headers: Record<string, string> = r.type ? { 'Content-Type': r.type } : {};
      const hasBody = r.method !== 'GET';
      return fetch(`${api}${r.path}`, {
        method: r.method,
        headers,
        body: hasBody ? r.body : undefined,
        signal,
      });
    }
    let bytes = exampleBytes();
    for (const m of r.mutations) bytes = await mutateXlsx(bytes, m);
    if (r.as === 'form') {
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'fuzz.xlsx');
      return fetch(`${api}/workbook`, { method: 'POST', headers: { Accept: r.accept }, body: form, signal });
    }
    const type = r.as === 'raw' ? XLSX_MEDIA_TYPE : 'application/octet-stream';
    return fetch(`${api}/workbook`, {
      method: 'POST',
      headers: { 'Content-Type': type, Accept: r.accept },
      body: bytes,
      signal,
    });
  }

  test(
    'Given random, malformed and mutated requests, When sent to every endpoint, Then each answer is a 200 or a well-formed problem, never a 500, and the server keeps serving',
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const res = await send(r);
          expect(res.status).not.toBe(500);
          if (res.status === 200) {
            await res.arrayBuffer();
            return;
          }
          expect([400, 401, 404, 405, 413, 415, 422, 503]).toContain(res.status);
          expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          const problem = Problem.parse(await res.json());
          expect(problem.status).toBe(res.status);
          if (res.status === 503)
            expect(['urn:throughline:problem:busy', 'urn:throughline:problem:timeout']).toContain(
              problem.type,
            );
        }),
        fuzzRun('HTTP API', 25),
      );
      expect((await fetch(`${api}/health`)).status).toBe(200);
    },
    FUZZ_TIMEOUT,
  );
});
