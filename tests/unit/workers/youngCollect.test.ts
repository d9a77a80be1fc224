import { spawnSync } from 'node:child_process';
import { ROOM_FACTOR, YoungCollector, type YoungSpace } from '../../../server/workers/youngCollect';

const MB = 1 << 20;

/** A young generation of `size` bytes that tasks fill and a collection empties, and a count of collections. */
function fakeHeap(size: number) {
  const heap = { used: 0, collections: 0 };
  const space = (): YoungSpace => ({ used: heap.used, available: size - heap.used });
  const collect = () => {
    heap.used = 0;
    heap.collections++;
  };
  return { heap, space, collect };
}

describe('Given an engine worker collecting its young generation between tasks', () => {
  test('When tasks of 6 MB run in 16 MB, Then it collects after a task only once the next would not fit', () => {
    const { heap, space, collect } = fakeHeap(16 * MB);
    const young = new YoungCollector(collect, space);
    const collectedAfter: boolean[] = [];
    for (let task = 0; task < 6; task++) {
      young.taskStarting();
      heap.used += 6 * MB;
      collectedAfter.push(young.taskDone());
    }
    // 6 MB used leaves 10 MB, room for 6 MB half again (9 MB); 12 MB used leaves 4: collected.
    expect(ROOM_FACTOR).toBe(1.5);
    expect(collectedAfter).toEqual([false, true, false, true, false, true]);
    expect(heap.collections).toBe(3);
  });

  test('When a large task is followed by small ones, Then the room kept for the next task fades rather than drops', () => {
    const { heap, space, collect } = fakeHeap(64 * MB);
    const young = new YoungCollector(collect, space);
    young.taskStarting();
    heap.used += 30 * MB;
    // 34 MB left, less than 45 MB: a task like it would not fit.
    expect(young.taskDone()).toBe(true);
    young.taskStarting();
    heap.used += 1 * MB;
    // 63 MB left against 27 MB kept for the next (30 MB faded once, half again is 40.5): no collection.
    expect(young.taskDone()).toBe(false);
    heap.used += 30 * MB;
    young.taskStarting();
    heap.used += 1 * MB;
    // 32 MB left against 36.45 MB: the large task is still remembered.
    expect(young.taskDone()).toBe(true);
  });

  test('When V8 gives no gc function (no --expose-gc), Then it never collects and never fails', () => {
    const { heap, space } = fakeHeap(16 * MB);
    const young = new YoungCollector(null, space);
    for (let task = 0; task < 4; task++) {
      young.taskStarting();
      heap.used += 8 * MB;
      expect(young.taskDone()).toBe(false);
    }
  });

  test("When it runs on V8's own heap with --expose-gc, Then it reads the young generation and each collection it makes frees room", () => {
    // In a child process: the tests' own process has no `gc`, and the heap's figures are V8's, not a fake's.
    const probe = `
      const { YoungCollector, youngSpace } = require(${JSON.stringify(require.resolve('../../../server/workers/youngCollect'))});
      const young = YoungCollector.ofThisThread();
      const before = youngSpace();
      let kept = [];
      const collected = [];
      for (let task = 0; task < 40; task++) {
        young.taskStarting();
        kept = Array.from({ length: 20000 }, (_, i) => ({ i, text: 'line ' + i }));
        const usedBefore = youngSpace().used;
        if (young.taskDone()) collected.push(youngSpace().used < usedBefore);
      }
      const after = youngSpace();
      process.stdout.write(JSON.stringify({ before, after, collected, kept: kept.length }));
    `;
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--require', require.resolve('tsx/cjs'), '-e', probe],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as {
      before: YoungSpace;
      after: YoungSpace;
      collected: boolean[];
      kept: number;
    };
    expect(out.before.used).toBeGreaterThan(0);
    expect(out.before.available).toBeGreaterThan(0);
    expect(out.kept).toBe(20000);
    // Forty tasks of about 1.5 MB each do not fit in V8's first young generation without collections between them.
    expect(out.collected.length).toBeGreaterThan(0);
    // Each collection it made left less in use than before it.
    expect(out.collected.every(Boolean)).toBe(true);
  });
});
