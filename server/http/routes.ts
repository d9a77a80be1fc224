import { Router, type Response } from 'express';
import {
  GridsRequest,
  OUTPUT_SHEETS,
  XLSX_MEDIA_TYPE,
  type CrosswalkResponse,
  type HealthResponse,
  type ValidateResponse,
  type WorkbookGrids,
  type WorkbookJsonResponse,
} from '../../models';
import { runEngine } from '../engine';
import { crosswalkXlsx } from '../pipeline';
import { jsonBody, uploadBody, type JsonLocals, type UploadLocals } from './body';
import { packageVersion, type ServerConfig } from './config';
import { checkGridSize, JobSlots } from './limits';
import { openApiDocument } from './openapi';
import { HttpProblem, problems } from './problems';
import { requireApiKey } from './security';
import { describeZodError } from './zodSentences';

/**
 * `/api/v1`. Each route parses its input with the zod models, runs the one engine (or the one xlsx pipeline
 * the CLI uses), and answers with a model-shaped body. Nothing is kept between requests: every value a
 * route touches lives in that request's own scope.
 */
export function apiRoutes(config: ServerConfig): Router {
  const router = Router();
  const auth = requireApiKey(config.apiKeys);
  const jobs = new JobSlots(config.maxConcurrentJobs);
  const openapi = JSON.stringify(openApiDocument(packageVersion()));

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(openapi);
  });

  router.post('/validate', auth, ...jsonBody(config.maxJsonBytes), (_req, res) => {
    if (res.headersSent) return;
    // Issues and the summary only: no output table is shaped.
    const result = runEngine(gridsFrom(res, config), { tables: [] });
    const body: ValidateResponse = { ok: result.ok, issues: result.issues, summary: result.summary };
    sendJson(res, body);
  });

  router.post('/crosswalk', auth, ...jsonBody(config.maxJsonBytes), (req, res) => {
    if (res.headersSent) return;
    const tables = tablesWanted(req.query.tables);
    const body: CrosswalkResponse = runEngine(gridsFrom(res, config), tables ? { tables } : {});
    sendJson(res, body);
  });

  router.post('/workbook', auth, ...uploadBody(config.maxUploadBytes), async (req, res) => {
    if (res.headersSent) return;
    const { bytes, name } = (res.locals as UploadLocals).upload;
    const { result, output } = await jobs.run(() =>
      crosswalkXlsx(bytes, {
        limits: { maxCells: config.maxCells, maxUncompressedBytes: config.maxUnpackedBytes },
      }),
    );
    if (res.headersSent) return;
    const filename = `${name}-crosswalk.xlsx`;
    res.setHeader('X-Throughline-Errors', String(result.summary.issues.error));
    res.setHeader('X-Throughline-Warnings', String(result.summary.issues.warning));
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
    // The name is already reduced to letters, digits, spaces and `._-`, so it needs no escaping in quotes.
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
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

/** The parsed body as grids, or a 400 that says what is wrong where; then the size limits (413). */
/**
 * `?tables=ResourcesByGoal,CostPerOutcome`: only those output tables (and Issues) in the answer. A dashboard
 * needs a few hundred rows, not the tens of thousands of CrosswalkDetail, and the engine skips shaping the rest.
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
  const known = new Map(OUTPUT_SHEETS.map((n) => [n.toLowerCase(), n]));
  const unknown = names.filter((n) => !known.has(n.toLowerCase()));
  if (unknown.length > 0) {
    throw new HttpProblem(
      problems.badRequest(
        `Unknown output table ${unknown.map((n) => `"${n}"`).join(', ')}. Choose from ${OUTPUT_SHEETS.join(', ')}.`,
      ),
    );
  }
  return names.map((n) => known.get(n.toLowerCase()) as string);
}

function gridsFrom(res: Response, config: ServerConfig): WorkbookGrids {
  const body = (res.locals as JsonLocals).json;
  const parsed = GridsRequest.safeParse(body);
  if (!parsed.success) {
    const { errors, total } = describeZodError(parsed.error, body);
    throw new HttpProblem(problems.invalidBody(errors, total));
  }
  checkGridSize(parsed.data.grids, config);
  return parsed.data.grids;
}

/** A late answer (after the deadline has already answered) is dropped. */
function sendJson(res: Response, body: unknown): void {
  if (!res.headersSent) res.json(body);
}
