import { parentPort } from 'node:worker_threads';
import { runEngine } from '../engine';
import { crosswalkXlsx } from '../pipeline';
import { READY, sendableError, type TaskOutput, type WorkerReply, type WorkerRequest } from './protocol';

/**
 * An engine worker thread: takes one task at a time from the pool, runs the engine (or the whole xlsx
 * pipeline) and posts the result back. The pool terminates it when a task runs past its request's time limit.
 */

async function perform(task: WorkerRequest['task']): Promise<{ value: TaskOutput; transfer: ArrayBuffer[] }> {
  if (task.kind === 'engine') return { value: { result: runEngine(task.grids, task.options) }, transfer: [] };
  const input = task.input && Buffer.from(task.input.buffer, task.input.byteOffset, task.input.byteLength);
  const { result, output } = await crosswalkXlsx(input, {
    limits: task.limits,
    csvs: task.csvs,
    csvLimits: task.csvLimits,
  });
  // A fresh copy when the Buffer shares Node's pool, so transferring it moves only the workbook's bytes.
  const bytes =
    output.byteOffset === 0 && output.byteLength === output.buffer.byteLength
      ? new Uint8Array(output.buffer, 0, output.byteLength)
      : new Uint8Array(output);
  return { value: { result, output: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    perform(request.task).then(
      ({ value, transfer }) =>
        port.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply, transfer),
      (e: unknown) =>
        port.postMessage({ id: request.id, ok: false, error: sendableError(e) } satisfies WorkerReply),
    );
  });
  port.postMessage(READY);
}
