import type { EngineResult, WorkbookGrids } from '../../models';
import { CsvInputError, type CsvLimits, type CsvRefusal, type DataActCsvs } from '../csv';
import type { EngineOptions } from '../engine';
import type { JsonRoute } from '../http/jsonAnswer';
import type { GridBodyLimits } from '../http/limits';
import { HttpProblem, type ProblemInit } from '../http/problems';
import {
  OutputNameConflictError,
  UnreadableWorkbookError,
  WorkbookTooLargeError,
  type ConflictKind,
  type PackageRefusal,
  type ReadLimits,
  type SizeLimit,
  type UnreadableReason,
} from '../xlsx';

/**
 * What crosses the thread boundary between the HTTP server and an engine worker: plain data only (structured
 * clones), so errors travel as their name, message and fields and are rebuilt as the same classes on the
 * main thread, where the HTTP error handler turns them into the same problems as before.
 */

export type EngineTask =
  | { kind: 'engine'; grids: WorkbookGrids; options: EngineOptions }
  | ({ kind: 'xlsx'; input: Uint8Array | null; limits: ReadLimits } & XlsxTaskOptions)
  | {
      kind: 'json';
      route: JsonRoute;
      body: Uint8Array;
      tables?: string[];
      limits: GridBodyLimits;
      /** Shared memory the answer is written into when it fits (`written`), else it comes in bytes of its own. */
      answerTo?: Uint8Array;
    };

/**
 * What an xlsx task may add: File A/File B CSVs, the most CrosswalkDetail rows its sheet may take, and
 * `zipAs`, the workbook's file name when the answer is a zip of it and the CSV of each table past its sheet.
 */
export interface XlsxTaskOptions {
  csvs?: DataActCsvs;
  csvLimits?: CsvLimits;
  maxDetailRows?: number;
  zipAs?: string;
}

/**
 * An engine result (and for `xlsx` the workbook's bytes), or for `json` the response body's bytes, or how many
 * of them were written at the start of the task's `answerTo`.
 */
export type TaskOutput =
  { result: EngineResult; output?: Uint8Array } | { json: Uint8Array } | { written: number };

/**
 * `background`: the task is a large one (`pool.ts`, BACKGROUND_TASK_BYTES), to be computed at the engine's lower
 * priority; the worker that took it is retired once it replies.
 */
export type WorkerRequest = { id: number; task: EngineTask; background: boolean };

export type WorkerReply =
  { id: number; ok: true; value: TaskOutput } | { id: number; ok: false; error: SentError };

/** Posted once by a worker when its modules are loaded and it can take tasks. */
export const READY = 'ready';

export type SentError =
  | { name: 'HttpProblem'; message: string; problem: ProblemInit }
  | { name: 'UnreadableWorkbookError'; message: string; reason: UnreadableReason; refusal?: PackageRefusal }
  | { name: 'WorkbookTooLargeError'; message: string; limit: SizeLimit }
  | {
      name: 'OutputNameConflictError';
      message: string;
      tableName: string;
      sheet: string;
      kind: ConflictKind;
      output: string;
    }
  | { name: 'CsvInputError'; message: string; reason: CsvRefusal; file: string; line?: number }
  | { name: 'Error'; message: string; stack?: string; original: string };

export function sendableError(e: unknown): SentError {
  if (e instanceof HttpProblem) return { name: e.name, message: e.message, problem: e.problem };
  if (e instanceof UnreadableWorkbookError)
    return { name: e.name, message: e.message, reason: e.reason, refusal: e.refusal };
  if (e instanceof WorkbookTooLargeError) return { name: e.name, message: e.message, limit: e.limit };
  if (e instanceof OutputNameConflictError)
    return {
      name: e.name,
      message: e.message,
      tableName: e.tableName,
      sheet: e.sheet,
      kind: e.kind,
      output: e.output,
    };
  if (e instanceof CsvInputError)
    return { name: e.name, message: e.message, reason: e.reason, file: e.file, line: e.line };
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: 'Error', message: err.message, stack: err.stack, original: err.name };
}

export function rebuiltError(sent: SentError): Error {
  switch (sent.name) {
    case 'HttpProblem':
      return new HttpProblem(sent.problem);
    case 'UnreadableWorkbookError':
      return sent.refusal
        ? UnreadableWorkbookError.refused(sent.refusal)
        : new UnreadableWorkbookError(sent.reason);
    case 'WorkbookTooLargeError':
      return new WorkbookTooLargeError(sent.limit, sent.message);
    case 'OutputNameConflictError':
      return new OutputNameConflictError(sent.tableName, sent.sheet, sent.kind, sent.output);
    case 'CsvInputError':
      return new CsvInputError(sent.reason, sent.file, sent.message, sent.line);
    default: {
      // Anything else is a fault: it stays a 500, with the worker's stack kept for the server's log.
      const err = new Error(`${sent.original} in an engine worker: ${sent.message}`);
      if (sent.stack) err.stack = `${err.message}\n--- in the worker ---\n${sent.stack}`;
      return err;
    }
  }
}
