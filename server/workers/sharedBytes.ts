/**
 * JSON request bodies and answers on shared memory, kept for the next request.
 *
 * A body or answer in an ordinary buffer is "external memory" to V8, and the server's thread allocates and drops
 * one per request: 0.6 MB of body and up to 3 MB of answer for a 5,000-line agency. The server's own heap holds
 * a few MB, so that churn alone made V8 start a full mark-compact of it every few requests. Measured with eight
 * clients asking for all tables and the load generator on a thread of its own: 70 mark-compacts in 8 s on the
 * server's thread, about 14 ms of its time a request. With bodies and answers here: 18-21 mark-compacts, and
 * 6 ms a request. V8 does not count shared memory as external, and nothing here is dropped: a buffer given back
 * is lent again.
 *
 * Buffers come in power-of-two sizes from 64 KiB to `maxPooledBytes`; a request needing more gets an ordinary
 * buffer, as before. Given-back buffers are kept up to `maxKeptBytes` in all; past that they are left to the
 * collector. Where SharedArrayBuffer is missing, nothing is pooled.
 *
 * The one rule: a buffer is given back only when no thread will touch it again. The engine pool gives back a
 * body and an answer's room when a worker has replied (a worker stopped mid-task might still be writing, so
 * those are never given back), and the HTTP route gives back an answer once its response has closed.
 */

const SHARED = typeof SharedArrayBuffer === 'function';
const SMALLEST = 64 * 1024;

export class SharedBytes {
  private readonly free = new Map<number, SharedArrayBuffer[]>();
  /** Buffers lent out by this pool, so only they come back (and each once). */
  private readonly lent = new WeakSet<SharedArrayBuffer>();
  private keptBytes = 0;

  constructor(
    readonly maxPooledBytes = 16 * 2 ** 20,
    readonly maxKeptBytes = 64 * 2 ** 20,
  ) {}

  /** `length` bytes on shared memory (contents undefined), or null: nothing to pool, or too large for it. */
  take(length: number): Buffer | null {
    if (!SHARED || !(length > 0) || length > this.maxPooledBytes) return null;
    const size = sizeFor(length);
    const buffer = this.free.get(size)?.pop();
    if (buffer) this.keptBytes -= size;
    const memory = buffer ?? new SharedArrayBuffer(size);
    this.lent.add(memory);
    return Buffer.from(memory, 0, length);
  }

  /** Gives back bytes from `take` (anything else is ignored), to be lent again. */
  give(bytes: Uint8Array): void {
    if (!this.owns(bytes)) return;
    const memory = bytes.buffer as SharedArrayBuffer;
    this.lent.delete(memory);
    const size = memory.byteLength;
    if (this.keptBytes + size > this.maxKeptBytes) return;
    let list = this.free.get(size);
    if (!list) this.free.set(size, (list = []));
    list.push(memory);
    this.keptBytes += size;
  }

  /** Whether these bytes were lent by this pool and are still out. */
  owns(bytes: Uint8Array): boolean {
    return SHARED && bytes.buffer instanceof SharedArrayBuffer && this.lent.has(bytes.buffer);
  }

  /** Bytes held for reuse (for tests and logs). */
  get kept(): number {
    return this.keptBytes;
  }
}

function sizeFor(length: number): number {
  let size = SMALLEST;
  while (size < length) size *= 2;
  return size;
}

/** Room for one piece of a copy into shared memory, and up to 7 bytes to place it at any alignment. */
const SCRATCH = new Uint8Array(64 * 1024 + 8);
const PIECE = SCRATCH.length - 8;

/**
 * Copies `bytes` into `target` at `at`. Into (or out of) shared memory V8 copies a word at a time only when the
 * source and the target are aligned alike, and otherwise a byte at a time, so a copy into shared memory at an
 * offset that is not the source's alignment goes through a scratch buffer, each piece first placed at the
 * target's alignment (ordinary memory to ordinary memory is copied at full speed whatever the alignment).
 * Measured: a 575 KB body in 64 KB chunks after 213 bytes of headers, 181 µs copied as it came against 42 µs
 * here; a 2.75 MB answer into its room a byte past its alignment, 0.86 ms against 0.23 ms (aligned alike:
 * 0.11 ms). The body reader (`http/rawBody.ts`) and an answer written into its room (`http/jsonAnswer.ts`)
 * copy through here.
 */
export function copyInto(target: Uint8Array, bytes: Uint8Array, at: number): void {
  const shift = (target.byteOffset + at) & 7;
  if (!(target.buffer instanceof SharedArrayBuffer) || shift === (bytes.byteOffset & 7)) {
    target.set(bytes, at);
    return;
  }
  for (let from = 0; from < bytes.length; from += PIECE) {
    const n = Math.min(bytes.length - from, PIECE);
    SCRATCH.set(bytes.subarray(from, from + n), shift);
    target.set(SCRATCH.subarray(shift, shift + n), at + from);
  }
}
