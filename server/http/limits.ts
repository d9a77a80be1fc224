import type { RequestHandler, Response } from 'express';
import type { WorkbookGrids } from '../../models';
import { HttpProblem, problems, sendProblem } from './problems';

/** The limits that keep one request from taking the server down: size of grids, time, concurrent jobs. */

/** Refuses grids over the cell or row budget before the engine runs; every cell counts, blank or not. */
export function checkGridSize(grids: WorkbookGrids, limits: { maxCells: number; maxRows: number }): void {
  let cells = 0;
  let rows = 0;
  for (const table of grids.tables) {
    cells += table.header.length;
    rows += table.rows.length;
    for (const row of table.rows) cells += row.length;
  }
  if (rows > limits.maxRows) throw new HttpProblem(problems.tooManyRows(rows, limits.maxRows));
  if (cells > limits.maxCells) throw new HttpProblem(problems.tooManyCells(cells, limits.maxCells));
}

/** The request id pino-http gave this request. */
export const requestIdOf = (res: Response): string => String(res.req.id);

/**
 * Answers 503 once a request has run for `ms` and closes its connection, so a slow client or a slow job
 * cannot hold a socket open. A route that finishes later finds the response already sent and sends nothing.
 * (The engine itself is synchronous: a run in progress finishes before the timer can fire.)
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
 * A cap on workbook jobs in progress at once: each holds a whole workbook in memory, several times its file
 * size. Over the cap the client is told to come back (503, Retry-After) rather than queued without bound.
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
}
