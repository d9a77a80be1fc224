import { createServer, IncomingMessage, request, type Server } from 'node:http';
import { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler } from 'express';
import { rawBytes, YIELD_ABOVE_BYTES, YIELD_EVERY_BYTES } from '../../../server/http/rawBody';

/**
 * The request body reader on a real HTTP server: a declared-length body read into one buffer of its own, and
 * everything else (chunked, compressed) left to Express's reader, with the errors that reader gives.
 */

const LIMIT = 1000;

interface Seen {
  bytes?: Buffer;
  ownMemory?: boolean;
  error?: { type: unknown; status: unknown; limit: unknown };
}

let server: Server;
let port: number;
let seen: Seen[] = [];
let nextSeen: (() => void) | undefined;

const record = (s: Seen) => {
  seen.push(s);
  nextSeen?.();
};

beforeAll(async () => {
  const app = express();
  app.post('/', rawBytes(LIMIT), (req, res) => {
    const bytes = req.body as Buffer;
    record({ bytes, ownMemory: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength });
    res.json({ length: bytes.length });
  });
  const onError: ErrorRequestHandler = (err: Record<string, unknown>, _req, res, _next) => {
    record({ error: { type: err.type, status: err.status, limit: err.limit } });
    if (!res.headersSent) res.status(Number(err.status)).json({ type: err.type });
  };
  app.use(onError);
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

/** Sends a request and resolves with its status and body text. */
function send(
  headers: Record<string, string | number>,
  parts: Buffer[],
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    for (const p of parts) req.write(p);
    req.end();
  });
}

const body = Buffer.from(Array.from({ length: 700 }, (_, i) => (i * 7) % 256));

test('a body of declared length arrives whole, in a buffer of its own (so it can be moved to a worker)', async () => {
  const r = await send({ 'content-length': body.length }, [body.subarray(0, 300), body.subarray(300)]);
  expect(r.status).toBe(200);
  expect(seen).toHaveLength(1);
  expect(seen[0]?.bytes?.equals(body)).toBe(true);
  expect(seen[0]?.ownMemory).toBe(true);
});

test('an empty declared body is an empty buffer', async () => {
  const r = await send({ 'content-length': 0 }, []);
  expect(r.status).toBe(200);
  expect(seen[0]?.bytes?.length).toBe(0);
});

test('a declared length over the limit is refused before reading, as Express refuses it', async () => {
  const big = Buffer.alloc(LIMIT + 1, 1);
  const r = await send({ 'content-length': big.length }, [big]);
  expect(r.status).toBe(413);
  expect(seen[0]?.error).toEqual({ type: 'entity.too.large', status: 413, limit: LIMIT });
});

test('a chunked body (no declared length) is read by Express, limit and all', async () => {
  const ok = await send({ 'transfer-encoding': 'chunked' }, [body.subarray(0, 10), body.subarray(10)]);
  expect(ok.status).toBe(200);
  expect(seen[0]?.bytes?.equals(body)).toBe(true);
  const tooBig = await send({ 'transfer-encoding': 'chunked' }, [Buffer.alloc(LIMIT + 1, 2)]);
  expect(tooBig.status).toBe(413);
  expect(seen[1]?.error?.type).toBe('entity.too.large');
});

test('a gzip body is inflated by Express, as before', async () => {
  const zipped = gzipSync(body);
  const r = await send({ 'content-length': zipped.length, 'content-encoding': 'gzip' }, [zipped]);
  expect(r.status).toBe(200);
  expect(seen[0]?.bytes?.equals(body)).toBe(true);
});

test('a client that hangs up mid-body gives a request.aborted error, and the server goes on answering', async () => {
  const gotError = new Promise<void>((resolve) => (nextSeen = resolve));
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/',
    headers: { 'content-length': body.length },
  });
  req.on('error', () => undefined);
  req.write(body.subarray(0, 100), () => setImmediate(() => req.destroy()));
  await gotError;
  nextSeen = undefined;
  expect(seen[0]?.error).toEqual({ type: 'request.aborted', status: 400, limit: undefined });
  const after = await send({ 'content-length': body.length }, [body]);
  expect(after.status).toBe(200);
  expect(seen[1]?.bytes?.equals(body)).toBe(true);
});

describe('Given a body whose bytes are all waiting at once', () => {
  /**
   * A request whose every chunk is already buffered: unpaused, a readable stream hands them all over in one turn
   * of the event loop, so anything else the server's thread had to do (another socket, `/health`) waited for
   * the whole body. Reads it and counts the bytes read between turns (a setImmediate chain ticks once a turn).
   */
  async function readCountingTurns(
    length: number,
  ): Promise<{ got: Buffer; whole: Buffer; mostInOneTurn: number; turns: number }> {
    const chunk = 64 * 1024;
    const whole = Buffer.from(Array.from({ length }, (_, i) => (i * 31 + 7) % 256));
    const req = new IncomingMessage(new Socket());
    req.headers = { 'content-length': String(length) };
    for (let at = 0; at < length; at += chunk) req.push(whole.subarray(at, at + chunk));
    req.push(null);

    let readThisTurn = 0;
    let mostInOneTurn = 0;
    let turns = 0;
    let reading = true;
    const tick = () => {
      mostInOneTurn = Math.max(mostInOneTurn, readThisTurn);
      readThisTurn = 0;
      turns++;
      if (reading) setImmediate(tick);
    };
    req.on('data', (c: Buffer) => (readThisTurn += c.length));
    setImmediate(tick);

    type Handler = Parameters<ReturnType<typeof rawBytes>>;
    const asRequest = req as Handler[0];
    const got = await new Promise<Buffer>((resolve, reject) => {
      rawBytes(length)(asRequest, {} as Handler[1], (err?: unknown) =>
        err ? reject(err as Error) : resolve(asRequest.body as Buffer),
      );
    });
    reading = false;
    mostInOneTurn = Math.max(mostInOneTurn, readThisTurn);
    return { got, whole, mostInOneTurn, turns };
  }

  test('When it is larger than YIELD_ABOVE_BYTES, Then the reader gives the event loop a turn at least every YIELD_EVERY_BYTES, and the bytes are exact', async () => {
    const length = YIELD_ABOVE_BYTES + 24 * 64 * 1024 + 123;
    const { got, whole, mostInOneTurn, turns } = await readCountingTurns(length);
    expect(got.equals(whole)).toBe(true);
    expect(mostInOneTurn).toBeGreaterThan(0);
    expect(mostInOneTurn).toBeLessThanOrEqual(YIELD_EVERY_BYTES + 64 * 1024);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(length / (YIELD_EVERY_BYTES + 64 * 1024)));
  });

  test("When it is an agency's size, Then it is read in one turn, as it arrived", async () => {
    const length = 9 * 64 * 1024 + 5;
    expect(length).toBeLessThanOrEqual(YIELD_ABOVE_BYTES);
    const { got, whole, mostInOneTurn } = await readCountingTurns(length);
    expect(got.equals(whole)).toBe(true);
    expect(mostInOneTurn).toBe(length);
  });
});
