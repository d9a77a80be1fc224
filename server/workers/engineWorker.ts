import { parentPort } from 'node:worker_threads';
import { runEngine } from '../engine';
import { answerJson } from '../http/jsonAnswer';
import { crosswalkXlsx, crosswalkZip } from '../pipeline';
import { lowerThisThreadsPriority } from './priority';
import { YoungCollector } from './youngCollect';
import { READY, sendableError, type TaskOutput, type WorkerReply, type WorkerRequest } from './protocol';

/**
 * An engine worker thread: takes one task at a time from the pool, runs the engine (or the whole xlsx
 * pipeline) and posts the result back. The pool terminates it when a task runs past its request's time limit.
 * A large task (`background`) is computed at a lower priority than the server's thread (`priority.ts`); a
 * thread cannot take its priority back, so the pool retires the worker after it. Between tasks it collects its
 * young generation when the next task may not fit in it (`youngCollect.ts`), so that collection finds almost
 * nothing alive rather than a request's every object.
 */

async function perform(task: WorkerRequest['task']): Promise<{ value: TaskOutput; transfer: ArrayBuffer[] }> {
  if (task.kind === 'engine') return { value: { result: runEngine(task.grids, task.options) }, transfer: [] };
  if (task.kind === 'json') {
    const { answerTo } = task;
    const answer = answerJson(task.route, task.body, task.tables, task.limits, answerTo);
    if (answerTo && answer.buffer === answerTo.buffer)
      return { value: { written: answer.byteLength }, transfer: [] };
    const json = ownBytes(answer);
    return { value: { json }, transfer: [json.buffer as ArrayBuffer] };
  }
  const input = task.input && Buffer.from(task.input.buffer, task.input.byteOffset, task.input.byteLength);
  const { limits, csvs, csvLimits, maxDetailRows, zipAs } = task;
  const { result, output } =
    zipAs === undefined
      ? await crosswalkXlsx(input, { limits, csvs, csvLimits, oversize: { maxDetailRows } })
      : await crosswalkZip(input, zipAs, { limits, csvs, csvLimits, maxDetailRows });
  const bytes = ownBytes(output);
  return { value: { result, output: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

/** The bytes in a buffer of their own (a fresh copy when they share Node's pool), so a transfer moves only them. */
function ownBytes(b: Buffer): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength
    ? new Uint8Array(b.buffer, 0, b.byteLength)
    : new Uint8Array(b);
}

const port = parentPort;
if (port) {
  const young = YoungCollector.ofThisThread();
  port.on('message', (request: WorkerRequest) => {
    if (request.background) lowerThisThreadsPriority();
    young.taskStarting();
    void perform(request.task)
      .then(
        ({ value, transfer }) =>
          port.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply, transfer),
        (e: unknown) =>
          port.postMessage({ id: request.id, ok: false, error: sendableError(e) } satisfies WorkerReply),
      )
      // Once the answer has gone: the young generation collected now, if the next task may not fit in it.
      .finally(() => young.taskDone());
  });
  port.postMessage(READY);
}
