import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import { copyInto } from '../workers/sharedBytes';

/**
 * A request body as bytes, up to `limit`: Express's raw reader, except for the body nearly every client sends
 * (its length declared, not compressed), which is copied chunk by chunk, as it arrives, into one buffer of that
 * length. Express's reader holds every chunk until the last has come and only then copies them into a new
 * buffer, so on the server's own thread twice the body's memory is held at once (26 MB for a 100,000-line
 * body); here each chunk can be freed once copied. Either way the body is copied once. The buffer comes from
 * `allocate` when it gives one (the engine pool's shared memory, `workers/sharedBytes.ts`, which an engine
 * worker reads in place), else it is the whole of its own memory, so it can be moved to a worker rather than
 * copied again.
 *
 * Everything else (a chunked or compressed body, no body) goes to Express's reader, and every error is the one
 * that reader gives (same `type` and `status`), so the problem a client gets is the same either way.
 */
export function rawBytes(limit: number, allocate: BodyMemory = () => null): RequestHandler {
  const general = express.raw({ type: () => true, limit });
  return (req, res, next) => {
    const declared = declaredLength(req);
    if (declared === null) return general(req, res, next);
    if (declared > limit)
      return next(bodyError(413, 'request entity too large', 'entity.too.large', declared, limit));
    readDeclared(req, declared, allocate, (err, bytes) => {
      if (err) return next(err);
      req.body = bytes;
      next();
    });
  };
}

/** Where a body of a declared length goes: a buffer of exactly that length, or null for one of its own. */
export type BodyMemory = (length: number) => Buffer | null;

/** The body's declared length when it is read as sent (no Content-Encoding, or `identity`); else null. */
function declaredLength(req: IncomingMessage): number | null {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') return null;
  const header = req.headers['content-length'];
  if (header === undefined || !/^\d{1,15}$/.test(header)) return null;
  return Number(header);
}

/**
 * Reads exactly `length` bytes into a buffer of their own. Node's HTTP parser ends the body at the declared
 * length, so only a client that hangs up early can leave it short.
 */
function readDeclared(
  req: IncomingMessage,
  length: number,
  allocate: BodyMemory,
  done: (err: Error | null, bytes?: Buffer) => void,
): void {
  const bytes = allocate(length) ?? Buffer.allocUnsafeSlow(length);
  let received = 0;
  let sinceYield = 0;
  let finished = false;
  const finish = (err: Error | null) => {
    if (finished) return;
    finished = true;
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('aborted', onAborted);
    req.off('close', onClose);
    req.off('error', onError);
    if (err) {
      // As Express's reader does: let the rest of the body drain so the connection can answer.
      req.resume();
      return done(err);
    }
    done(null, bytes);
  };
  const onData = (chunk: Buffer) => {
    if (received + chunk.length > length) {
      finish(bodyError(400, 'request size did not match content length', 'request.size.invalid', length));
      return;
    }
    copyInto(bytes, chunk, received);
    received += chunk.length;
    sinceYield += chunk.length;
    if (length > YIELD_ABOVE_BYTES && sinceYield >= YIELD_EVERY_BYTES && received < length) {
      sinceYield = 0;
      req.pause();
      setImmediate(() => {
        if (!finished) req.resume();
      });
    }
  };
  const onEnd = () =>
    finish(
      received === length
        ? null
        : bodyError(400, 'request size did not match content length', 'request.size.invalid', length),
    );
  const onAborted = () => finish(bodyError(400, 'request aborted', 'request.aborted', length));
  const onClose = () => {
    if (!req.complete) onAborted();
  };
  const onError = (e: Error) => finish(Object.assign(e, { status: 400, type: 'request.aborted' }));
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onAborted);
  req.on('close', onClose);
  req.on('error', onError);
}

/**
 * A body over YIELD_ABOVE_BYTES is read YIELD_EVERY_BYTES at a turn of the event loop, so the server's thread
 * turns to its other sockets in between. Unpaused, Node reads a socket up to 32 times in a row while bytes are
 * waiting, so a large upload arriving fast held the thread for 2 MB at a time: measured while a 100,000-line
 * body (11 MB) came in, the thread was busy 24-32 ms at a stretch (copying into memory never touched before
 * costs a page fault every 4 KB), and `/health` probes waited behind it. The request is paused and resumed on
 * the next turn. A body of an agency's size (a 5,000-line agency is 0.6 MB) is read exactly as before, in as
 * few turns as its bytes arrive in: splitting it would only add turns to its own latency.
 */
export const YIELD_ABOVE_BYTES = 2 ** 20;
export const YIELD_EVERY_BYTES = 256 * 1024;

/** An error shaped as Express's body reader shapes its own (the error handler reads `type`, `status`, `limit`). */
function bodyError(status: number, message: string, type: string, length: number, limit?: number): Error {
  return Object.assign(new Error(message), {
    status,
    statusCode: status,
    expose: true,
    type,
    expected: length,
    length,
    ...(limit === undefined ? {} : { limit }),
  });
}
