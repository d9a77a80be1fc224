import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ServerConfig } from './config';
import { logFormatFrom, prettyDestination, type LogFormat } from './logFormat';

/**
 * Structured logs on stdout: JSON lines, or readable lines on a terminal (`logFormat.ts`). A request's line
 * says who asked for what and how it went: request id, method, path, status, duration, client address. It
 * never holds a body, a query string or a header, so no budget figure, file name or API key reaches the log.
 * The task pane's own files are logged at `debug`: at `info` the log is the API's traffic and problems.
 */

export function createLogger(
  level: ServerConfig['logLevel'],
  format: LogFormat = logFormatFrom(process.env, process.stdout.isTTY === true),
  out: { write(text: string): unknown } = process.stdout,
): Logger {
  const options = { level, base: { service: 'throughline' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (format === 'pretty') return pino(options, prettyDestination(out));
  return out === process.stdout ? pino(options) : pino(options, out);
}

/** The API's own paths; anything else is the task pane's files (or the page saying what this is). */
const isApi = (path: string): boolean => path === '/api' || path.startsWith('/api/');

// A caller's own id is kept (so a batch job can find its requests) when it is short and plain.
const CALLER_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** `/api/v1/workbook?filename=x` → `/api/v1/workbook`. */
function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
}

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestId,
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req),
        remoteAddress: req.socket?.remoteAddress,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    customAttributeKeys: { responseTime: 'durationMs' },
    customLogLevel: (req, res, err) =>
      res.statusCode >= 500 || err
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : isApi(pathOf(req))
            ? 'info'
            : 'debug',
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  });
}
