import type { CrosswalkResponse, ValidateResponse } from '../../models';
import { runEngine } from '../engine';
import { parseJson } from './body';
import { gridsFromBody } from './gridCheck';

/** The JSON endpoints whose whole answer is computed in an engine worker. */
export type JsonRoute = 'validate' | 'crosswalk';

/**
 * A JSON endpoint's whole answer, from the request's bytes to the response's: parse (prototype keys refused),
 * check against the models (a 400 problem listing the first bad cells), run the engine, serialise. Runs in an
 * engine worker, so neither parsing a large body nor serialising a large answer ever holds the server's thread;
 * the bytes travel between threads by transfer, not by a structured clone of every cell.
 */
export function answerJson(
  route: JsonRoute,
  body: Uint8Array,
  tables: readonly string[] | undefined,
): Buffer {
  const grids = gridsFromBody(parseJson(body));
  if (route === 'validate') {
    // Issues and the summary only: no output table is shaped.
    const result = runEngine(grids, { tables: [] });
    const answer: ValidateResponse = { ok: result.ok, issues: result.issues, summary: result.summary };
    return Buffer.from(JSON.stringify(answer));
  }
  const answer: CrosswalkResponse = runEngine(grids, tables ? { tables } : {});
  return Buffer.from(JSON.stringify(answer));
}
