import type { RequestHandler, Response } from 'express';
import { tablesOf } from './gridCheck';
import { countGridBody } from './gridCount';
import { HttpProblem, problems, sendProblem } from './problems';

/** The limits that keep one request from taking the server down: size of grids, time, concurrent jobs. */

/**
 * Tables in one request. A workbook has a dozen input tables; the cap keeps the models' check of the tables
 * themselves (a few issues each at most) small whatever the body holds.
 */
export const MAX_TABLES = 1_000;

/**
 * Refuses a JSON grids body over the table, row or cell budget from its bytes, before it is parsed or checked
 * (`gridCount.ts`); every cell counts, blank or not.
 */
export interface GridBodyLimits {
  maxCells: number;
  maxRows: number;
}

export function checkGridBodySize(bytes: Uint8Array, limits: GridBodyLimits): void {
  if (!mayHoldTooMany(bytes.length, limits)) return;
  const { tables, rows, cells } = countGridBody(bytes);
  if (tables > MAX_TABLES) throw new HttpProblem(problems.tooManyTables(tables, MAX_TABLES));
  if (rows > limits.maxRows) throw new HttpProblem(problems.tooManyRows(rows, limits.maxRows));
  if (cells > limits.maxCells) throw new HttpProblem(problems.tooManyCells(cells, limits.maxCells));
}

/**
 * Whether a body of this many bytes could hold more rows or cells than the limits allow. In JSON, n cells take
 * at least 2n - 1 bytes (a character each, a comma between) and n rows at least 3n - 1 (`[]` each, a comma
 * between), so a smaller body cannot, and is not counted: it goes straight to being read (`gridJson.ts`),
 * whose cost its size bounds (a 5,000-line agency's 575 KB body, under the default limits' 4 MB, saves a pass
 * of about 1.6 ms of CPU). Its tables are counted once parsed (`checkTableCount`).
 */
function mayHoldTooMany(bytes: number, limits: GridBodyLimits): boolean {
  return (bytes + 1) / 2 > limits.maxCells || (bytes + 1) / 3 > limits.maxRows;
}

/**
 * Refuses a parsed body with more tables than `MAX_TABLES`, as `checkGridBodySize` would have from its bytes:
 * checking each table makes a few issues at most, and this keeps their number small.
 */
export function checkTableCount(body: unknown): void {
  const tables = tablesOf(body).length;
  if (tables > MAX_TABLES) throw new HttpProblem(problems.tooManyTables(tables, MAX_TABLES));
}

/** The request id pino-http gave this request. */
export const requestIdOf = (res: Response): string => String(res.req.id);

/**
 * Answers 503 once a request has run for `ms` and closes its connection, so a slow client or a slow job
 * cannot hold a socket open. A route that finishes later finds the response already sent and sends nothing.
 * (The engine runs in a worker thread, see server/workers/: the route terminates it when this deadline fires.)
 */
export function requestDeadline(ms: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.once('finish', () => {
        // The client may still be sending its body; give it a moment to read the answer, then hang up.
        if (!req.complete) setTimeout(() => req.socket.destroy(), 1000).unref();
      });
      sendProblem(res, requestIdOf(res), problems.timeout(ms));
    }, ms);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

/**
 * A cap on workbook jobs in progress at once, uploads and JSON grids alike: each holds a whole workbook in
 * memory, several times its size. Over the cap the client is told to come back (503, Retry-After) rather
 * than queued without bound.
 */
const RETRY_AFTER_SECONDS = 5;

export class JobSlots {
  private busy = 0;
  constructor(private readonly max: number) {}

  /**
   * Runs the job in a slot, or throws 503 when none is free. The slot is held until the job ends, even when
   * the client has gone or the deadline has answered for it, because the memory is held until then.
   */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.busy >= this.max) throw new HttpProblem(problems.busy(RETRY_AFTER_SECONDS));
    this.busy++;
    try {
      return await job();
    } finally {
      this.busy--;
    }
  }

  /**
   * Middleware holding a slot from the moment a request's headers arrive until its response is sent or its
   * connection drops. A JSON job's cost is mostly in its body (buffered, parsed, checked: all synchronous once
   * it has arrived), so its slot covers the body from the start; over the cap, the body is never read.
   */
  hold(): RequestHandler {
    return (_req, res, next) => {
      if (this.busy >= this.max) return next(new HttpProblem(problems.busy(RETRY_AFTER_SECONDS, true)));
      this.busy++;
      let held = true;
      const release = () => {
        if (held) this.busy--;
        held = false;
      };
      res.once('finish', release);
      res.once('close', release);
      next();
    };
  }
}
