import { Router, type Request, type Response } from 'express';
import {
  OUTPUT_SHEETS,
  SHEET_BODY_ROWS,
  WORKBOOK_DETAIL_ROWS,
  type OutputSheet,
  XLSX_MEDIA_TYPE,
  type HealthResponse,
  type WorkbookJsonResponse,
} from '../../models';
import { TaskAbortedError, type EnginePool } from '../workers/pool';
import { jsonBody, uploadBody, type JsonLocals, type UploadLocals } from './body';
import { packageVersion, type ServerConfig } from './config';
import { attachmentHeader } from './download';
import type { JsonRoute } from './jsonAnswer';
import { JobSlots } from './limits';
import { openApiDocument } from './openapi';
import { HttpProblem, problems } from './problems';
import { requireApiKey } from './security';

/**
 * `/api/v1`. Each route parses its input with the zod models, runs the one engine (or the one xlsx pipeline
 * the CLI uses), and answers with a model-shaped body. Nothing is kept between requests: every value a
 * route touches lives in that request's own scope.
 */
export function apiRoutes(config: ServerConfig, engine: EnginePool): Router {
  const router = Router();
  const auth = requireApiKey(config.apiKeys);
  const jobs = new JobSlots(config.maxConcurrentJobs);
  const openapi = JSON.stringify(openApiDocument(packageVersion()));
  // JSON grids: a slot from the headers on; the worker counts the body's cells before it parses them.
  // Bodies are read into the engine pool's shared memory, which its workers read in place.
  const grids = [auth, jobs.hold(), ...jsonBody(config.maxJsonBytes, (length) => engine.shared.take(length))];
  const gridLimits = { maxCells: config.maxCells, maxRows: config.maxRows };

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(openapi);
  });

  // The JSON endpoints: the body's bytes go to a worker, which parses, checks, computes and serialises.
  const answer = (route: JsonRoute) => async (req: Request, res: Response) => {
    if (res.headersSent) return;
    const tables = route === 'crosswalk' ? tablesWanted(req.query.tables) : undefined;
    const bytes = (res.locals as JsonLocals).jsonBytes;
    const body = await whileOpen(res, (signal) =>
      engine.answerJson(route, bytes, tables, gridLimits, signal),
    );
    if (!body) return;
    if (res.headersSent || res.destroyed) {
      engine.answered(body);
      return;
    }
    // The answer's memory is lent again once the response has closed: sent in full, or its client gone.
    res.once('close', () => engine.answered(body));
    res.type('application/json; charset=utf-8').send(body);
  };
  router.post('/validate', ...grids, answer('validate'));
  router.post('/crosswalk', ...grids, answer('crosswalk'));

  router.post('/workbook', auth, ...uploadBody(config.maxUploadBytes), async (req, res) => {
    if (res.headersSent) return;
    const { bytes, name, csvs } = (res.locals as UploadLocals).upload;
    const zip = csvWanted(req.query.csv);
    const maxDetailRows = maxDetailRowsOf(req.query.maxDetailRows, zip);
    // A CSV is held to the upload's limits: its size, and the cells a workbook may hold.
    const csvLimits = { maxBytes: config.maxUploadBytes, maxCells: config.maxCells };
    const filename = `${name}-crosswalk.xlsx`;
    const run = await whileOpen(res, (signal) =>
      jobs.run(() =>
        engine.crosswalkXlsx(
          bytes,
          { maxCells: config.maxCells, maxUncompressedBytes: config.maxUnpackedBytes },
          signal,
          { maxDetailRows, ...(csvs ? { csvs, csvLimits } : {}), ...(zip ? { zipAs: filename } : {}) },
        ),
      ),
    );
    if (!run || res.headersSent) return;
    const { result, output } = run;
    res.setHeader('X-Throughline-Errors', String(result.summary.issues.error));
    res.setHeader('X-Throughline-Warnings', String(result.summary.issues.warning));
    if (zip) {
      // The workbook and its tables' CSVs are one download, whatever the Accept header asks.
      res.setHeader('Content-Disposition', attachmentHeader(`${name}-crosswalk.zip`));
      res.type(ZIP_MEDIA_TYPE).send(output);
      return;
    }
    res.vary('Accept');
    if (req.accepts([XLSX_MEDIA_TYPE, 'application/json']) === 'application/json') {
      const body: WorkbookJsonResponse = {
        ok: result.ok,
        summary: result.summary,
        issues: result.issues,
        filename,
        mediaType: XLSX_MEDIA_TYPE,
        workbookBase64: output.toString('base64'),
      };
      sendJson(res, body);
      return;
    }
    res.setHeader('Content-Disposition', attachmentHeader(filename));
    res.type(XLSX_MEDIA_TYPE).send(output);
  });

  const only = (path: string, allowed: string[]) =>
    router.all(path, (req, _res, next) =>
      next(new HttpProblem(problems.methodNotAllowed(req.method, allowed))),
    );
  only('/health', ['GET']);
  only('/openapi.json', ['GET']);
  for (const path of ['/validate', '/crosswalk', '/workbook']) only(path, ['POST']);
  return router;
}

/**
 * The small tables a dashboard shows: everything but the per-line CrosswalkDetail and CrosswalkMatrix, which
 * grow with the Budget (tens of thousands of rows for an agency). `?tables=summary` asks for these.
 */
export const SUMMARY_TABLES: readonly OutputSheet[] = OUTPUT_SHEETS.filter(
  (name) => name !== 'CrosswalkDetail' && name !== 'CrosswalkMatrix',
);

/**
 * `?tables=ResourcesByGoal,CostPerOutcome`: only those output tables (and Issues) in the answer; `?tables=summary`
 * for SUMMARY_TABLES. A dashboard needs a few hundred rows, not the tens of thousands of CrosswalkDetail, and the
 * engine skips shaping the rest.
 */
function tablesWanted(query: unknown): string[] | undefined {
  if (query === undefined) return undefined;
  if (typeof query !== 'string')
    throw new HttpProblem(
      problems.badRequest('Give tables once, as a comma-separated list of output table names.'),
    );
  const names = query
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 1 && names[0]?.toLowerCase() === 'summary') return [...SUMMARY_TABLES];
  const known = new Map(OUTPUT_SHEETS.map((n) => [n.toLowerCase(), n]));
  const unknown = names.filter((n) => !known.has(n.toLowerCase()));
  if (unknown.length > 0) {
    throw new HttpProblem(
      problems.badRequest(
        `Unknown output table ${unknown.map((n) => `"${n}"`).join(', ')}. Choose from ${OUTPUT_SHEETS.join(', ')}, or give "summary" for all but CrosswalkDetail and CrosswalkMatrix.`,
      ),
    );
  }
  return names.map((n) => known.get(n.toLowerCase()) as string);
}

const ZIP_MEDIA_TYPE = 'application/zip';

/**
 * `?csv=true`: answer a zip of the workbook and, for each table too long for its sheet, its CSV (the sheet's
 * note names it), as the CLI writes them beside the workbook. Absent or `false`: the workbook alone.
 */
function csvWanted(query: unknown): boolean {
  if (query === undefined || query === 'false') return false;
  if (query === 'true') return true;
  throw new HttpProblem(problems.badRequest('Give csv once, as true or false.'));
}

/**
 * `?maxDetailRows=N`: the most CrosswalkDetail rows its sheet may take (1 to a sheet's rows below its header);
 * past it the sheet holds a note and, with `csv=true`, the zip holds the table as CSV. By default, with a CSV
 * asked for, the sheet keeps up to WORKBOOK_DETAIL_ROWS as the command line does; without, all a sheet holds.
 */
function maxDetailRowsOf(query: unknown, csv: boolean): number {
  if (query === undefined) return csv ? WORKBOOK_DETAIL_ROWS : SHEET_BODY_ROWS;
  const n = typeof query === 'string' && /^[0-9]{1,7}$/.test(query) ? Number(query) : NaN;
  if (!(n >= 1 && n <= SHEET_BODY_ROWS))
    throw new HttpProblem(
      problems.badRequest(
        `Give maxDetailRows once, as a whole number from 1 to ${SHEET_BODY_ROWS.toLocaleString('en-US')} (a sheet's rows below its header).`,
      ),
    );
  return n;
}

/**
 * Runs an engine task that is stopped if the response closes while it runs: once the deadline has answered (or
 * the client has gone), the task still running for it is stopped, its worker replaced, rather than left computing
 * for nobody. Undefined when it was stopped so. A task that has ended is not signalled when its response closes
 * (every response does): an abort makes a DOMException and runs its listeners, work the server's thread would do
 * for every request, for nothing.
 */
async function whileOpen<T>(
  res: Response,
  task: (signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  const controller = new AbortController();
  let running = true;
  const stop = () => {
    if (running) controller.abort();
  };
  res.once('close', stop);
  try {
    return await task(controller.signal);
  } catch (e) {
    if (e instanceof TaskAbortedError) return undefined;
    throw e;
  } finally {
    running = false;
    res.off('close', stop);
  }
}

/** A late answer (after the deadline has already answered) is dropped. */
function sendJson(res: Response, body: unknown): void {
  if (!res.headersSent) res.json(body);
}
