import { generateWorkbook } from '../../../bench/generate';
import { writeGridsXlsx } from '../../../bench/xlsxWriter';
import { EnginePool } from '../../../server/workers/pool';
import { minimal } from '../../corpus/case';
import { exampleBytes, postJson, postWorkbook, problemOf, start, type TestServer } from './harness';

/**
 * The engine runs in worker threads: the server's own thread answers while a workbook computes, and a task past
 * its request's time limit is stopped (its worker terminated and replaced), not left computing for nobody.
 * The server runs in this process, so spying on the pool's methods shows when a task has reached it.
 */

/** A workbook heavy enough that computing it takes far longer than one `/health` round trip. */
let heavy: Promise<Buffer> | undefined;
const heavyWorkbook = () => (heavy ??= writeGridsXlsx(generateWorkbook(20_000, { seed: 20261301 }).grids));

/** Resolves with the pool once a workbook task has been handed to it. */
function taskReachesPool(): Promise<EnginePool> {
  return new Promise((resolve) => {
    const original = EnginePool.prototype.crosswalkXlsx;
    jest.spyOn(EnginePool.prototype, 'crosswalkXlsx').mockImplementation(function (
      this: EnginePool,
      ...args
    ) {
      resolve(this);
      return original.apply(this, args);
    });
  });
}

// Generating and computing a 20,000-line workbook takes a while on a busy machine (not a timing assertion).
jest.setTimeout(120_000);
afterEach(() => jest.restoreAllMocks());

describe('Given a server with its engine in worker threads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ engineWorkers: 1, requestTimeoutMs: 120_000 });
  });
  afterAll(() => server.close());

  test('When a large workbook is computing, Then /health is answered before the workbook is', async () => {
    const bytes = await heavyWorkbook();
    const order: string[] = [];
    const reached = taskReachesPool();
    const upload = postWorkbook(`${server.url}/api/v1/workbook`, bytes).then(async (res) => {
      order.push('workbook');
      await res.arrayBuffer();
      return res.status;
    });
    const pool = await reached;
    expect(pool.stats().busy).toBe(1);
    const health = await fetch(`${server.url}/api/v1/health`);
    order.push('health');
    expect(health.status).toBe(200);
    expect(await upload).toBe(200);
    expect(order).toEqual(['health', 'workbook']);
  });

  test('When the engine answers, Then it is the same as before: errors of the workbook come back as their problems', async () => {
    const damaged = exampleBytes().subarray(0, 20_000);
    const res = await postWorkbook(`${server.url}/api/v1/workbook`, damaged);
    expect(res.status).toBe(422);
    expect((await problemOf(res)).detail).toMatch(/damaged or incomplete/);
  });
});

describe('Given a server with one worker, one job slot and a short time limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ engineWorkers: 1, maxConcurrentJobs: 1, requestTimeoutMs: 500 });
  });
  afterAll(() => server.close());

  test('When a workbook runs past the limit, Then 503, its worker is terminated and replaced, and the next request succeeds', async () => {
    const bytes = await heavyWorkbook();
    const reached = taskReachesPool();
    const res = await postWorkbook(`${server.url}/api/v1/workbook`, bytes);
    expect(res.status).toBe(503);
    expect((await problemOf(res)).type).toBe('urn:throughline:problem:timeout');
    const pool = await reached;
    // The stopped task's worker ends asynchronously; wait for its replacement to have loaded.
    while (pool.stats().replaced === 0) await new Promise((r) => setTimeout(r, 20));
    await pool.ready();
    expect(pool.stats()).toMatchObject({ workers: 1, ready: 1, busy: 0, waiting: 0, replaced: 1 });

    // With one slot, a task still running would make this 503 busy; with one worker, a live one would queue it.
    const next = await postJson(`${server.url}/api/v1/validate`, { grids: minimal() });
    expect(next.status).toBe(200);
    expect(((await next.json()) as { summary: unknown }).summary).toBeDefined();
  });
});
