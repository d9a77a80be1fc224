import { connect, type Socket } from 'node:net';

/**
 * A closed-loop HTTP load generator for the bench: `connections` keep-alive connections, each sending the same
 * request again as soon as the last answer has fully arrived. It reads only what it must of each answer (the
 * status line and Content-Length) and counts the rest of the bytes without keeping them, so on a 2-core machine
 * the clients take as little as possible of the CPU the server is being timed on (autocannon turns every answer
 * into a string: 6-18 ms of CPU for each of the 5,000-line agency's 2.75 MB answers, measured). Each connection
 * reads into one buffer of its own, again and again (`onread`), rather than into a fresh Buffer a read: those
 * 64 KB Buffers, forty-odd an answer, kept the bench's collector marking its heap over and over. Measured by
 * `npm run bench -- --http 1`, old and new reader interleaved, two rounds each, 8 clients, all tables: the
 * clients' CPU 4 ms a request before and 1 ms after, taken from the server's two cores; p99 117-122 ms before,
 * 103-104 ms after.
 *
 * When the time is up no request is cut off: the connections stop sending and the requests in flight are
 * waited for, since a hang-up makes the server stop the task and replace its engine worker, which then runs cold.
 */

export interface LoadOptions {
  url: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  connections: number;
  /** Send for this long, then wait for the answers in flight. */
  durationMs?: number;
  /** Or send exactly this many requests in all. */
  amount?: number;
}

export interface LoadResult {
  requests: number;
  /** Completed requests a second, over the time from the first sent to the last answered. */
  requestsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  bytesRead: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');
/** The size of each connection's read buffer: as large as the reads a loopback socket gives. */
const READ_BYTES = 64 * 1024;

export function closedLoop(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.protocol !== 'http:') throw new Error('closedLoop speaks plain HTTP only');
  const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
  const head = [
    `POST ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    ...Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${body.length}`,
    'Connection: keep-alive',
    '',
    '',
  ].join('\r\n');
  const request = Buffer.concat([Buffer.from(head, 'latin1'), body]);

  const latencies: number[] = [];
  let sent = 0;
  let non2xx = 0;
  let errors = 0;
  let bytesRead = 0;
  const started = performance.now();
  let lastAnswer = started;
  /** Set when a connection fails: the others stop sending too, and the run is refused. */
  let failed = false;
  const more = (): boolean =>
    !failed &&
    (options.amount !== undefined
      ? sent < options.amount
      : performance.now() - started < (options.durationMs ?? 0));

  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      let at = 0;
      /** The answer's head so far, copied out of the read buffer, while it spans more than one read. */
      let headSoFar: Buffer | null = null;
      /** Bytes of the answer's body still to come; -1 while its head is being read. */
      let remaining = -1;
      const next = () => {
        if (!more()) {
          socket.end();
          resolve();
          return;
        }
        sent++;
        at = performance.now();
        remaining = -1;
        headSoFar = null;
        socket.write(request);
      };
      const answered = () => {
        const now = performance.now();
        latencies.push(now - at);
        lastAnswer = now;
        next();
      };
      // Each read lands in the one buffer of this connection (`onread`), never in a fresh Buffer: a 2.75 MB
      // answer arrives in about forty 64 KB reads, and a Buffer for each kept the bench's collector busy.
      const take = (chunk: Buffer) => {
        bytesRead += chunk.length;
        let rest = chunk;
        if (remaining < 0) {
          const soFar = headSoFar ? Buffer.concat([headSoFar, chunk]) : chunk;
          const end = soFar.indexOf(HEAD_END);
          if (end < 0) {
            // The read buffer is written again by the next read: what the head has so far is kept as a copy.
            headSoFar = Buffer.from(soFar);
            return;
          }
          const text = soFar.subarray(0, end).toString('latin1');
          const status = Number(text.slice(9, 12));
          const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
          if (!length) {
            socket.destroy(new Error(`an answer without Content-Length: ${text.slice(0, 200)}`));
            return;
          }
          if (!(status >= 200 && status < 300)) non2xx++;
          remaining = Number(length[1]);
          rest = soFar.subarray(end + HEAD_END.length);
        }
        remaining -= rest.length;
        if (remaining < 0) {
          socket.destroy(new Error('more bytes than the answer announced (pipelining is not used)'));
          return;
        }
        if (remaining === 0) answered();
      };
      const reads = Buffer.alloc(READ_BYTES);
      const socket: Socket = connect({
        port: Number(target.port || 80),
        host: target.hostname,
        onread: {
          buffer: reads,
          callback: (n) => {
            take(reads.subarray(0, n));
            return true;
          },
        },
      });
      socket.setNoDelay(true);
      socket.once('connect', next);
      socket.once('error', (e) => {
        errors++;
        failed = true;
        reject(e);
      });
    });

  return Promise.all(Array.from({ length: options.connections }, run)).then(() => {
    const sorted = Float64Array.from(latencies).sort();
    const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    const seconds = (lastAnswer - started) / 1000;
    return {
      requests: sorted.length,
      requestsPerSec: seconds > 0 ? sorted.length / seconds : 0,
      p50Ms: pct(0.5),
      p90Ms: pct(0.9),
      p99Ms: pct(0.99),
      maxMs: sorted[sorted.length - 1] ?? NaN,
      non2xx,
      errors,
      bytesRead,
    };
  });
}
