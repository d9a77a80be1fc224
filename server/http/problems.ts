import type { Response } from 'express';
import type { Issue, Problem, ProblemError } from '../../models';
import type { CsvRefusal } from '../csv';
import { withFields } from '../objects';

/**
 * Every error the API returns, as RFC 9457 problem details. The `type` is a stable name a program can
 * switch on (`urn:throughline:problem:too-many-cells`); `title` and `detail` are for people. All of the
 * API's own error texts live in this file.
 */

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A problem before it is tied to a request (the request id and instance are added when it is sent). */
export interface ProblemInit {
  slug: string;
  status: number;
  title: string;
  detail: string;
  errors?: ProblemError[];
  issues?: Issue[];
  /** Extra response headers, e.g. `WWW-Authenticate` or `Retry-After`. */
  headers?: Record<string, string>;
  /** The connection cannot be reused (its request body was not read to the end). */
  closeConnection?: boolean;
}

/** Thrown by routes and middleware; the error handler sends it as it is. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(readonly problem: ProblemInit) {
    super(problem.detail);
  }
}

export const problemType = (slug: string): string => `urn:throughline:problem:${slug}`;

const count = (n: number): string => n.toLocaleString('en-US');
const megabytes = (bytes: number): string => `${count(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;

export const problems = {
  notFound: (path: string): ProblemInit => ({
    slug: 'not-found',
    status: 404,
    title: 'Not found',
    detail: `There is nothing at ${path.slice(0, 200)}. The API is under /api/v1; see /api/v1/openapi.json.`,
  }),
  methodNotAllowed: (method: string, allowed: string[]): ProblemInit => ({
    slug: 'method-not-allowed',
    status: 405,
    title: 'Method not allowed',
    detail: `${method} is not accepted here; use ${allowed.join(' or ')}.`,
    headers: { Allow: allowed.join(', ') },
  }),
  unauthorized: (given: boolean): ProblemInit => ({
    slug: 'unauthorized',
    status: 401,
    title: 'API key required',
    detail: given
      ? 'The API key given is not one this server accepts.'
      : 'This server requires an API key: send it as "Authorization: Bearer <key>" or "X-API-Key: <key>".',
    headers: { 'WWW-Authenticate': 'Bearer realm="throughline"' },
    // The body was never read; closing saves draining whatever an unauthenticated client is still sending.
    closeConnection: true,
  }),
  unsupportedMediaType: (got: string | undefined, expected: string[]): ProblemInit => ({
    slug: 'unsupported-media-type',
    status: 415,
    title: 'Unsupported media type',
    detail: `${got ? `The body is sent as ${got}` : 'The body has no Content-Type'}; send ${expected.join(' or ')}.`,
    closeConnection: true,
  }),
  bodyTooLarge: (limit: number): ProblemInit => ({
    slug: 'body-too-large',
    status: 413,
    title: 'Request too large',
    detail: `The request body is larger than the ${megabytes(limit)} this server accepts.`,
    closeConnection: true,
  }),
  malformedJson: (empty: boolean): ProblemInit => ({
    slug: 'malformed-json',
    status: 400,
    title: 'Malformed JSON',
    detail: empty
      ? 'The request body is empty; send a JSON object such as {"grids": {"tables": [...]}}.'
      : 'The request body is not valid JSON.',
  }),
  forbiddenKey: (): ProblemInit => ({
    slug: 'forbidden-key',
    status: 400,
    title: 'Forbidden key in JSON',
    detail:
      'The request body has a "__proto__" or "constructor.prototype" key, which this API refuses because it can be used to tamper with the server.',
  }),
  invalidBody: (errors: ProblemError[], total: number): ProblemInit => ({
    slug: 'invalid-body',
    status: 400,
    title: 'Invalid request body',
    detail:
      total === 1
        ? (errors[0]?.detail ?? 'The request body is not valid.')
        : `The request body has ${count(total)} problems${total > errors.length ? ` (the first ${errors.length} are listed; ${count(total - errors.length)} more are not)` : ''}: ${errors[0]?.detail ?? ''}`,
    errors,
  }),
  badRequest: (detail: string): ProblemInit => ({
    slug: 'bad-request',
    status: 400,
    title: 'Bad request',
    detail,
    closeConnection: true,
  }),
  missingFile: (): ProblemInit => ({
    slug: 'missing-file',
    status: 400,
    title: 'No workbook',
    detail: 'No workbook was sent: send the .xlsx as the request body, or as a form field named "file".',
  }),
  tooManyCells: (cells: number, max: number): ProblemInit => ({
    slug: 'too-many-cells',
    status: 413,
    title: 'Too many cells',
    detail: `The grids hold ${count(cells)} cells, more than the ${count(max)} this server takes in one request. Send fewer or smaller tables.`,
  }),
  tooManyTables: (tables: number, max: number): ProblemInit => ({
    slug: 'too-many-tables',
    status: 413,
    title: 'Too many tables',
    detail: `The grids hold ${count(tables)} tables, more than the ${count(max)} this server takes in one request. Send only the workbook's input tables.`,
  }),
  tooManyRows: (rows: number, max: number): ProblemInit => ({
    slug: 'too-many-rows',
    status: 413,
    title: 'Too many rows',
    detail: `The grids hold ${count(rows)} rows, more than the ${count(max)} this server takes in one request. Send fewer or smaller tables.`,
  }),
  workbookTooLarge: (message: string): ProblemInit => ({
    slug: 'workbook-too-large',
    status: 413,
    title: 'Workbook too large',
    detail: message,
    issues: [workbookIssue('WORKBOOK_TOO_LARGE', message)],
  }),
  unreadableWorkbook: (status: 400 | 415 | 422, message: string): ProblemInit => ({
    slug: 'unreadable-workbook',
    status,
    title: status === 415 ? 'Not an Excel workbook' : 'Workbook cannot be read',
    detail: message,
    issues: [workbookIssue('WORKBOOK_UNREADABLE', message)],
  }),
  outputNameConflict: (message: string, sheet: string): ProblemInit => ({
    slug: 'output-name-conflict',
    status: 422,
    title: 'Output table name taken',
    detail: message,
    issues: [withFields(workbookIssue('OUTPUT_NAME_CONFLICT', message), { sheet })],
  }),
  /** A File A / File B CSV refused: its message names the file, and the line when there is one. */
  csvRefused: (reason: CsvRefusal, message: string): ProblemInit => {
    const [slug, status, title, code] =
      reason === 'too-large'
        ? (['csv-too-large', 413, 'CSV too large', 'CSV_TOO_LARGE'] as const)
        : reason === 'conflict'
          ? (['data-act-conflict', 409, 'File A or File B given twice', 'DATA_ACT_CONFLICT'] as const)
          : (['unreadable-csv', 422, 'CSV cannot be read', 'CSV_UNREADABLE'] as const);
    return { slug, status, title, detail: message, issues: [workbookIssue(code, message)] };
  },
  busy: (retryAfterSeconds: number, bodyUnread = false): ProblemInit => ({
    slug: 'busy',
    status: 503,
    title: 'Server busy',
    detail: `The server is already working on as many workbooks as it is allowed to; try again in ${retryAfterSeconds} seconds.`,
    headers: { 'Retry-After': String(retryAfterSeconds) },
    ...(bodyUnread ? { closeConnection: true } : {}),
  }),
  timeout: (ms: number): ProblemInit => ({
    slug: 'timeout',
    status: 503,
    title: 'Request took too long',
    detail: `The request was not finished within ${count(ms / 1000)} seconds, this server's time limit, and was stopped. Try again with a smaller workbook, or ask the administrator to raise the limit.`,
    closeConnection: true,
  }),
  internal: (): ProblemInit => ({
    slug: 'internal-error',
    status: 500,
    title: 'Internal error',
    detail:
      'Something went wrong on the server. Nothing was kept from your request. Give the request id to the administrator; the server log says what happened.',
  }),
};

function workbookIssue(code: string, message: string): Issue {
  return { severity: 'error', code, message, sheet: '', cell: '' };
}

/** Sends a problem for this request, unless a response has already started (then it has nothing to add). */
export function sendProblem(res: Response, requestId: string, init: ProblemInit): void {
  if (res.headersSent) return;
  const body: Problem = {
    type: problemType(init.slug),
    title: init.title,
    status: init.status,
    detail: init.detail,
    instance: `urn:uuid:${requestId}`,
    requestId,
    ...(init.errors ? { errors: init.errors } : {}),
    ...(init.issues ? { issues: init.issues } : {}),
  };
  for (const [name, value] of Object.entries(init.headers ?? {})) res.setHeader(name, value);
  if (init.closeConnection) res.setHeader('Connection', 'close');
  res.status(init.status).type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(body));
}
