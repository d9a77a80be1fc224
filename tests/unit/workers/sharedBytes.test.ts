import { copyInto, SharedBytes } from '../../../server/workers/sharedBytes';

/**
 * The pool of shared memory JSON bodies and answers live in: buffers come in power-of-two sizes, a buffer given
 * back is lent again (the same memory), and only what the pool lent comes back, once.
 */
describe('Given a pool of shared bytes', () => {
  test('When bytes are taken, Then they are exactly that long, on shared memory of a power-of-two size', () => {
    const pool = new SharedBytes();
    const small = pool.take(10) as Buffer;
    expect(Buffer.isBuffer(small)).toBe(true);
    expect(small.length).toBe(10);
    expect(small.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(small.buffer.byteLength).toBe(64 * 1024);
    const body = pool.take(600_000) as Buffer;
    expect(body.length).toBe(600_000);
    expect(body.buffer.byteLength).toBe(2 ** 20);
    expect(pool.owns(body)).toBe(true);
  });

  test('When bytes are given back, Then the next take of that size lends the same memory', () => {
    const pool = new SharedBytes();
    const first = pool.take(100_000) as Buffer;
    first[0] = 42;
    pool.give(first);
    expect(pool.kept).toBe(128 * 1024);
    expect(pool.owns(first)).toBe(false);
    const again = pool.take(70_000) as Buffer;
    expect(again.buffer).toBe(first.buffer);
    expect(again[0]).toBe(42);
    expect(pool.kept).toBe(0);
    // Another size class gets memory of its own.
    expect((pool.take(10) as Buffer).buffer).not.toBe(first.buffer);
  });

  test('When bytes it did not lend, or lent bytes twice, are given, Then the pool keeps nothing more', () => {
    const pool = new SharedBytes();
    pool.give(Buffer.alloc(100));
    pool.give(new Uint8Array(new SharedArrayBuffer(65_536)));
    expect(pool.kept).toBe(0);
    const lent = pool.take(1_000) as Buffer;
    pool.give(lent);
    pool.give(lent);
    expect(pool.kept).toBe(65_536);
    // Given back twice, it is still lent only once.
    const a = pool.take(1_000) as Buffer;
    const b = pool.take(1_000) as Buffer;
    expect(a.buffer).not.toBe(b.buffer);
  });

  test('When a take is empty or beyond the pooled size, Then there is nothing to lend', () => {
    const pool = new SharedBytes(1 << 20, 4 << 20);
    expect(pool.take(0)).toBeNull();
    expect(pool.take((1 << 20) + 1)).toBeNull();
    expect(pool.take(1 << 20)).not.toBeNull();
  });

  test('When more is given back than it keeps, Then the rest is left to the collector', () => {
    const pool = new SharedBytes(1 << 20, 2 << 20);
    const lent = [1, 2, 3].map(() => pool.take(1 << 20) as Buffer);
    for (const bytes of lent) pool.give(bytes);
    expect(pool.kept).toBe(2 << 20);
    const reused = [1, 2, 3].map(() => (pool.take(1 << 20) as Buffer).buffer);
    expect(reused.filter((m) => m === lent[0]?.buffer || m === lent[1]?.buffer)).toHaveLength(2);
    expect(reused).not.toContain(lent[2]?.buffer);
  });
});

describe('Given bytes copied into shared memory (a body as it arrives, an answer into its room)', () => {
  test('When its chunks land at every alignment, some larger than the scratch room, Then the bytes are exact', () => {
    // Seeded, so a failure replays: sizes and places chosen to cross every alignment and the 64 KiB room.
    let seed = 20261203;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let round = 0; round < 60; round++) {
      const length = 1 + next(300_000);
      const body = Buffer.alloc(length);
      for (let i = 0; i < length; i++) body[i] = next(256);
      const target = Buffer.from(new SharedArrayBuffer(length + 16), next(9), length);
      let at = 0;
      while (at < length) {
        const size = Math.min(length - at, 1 + next(next(2) ? 200_000 : 70));
        // A chunk on its own memory, or a view into another at an odd offset.
        const own = next(2) === 0;
        const chunk = own
          ? Buffer.from(body.subarray(at, at + size))
          : Buffer.concat([Buffer.alloc(next(8)), body.subarray(at, at + size)]).subarray(-size);
        copyInto(target, chunk, at);
        at += size;
      }
      expect(target.equals(body)).toBe(true);
    }
  });
});
