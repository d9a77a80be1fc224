import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import { CsvInputError } from '../csv';
import { OutputNameConflictError, UnreadableWorkbookError, WorkbookTooLargeError } from '../xlsx';
import type { UnreadableReason } from '../xlsx';
import type { ServerConfig } from './config';
import { requestIdOf } from './limits';
import { HttpProblem, problems, sendProblem, type ProblemInit } from './problems';

/**
 * The last stop for every error: known ones become the problem they describe; anything else is a 500 that
 * carries only the request id, while the error itself (with its stack) goes to the server's log.
 */
export function errorHandler(config: ServerConfig): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = knownProblem(err, config);
    if (res.headersSent) {
      // The answer has started (or the deadline already answered); there is nothing to add but the log line.
      if (!known) req.log.error({ err }, 'error after the response started');
      return;
    }
    if (known) {
      sendProblem(res, requestIdOf(res), known);
      return;
    }
    res.err = err instanceof Error ? err : new Error(String(err));
    sendProblem(res, requestIdOf(res), problems.internal());
  };
}

/** An .xlsx that is not one at all is 415; one that is but cannot be opened, 422; nothing sent, 400. */
const UNREADABLE_STATUS: Record<UnreadableReason, 400 | 415 | 422> = {
  empty: 400,
  text: 415,
  'not-zip': 415,
  'legacy-xls': 415,
  xlsb: 415,
  'not-xlsx': 415,
  encrypted: 422,
  damaged: 422,
};

function knownProblem(err: unknown, config: ServerConfig): ProblemInit | undefined {
  if (err instanceof HttpProblem) return err.problem;
  if (err instanceof WorkbookTooLargeError) return problems.workbookTooLarge(err.message);
  if (err instanceof UnreadableWorkbookError)
    return problems.unreadableWorkbook(UNREADABLE_STATUS[err.reason], err.message);
  if (err instanceof OutputNameConflictError) return problems.outputNameConflict(err.message, err.sheet);
  if (err instanceof CsvInputError) return problems.csvRefused(err.reason, err.message);
  if (err instanceof multer.MulterError) return multerProblem(err, config);
  return bodyParserProblem(err);
}

function multerProblem(err: multer.MulterError, config: ServerConfig): ProblemInit {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return problems.bodyTooLarge(config.maxUploadBytes);
    case 'LIMIT_UNEXPECTED_FILE':
    case 'LIMIT_FILE_COUNT':
      return problems.badRequest(
        'Send one workbook, in a form field named "file", and at most one File A and one File B CSV, in fields named "fileA" and "fileB".',
      );
    default:
      return problems.badRequest(
        'The form has too many fields, or fields that are too large; send only the files.',
      );
  }
}

/** Errors from Express's body readers carry a `type` and a 4xx `status`. */
function bodyParserProblem(err: unknown): ProblemInit | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err) || typeof err.type !== 'string')
    return undefined;
  const status = 'status' in err && typeof err.status === 'number' ? err.status : 500;
  const limit = 'limit' in err && typeof err.limit === 'number' ? err.limit : 0;
  switch (err.type) {
    case 'entity.too.large':
      return problems.bodyTooLarge(limit);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problems.unsupportedMediaType('an encoding or charset this server does not read', [
        'uncompressed UTF-8',
      ]);
    case 'request.aborted':
      return problems.badRequest('The request body ended before all of it arrived.');
    default:
      return status >= 400 && status < 500
        ? problems.badRequest('The request body could not be read.')
        : undefined;
  }
}
