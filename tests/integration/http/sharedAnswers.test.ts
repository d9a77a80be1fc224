import { generateWorkbook } from '../../../bench/generate';
import { answerJson } from '../../../server/http/jsonAnswer';
import { SUMMARY_TABLES } from '../../../server/http/routes';
import { postJson, start, type TestServer } from './harness';

/**
 * JSON bodies and answers travel between the server's thread and the engine workers on shared memory that is
 * lent again request after request (`server/workers/sharedBytes.ts`). Reused memory must never mix one
 * request's bytes with another's: different workbooks, posted many at a time, each get exactly the answer
 * the engine gives for them alone.
 */
jest.setTimeout(120_000);

const LIMITS = { maxCells: 100_000_000, maxRows: 2_000_000 };

describe('Given a server whose workers read bodies and write answers in shared memory', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ engineWorkers: 2, maxConcurrentJobs: 8 });
  });
  afterAll(() => server.close());

  test('When different workbooks are posted many at a time, Then each answer is the one computed for it alone', async () => {
    const bodies = [300, 1_200, 2_500].map((lines, i) =>
      Buffer.from(JSON.stringify({ grids: generateWorkbook(lines, { seed: 20261203 + i }).grids })),
    );
    const queries = ['', '?tables=summary'];
    // Each answer computed alone, in this thread: `?tables=summary` asks for SUMMARY_TABLES.
    const expected = new Map<string, Buffer>();
    for (const [b, body] of bodies.entries())
      for (const q of queries)
        expected.set(`${b}${q}`, answerJson('crosswalk', body, q ? [...SUMMARY_TABLES] : undefined, LIMITS));

    // Three rounds of every workbook and question, in a shuffled order, six at a time.
    const jobs: string[] = [];
    for (let round = 0; round < 3; round++)
      for (const b of [2, 0, 1])
        for (const q of round % 2 ? queries : [...queries].reverse()) jobs.push(`${b}${q}`);
    const answers: [string, Buffer][] = [];
    for (let i = 0; i < jobs.length; i += 6) {
      const batch = jobs.slice(i, i + 6);
      const got = await Promise.all(
        batch.map(async (job) => {
          const b = Number(job[0]);
          const q = job.slice(1);
          const res = await postJson(`${server.url}/api/v1/crosswalk${q}`, (bodies[b] as Buffer).toString());
          expect(res.status).toBe(200);
          return [job, Buffer.from(await res.arrayBuffer())] as [string, Buffer];
        }),
      );
      answers.push(...got);
    }
    expect(answers).toHaveLength(18);
    for (const [job, answer] of answers) {
      const want = expected.get(job) as Buffer;
      expect(answer.length).toBe(want.length);
      expect(answer.equals(want)).toBe(true);
    }
    // The memory came back to be lent again: bodies and answers alike.
    expect(server.engine.shared.kept).toBeGreaterThan(0);
  });

  test('When a body is refused by the engine, Then its memory is lent again and the next answer is whole', async () => {
    const bad = await postJson(
      `${server.url}/api/v1/crosswalk`,
      '{"grids":{"tables":{"Budget":[[1,2],[3]]}} ',
    );
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    await bad.arrayBuffer();
    const body = Buffer.from(JSON.stringify({ grids: generateWorkbook(800, { seed: 7 }).grids }));
    const res = await postJson(`${server.url}/api/v1/crosswalk`, body.toString());
    expect(res.status).toBe(200);
    expect(
      Buffer.from(await res.arrayBuffer()).equals(answerJson('crosswalk', body, undefined, LIMITS)),
    ).toBe(true);
  });
});
