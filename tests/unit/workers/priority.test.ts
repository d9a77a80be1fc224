import { readdirSync, readFileSync } from 'node:fs';
import { generateWorkbook } from '../../../bench/generate';
import { ENGINE_THREAD_NICE, lowerThisThreadsPriority } from '../../../server/workers/priority';
import { EnginePool } from '../../../server/workers/pool';
import { minimal } from '../../corpus/case';

/**
 * A large task is computed in the background (`workers/pool.ts`, `workers/priority.ts`): its worker lowers its
 * own priority, so the server's thread (`/health`) and the other workers' requests are run first, and the
 * worker is retired after it, since a thread cannot take its priority back. On Linux, where a nice value is a
 * thread's own, each thread's is read from /proc.
 */

jest.setTimeout(120_000);

/** The nice value of each of this process's threads, by thread id (field 19 of /proc/<pid>/task/<tid>/stat). */
function niceByThread(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended while we looked
    }
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nice.set(Number(tid), Number(fields[16]));
  }
  return nice;
}

const lowered = () => [...niceByThread().values()].filter((n) => n === ENGINE_THREAD_NICE).length;

const limits = { maxCells: 10_000_000, maxRows: 1_000_000 };
const small = Buffer.from(JSON.stringify({ grids: minimal() }));

if (process.platform !== 'linux') {
  // Elsewhere the call would lower the whole process: it must not be made at all.
  test('Given a system other than Linux, When a worker asks for a lower priority, Then nothing is changed', () => {
    expect(lowerThisThreadsPriority()).toBe(false);
  });
}

(process.platform === 'linux' ? describe : describe.skip)(
  'Given an engine pool of one worker, on Linux',
  () => {
    // 1 MiB here, so a 20,000-line agency (about 2 MB of JSON) is a large task and the minimal case is not.
    const pool = new EnginePool(1, 2 ** 20);
    afterAll(() => pool.close());
    const large = Buffer.from(JSON.stringify({ grids: generateWorkbook(20_000, { seed: 20261204 }).grids }));

    test('When a small task is answered, Then its worker kept normal priority and stays', async () => {
      await pool.ready();
      const before = lowered();
      const answer = JSON.parse(
        (await pool.answerJson('validate', small, undefined, limits)).toString('utf8'),
      );
      expect(answer.ok).toBe(true);
      expect(lowered()).toBe(before);
      expect(pool.stats()).toMatchObject({ workers: 1, ready: 1, retired: 0 });
    });

    test('When a large task computes, Then its worker runs at the engine nice value, and is replaced by one at normal priority after', async () => {
      expect(large.byteLength).toBeGreaterThan(pool.backgroundBytes);
      const before = lowered();
      let done = false;
      const answered = pool.answerJson('crosswalk', large, ['Summary'], limits).finally(() => (done = true));
      // Watched while it computes (hundreds of milliseconds: the worker lowers itself before it starts).
      let mostLowered = before;
      while (!done) {
        mostLowered = Math.max(mostLowered, lowered());
        await new Promise((r) => setImmediate(r));
      }
      const answer = JSON.parse((await answered).toString('utf8')) as { tables: { name: string }[] };
      expect(answer.tables.map((t) => t.name)).toContain('Summary');
      expect(mostLowered).toBe(before + 1);

      expect(pool.stats().retired).toBe(1);
      while (pool.stats().ready < 1) await new Promise((r) => setTimeout(r, 20));
      expect(pool.stats()).toMatchObject({ workers: 1, ready: 1, busy: 0, retired: 1, replaced: 0 });
      expect(lowered()).toBe(before);
      const next = JSON.parse((await pool.answerJson('validate', small, undefined, limits)).toString('utf8'));
      expect(next.ok).toBe(true);
      expect(lowered()).toBe(before);
    });
  },
);
