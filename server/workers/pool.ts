import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EngineResult, WorkbookGrids } from '../../models';
import type { EngineOptions } from '../engine';
import type { JsonRoute } from '../http/jsonAnswer';
import type { GridBodyLimits } from '../http/limits';
import type { XlsxRun } from '../pipeline';
import type { ReadLimits } from '../xlsx';
import {
  READY,
  rebuiltError,
  type EngineTask,
  type TaskOutput,
  type WorkerReply,
  type WorkerRequest,
  type XlsxTaskOptions,
} from './protocol';
import { SharedBytes } from './sharedBytes';
import { withFields } from '../objects';

/**
 * A fixed set of engine worker threads, so the server's own thread only parses, routes and answers (`/health`
 * at all times) while workbooks compute elsewhere. Tasks beyond the workers wait in order (the HTTP job slots
 * bound how many can wait). A task whose caller gives up (its request's time limit, or the client gone) is
 * really stopped: its worker is terminated and a fresh one takes its place.
 */

/** The worker's file beside this one: `.ts` when running from the sources (tsx, ts-jest), `.js` from dist/. */
const WORKER_FILE = join(__dirname, `engineWorker${extname(__filename)}`);
// Sources run under tsx in the worker too; compiled code needs nothing.
const WORKER_EXEC_ARGV = extname(__filename) === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [];

/**
 * Each worker's young generation, where a request's objects are born: two 64 MB semi-spaces and room for large
 * objects, four times V8's default (the old generation's limit is left as it is). A 5,000-line request allocates
 * tens of MB of rows, cells and strings that live until its answer is serialised; in the default space they
 * outlive two or three scavenges, copied each time and then promoted to be marked and compacted later. Measured
 * through one worker, 40 warm requests each: mean CPU 166-173 ms a request before, 115-119 ms after (twice as
 * large was no better). The space is committed only as a worker's allocations grow into it.
 */
export const YOUNG_GENERATION_MB = 192;

/**
 * Bytes that can be moved to a worker: the body itself when it spans the whole of an ArrayBuffer, else a copy
 * (a body on the pool's shared memory is neither: the worker reads it in place).
 * Moving a request body, rather than copying it, matters on the server's thread: measured under 1 client posting
 * a 5,000-line agency, the copies (one a request, freed soon after) kept a full mark-compact running every
 * 0.3-0.6 s; with the body moved there were none.
 */
function movable(body: Uint8Array): Uint8Array<ArrayBuffer> {
  // An empty body is never moved: it may be a view of memory moved away already (a body passed twice), and Node
  // drops, without a word, a message whose transfer list holds such memory, so its task would never end. Copying
  // such a view throws at once instead.
  const whole =
    body.buffer instanceof ArrayBuffer &&
    body.byteLength > 0 &&
    body.byteOffset === 0 &&
    body.byteLength === body.buffer.byteLength;
  return whole ? (body as Uint8Array<ArrayBuffer>) : new Uint8Array(body);
}

/**
 * A task whose input is at least this many bytes is computed in the background: its worker lowers its own
 * priority for it (`priority.ts`), so that while a department-size workbook computes, the server's thread (and
 * `/health`) and the other workers' requests are run first whenever both cores are wanted. A 100,000-line
 * department is 11 MB as JSON and 6 MB as .xlsx; a 5,000-line agency, 0.6 MB and 0.3 MB.
 *
 * A thread cannot raise its priority again without privileges, so the worker is retired once it replies and a
 * fresh one takes its place. Measured while a 100,000-line request computed, 4 clients probing `/health`, four
 * interleaved rounds each: p99 33-43 ms before; 26-38 ms with the body reader's pause alone (`rawBody.ts`);
 * 15-23 ms with the computing worker lowered as well (and, later in a slower hour, 44-59 ms before against
 * 22-42 ms with both). Every worker lowered all the time did as well for `/health`, but cost the 8-client agency
 * load about a tenth of its throughput, each request preempted by every thread it shares the cores with;
 * lowered only for large tasks, agency requests keep their priority.
 */
export const BACKGROUND_TASK_BYTES = 4 * 2 ** 20;

/** The bytes a task brings: a JSON body, or an upload and its CSVs (an `engine` task's grids count as none). */
function taskBytes(task: EngineTask): number {
  if (task.kind === 'json') return task.body.byteLength;
  if (task.kind === 'xlsx')
    return (
      (task.input?.byteLength ?? 0) +
      (task.csvs?.fileA?.bytes.byteLength ?? 0) +
      (task.csvs?.fileB?.bytes.byteLength ?? 0)
    );
  return 0;
}

/** Raised in the caller when its task was stopped because it gave up on it (the answer has gone already). */
export class TaskAbortedError extends Error {
  override readonly name = 'TaskAbortedError';
  constructor() {
    super('The engine task was stopped: its request had already been answered or abandoned.');
  }
}

interface Pending {
  task: EngineTask;
  transfer: ArrayBuffer[];
  resolve: (value: TaskOutput) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  /** Called when the task's worker has replied (and so is done with everything the task lent it). */
  onReply?: (reply: WorkerReply) => void;
}

interface Running extends Pending {
  id: number;
  onAbort: () => void;
}

class EngineThread {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  job: Running | undefined;
  started = false;
  /** Terminated for a task given up, and not yet replaced. */
  stopping = false;
  /** Has taken a background task (and lowered its priority for it): retired once that task replies. */
  retiring = false;

  constructor(onExit: (thread: EngineThread, error: Error) => void, onReply: (reply: WorkerReply) => void) {
    this.worker = new Worker(WORKER_FILE, {
      execArgv: WORKER_EXEC_ARGV,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // Idle workers never keep the process alive; a busy one is waited for by its request's socket anyway.
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', (m) =>
        m === READY ? resolve() : reject(new Error(`unexpected ${String(m)}`)),
      );
      this.worker.once('error', reject);
    });
    this.ready.then(
      () => this.worker.on('message', onReply),
      () => undefined,
    );
    let failure: Error | undefined;
    this.worker.on('error', (e) => (failure = e));
    this.worker.on('exit', (code) =>
      onExit(this, failure ?? new Error(`engine worker exited with code ${code}`)),
    );
  }
}

export class EnginePool {
  private readonly threads = new Set<EngineThread>();
  private readonly idle: EngineThread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private replaced = 0;
  private retired = 0;
  /**
   * Shared memory for JSON bodies and answers (`sharedBytes.ts`): the HTTP server reads a body into it, and
   * gives an answer back once its response has closed.
   */
  readonly shared = new SharedBytes();
  /** The last answer's size by route and tables asked for, to lend room enough for the next. */
  private readonly answerSizes = new Map<string, number>();

  /** `backgroundBytes`: the size from which a task is computed in the background (BACKGROUND_TASK_BYTES). */
  constructor(
    readonly size: number,
    readonly backgroundBytes = BACKGROUND_TASK_BYTES,
  ) {
    if (!Number.isSafeInteger(size) || size < 1)
      throw new RangeError('An engine pool needs at least one worker.');
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Resolves when every worker has loaded the engine (the first request does not pay for it). */
  async ready(): Promise<void> {
    await Promise.all([...this.threads].map((t) => t.ready));
  }

  /**
   * How the pool stands: for logs, tests and the bench (a stopped task shows as a replaced worker, a worker
   * done with a background task as a retired one; `ready` counts the workers loaded and not being stopped, so a
   * pool whose stopped or retired workers are back has `ready` equal to its size).
   */
  stats(): {
    workers: number;
    ready: number;
    busy: number;
    waiting: number;
    replaced: number;
    retired: number;
  } {
    let busy = 0;
    let ready = 0;
    for (const t of this.threads) {
      if (t.job) busy++;
      if (t.started && !t.stopping) ready++;
    }
    return {
      workers: this.threads.size,
      ready,
      busy,
      waiting: this.queue.length,
      replaced: this.replaced,
      retired: this.retired,
    };
  }

  async runEngine(grids: WorkbookGrids, options: EngineOptions, signal?: AbortSignal): Promise<EngineResult> {
    const out = await this.submit({ kind: 'engine', grids, options }, [], signal);
    if (!('result' in out)) throw new Error('an engine task answered without a result');
    return out.result;
  }

  /**
   * A JSON endpoint's answer computed whole in a worker (`http/jsonAnswer.ts`): the request's bytes in, the
   * response's bytes out, neither cloned. A body on `shared` memory (as the HTTP server reads one) is read in
   * place and given back when the worker replies; any other body that is the whole of its memory is moved, and
   * empty here afterwards; else it is copied first. The answer is written into room lent from `shared` (as
   * much as the last answer to the same question needed) and must then be given back with `answered`; a
   * larger answer is moved here in bytes of its own.
   */
  async answerJson(
    route: JsonRoute,
    body: Uint8Array,
    tables: string[] | undefined,
    limits: GridBodyLimits,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    const shared = this.shared.owns(body);
    const bytes = shared ? body : movable(body);
    const key = `${route} ${tables?.join(',') ?? '*'}`;
    const room = this.shared.take(this.answerSizes.get(key) ?? 0);
    const task: EngineTask = {
      kind: 'json',
      route,
      body: bytes,
      tables,
      limits,
      ...(room ? { answerTo: room } : {}),
    };
    // Given back only once the worker has replied: a worker stopped mid-task may still be using them.
    const onReply = (reply: WorkerReply) => {
      if (shared) this.shared.give(body);
      if (room && !(reply.ok && 'written' in reply.value)) this.shared.give(room);
    };
    const out = await this.submit(task, shared ? [] : [bytes.buffer as ArrayBuffer], signal, onReply);
    if (this.answerSizes.size >= 64 && !this.answerSizes.has(key)) this.answerSizes.clear();
    if ('written' in out && room) {
      this.answerSizes.set(key, out.written);
      return Buffer.from(room.buffer, room.byteOffset, out.written);
    }
    if (!('json' in out)) throw new Error('a JSON task answered without a body');
    this.answerSizes.set(key, out.json.byteLength);
    return Buffer.from(out.json.buffer, out.json.byteOffset, out.json.byteLength);
  }

  /** Gives back an answer from `answerJson` once nothing will read it again (its response has closed). */
  answered(answer: Uint8Array): void {
    this.shared.give(answer);
  }

  /**
   * The whole xlsx pipeline of `server/pipeline.ts`, in a worker, with any File A/File B CSVs (parsed there).
   * With `data.zipAs` the output is a zip of the workbook and its oversized tables' CSVs (`crosswalkZip`).
   * The input's bytes are copied, not moved.
   */
  async crosswalkXlsx(
    input: Uint8Array | null,
    limits: ReadLimits,
    signal?: AbortSignal,
    data: XlsxTaskOptions = {},
  ): Promise<XlsxRun> {
    const out = await this.submit({ kind: 'xlsx', input, limits, ...data }, [], signal);
    if (!('result' in out)) throw new Error('an xlsx task answered without a result');
    const { result, output } = out;
    const bytes = output ?? new Uint8Array();
    return { result, output: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }

  /** Stops every worker; tasks still waiting or running are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('The engine pool has been closed.'));
    const threads = [...this.threads];
    this.threads.clear();
    this.idle.length = 0;
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private submit(
    task: EngineTask,
    transfer: ArrayBuffer[],
    signal?: AbortSignal,
    onReply?: (reply: WorkerReply) => void,
  ): Promise<TaskOutput> {
    if (this.closed) return Promise.reject(new Error('The engine pool has been closed.'));
    if (signal?.aborted) return Promise.reject(new TaskAbortedError());
    return new Promise((resolve, reject) => {
      const pending: Pending = { task, transfer, resolve, reject, signal, onReply };
      this.queue.push(pending);
      // A task given up while it waits simply leaves the queue.
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.queue.indexOf(pending);
          if (at >= 0) {
            this.queue.splice(at, 1);
            reject(new TaskAbortedError());
          }
        },
        { once: true },
      );
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.idle.length > 0) {
      const thread = this.idle.pop() as EngineThread;
      const pending = this.queue.shift() as Pending;
      const id = this.nextId++;
      const onAbort = () => {
        if (thread.job?.id !== id) return;
        // The only way to stop synchronous engine code: end the thread. Its exit handler replaces it.
        thread.job = undefined;
        thread.stopping = true;
        pending.reject(new TaskAbortedError());
        void thread.worker.terminate();
      };
      thread.job = withFields(pending, { id, onAbort });
      pending.signal?.addEventListener('abort', onAbort, { once: true });
      thread.worker.ref();
      thread.retiring = taskBytes(pending.task) >= this.backgroundBytes;
      thread.worker.postMessage(
        { id, task: pending.task, background: thread.retiring } satisfies WorkerRequest,
        pending.transfer,
      );
    }
  }

  private spawn(): void {
    const thread: EngineThread = new EngineThread(
      (t, error) => this.exited(t, error),
      (reply) => this.replied(thread, reply),
    );
    this.threads.add(thread);
    thread.ready.then(
      () => {
        thread.started = true;
        if (!this.threads.has(thread)) return;
        this.idle.push(thread);
        this.dispatch();
      },
      () => undefined,
    );
  }

  private replied(thread: EngineThread, reply: WorkerReply): void {
    const job = thread.job;
    if (!job || job.id !== reply.id) return;
    thread.job = undefined;
    job.signal?.removeEventListener('abort', job.onAbort);
    thread.worker.unref();
    if (thread.retiring) this.retire(thread);
    else this.idle.push(thread);
    job.onReply?.(reply);
    if (reply.ok) job.resolve(reply.value);
    else job.reject(rebuiltError(reply.error));
    this.dispatch();
  }

  /** A worker done with its background task: ended, and a fresh one at normal priority takes its place. */
  private retire(thread: EngineThread): void {
    this.threads.delete(thread);
    this.retired++;
    void thread.worker.terminate().finally(() => {
      if (!this.closed) this.spawn();
    });
  }

  /** A worker ended (terminated for a late task, or crashed): its task fails, and a fresh worker replaces it. */
  private exited(thread: EngineThread, error: Error): void {
    if (!this.threads.delete(thread)) return;
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
    const job = thread.job;
    thread.job = undefined;
    if (job) {
      job.signal?.removeEventListener('abort', job.onAbort);
      job.reject(error);
    }
    if (this.closed) return;
    if (thread.started) {
      this.replaced++;
      this.spawn();
      return;
    }
    // A worker that cannot even load would fail again: refuse the waiting tasks rather than respawn forever.
    for (const p of this.queue.splice(0)) p.reject(error);
    if (this.threads.size === 0) this.closed = true;
  }
}
