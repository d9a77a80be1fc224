import { z } from 'zod';
import { WorkbookGrids } from './grid';
import { Issue } from './issues';
import { EngineResult, Summary } from './outputs';

/**
 * The HTTP API's wire contract (`/api/v1`): every request body and every JSON response is one of these, and
 * the OpenAPI document is generated from them. The engine's own shapes (grids, issues, the engine result)
 * travel as they are; this file only adds the envelopes around them.
 */

/** The media type of an Excel .xlsx workbook, for uploads and downloads. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `POST /validate` and `POST /crosswalk`: the workbook's tables as grids, as the add-in reads them. */
export const GridsRequest = z.object({ grids: WorkbookGrids }).strict();
export type GridsRequest = z.infer<typeof GridsRequest>;

/** `POST /validate`: every issue and the summary, without the output tables. */
export const ValidateResponse = z
  .object({
    /** True when the workbook has no errors (warnings and notes allowed). */
    ok: z.boolean(),
    issues: z.array(Issue),
    summary: Summary,
  })
  .strict();
export type ValidateResponse = z.infer<typeof ValidateResponse>;

/** `POST /crosswalk`: the engine's whole result, output tables included, ready for a writer to put in Excel. */
export const CrosswalkResponse = EngineResult;
export type CrosswalkResponse = z.infer<typeof CrosswalkResponse>;

/**
 * `POST /workbook` with `Accept: application/json`: the summary and issues to show, and the crosswalk
 * workbook itself (base64) to offer as a download. The output tables are in the workbook, so they are not
 * repeated here.
 */
export const WorkbookJsonResponse = z
  .object({
    ok: z.boolean(),
    summary: Summary,
    issues: z.array(Issue),
    /** The name to save the workbook under, e.g. `budget-crosswalk.xlsx`. */
    filename: z.string().min(1),
    mediaType: z.literal(XLSX_MEDIA_TYPE),
    workbookBase64: z.string(),
  })
  .strict();
export type WorkbookJsonResponse = z.infer<typeof WorkbookJsonResponse>;

/** `GET /health`: the process is up and serving. */
export const HealthResponse = z.object({ status: z.literal('ok') }).strict();
export type HealthResponse = z.infer<typeof HealthResponse>;

/** One thing wrong with a request body: where (a JSON Pointer, RFC 6901) and what, as a sentence. */
export const ProblemError = z.object({ pointer: z.string(), detail: z.string() }).strict();
export type ProblemError = z.infer<typeof ProblemError>;

/**
 * Every error response (`application/problem+json`, RFC 9457). `type` names the kind of problem (stable, for
 * programs), `title` says it in a few words, `detail` says what to do. `instance` and `requestId` identify
 * this occurrence in the server's log. `errors` lists what is wrong with a request body; `issues` carries a
 * workbook-level problem as an issue, so a client can show it the way it shows the workbook's other issues.
 */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(ProblemError).optional(),
    issues: z.array(Issue).optional(),
  })
  .strict();
export type Problem = z.infer<typeof Problem>;
