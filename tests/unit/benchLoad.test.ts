import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { closedLoop } from '../../bench/load';

/**
 * The bench's HTTP client (`bench/load.ts`): it reads only each answer's head and counts the rest, so it must
 * find where every answer ends however the bytes arrive, and count what it was sent and what failed.
 */

let server: Server;
let url: string;
/** Bodies the server saw, and the size of each answer it gave. */
const seen: string[] = [];
const ANSWER = 200_000;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push(Buffer.concat(chunks).toString('utf8'));
      const status = req.url === '/teapot' ? 418 : 200;
      res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': ANSWER });
      // Written in uneven pieces, so an answer's bytes reach the client across many reads.
      const body = Buffer.alloc(ANSWER, 120);
      let at = 0;
      const step = () => {
        if (at >= ANSWER) return void res.end();
        const next = Math.min(ANSWER, at + 7_919 + (at % 3) * 50_000);
        res.write(body.subarray(at, next));
        at = next;
        setImmediate(step);
      };
      step();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Given the bench client and a server answering in uneven pieces', () => {
  test('When it sends a fixed number of requests over three connections, Then each is sent whole and each answer counted once', async () => {
    seen.length = 0;
    const body = JSON.stringify({ grids: { tables: [] }, note: 'é' });
    const r = await closedLoop({ url: `${url}/api`, body, connections: 3, amount: 25 });
    expect(r.requests).toBe(25);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(new Set([body]));
    expect(r.non2xx).toBe(0);
    expect(r.errors).toBe(0);
    // Every answer's head and body read, nothing more: the body bytes alone are 25 answers' worth.
    expect(r.bytesRead).toBeGreaterThan(25 * ANSWER);
    expect(r.bytesRead).toBeLessThan(25 * (ANSWER + 400));
    expect(r.p50Ms).toBeGreaterThan(0);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    expect(r.maxMs).toBeGreaterThanOrEqual(r.p99Ms);
  });

  test('When the answers are not 2xx, Then each is counted as such', async () => {
    const r = await closedLoop({ url: `${url}/teapot`, body: '{}', connections: 2, amount: 6 });
    expect(r.requests).toBe(6);
    expect(r.non2xx).toBe(6);
  });

  test("When an answer's head arrives over two reads, Then it is put together from its reads (each read lands in one reused buffer)", async () => {
    // A raw server writing each answer's head in two pieces, the first ending with the status, so that a head
    // kept as a view of the read buffer, rather than copied out of it, has its status overwritten by the next
    // read and every answer miscounted as not 2xx.
    const raw = createTcpServer((socket) => {
      socket.setNoDelay(true);
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(pending.subarray(0, end).toString())?.[1]);
        if (pending.length < end + 4 + length) return;
        pending = pending.subarray(end + 4 + length);
        const head = Buffer.from('HTTP/1.1 200 OK, in pieces\r\nContent-Length: 12\r\n\r\n');
        const pieces = [head.subarray(0, 12), head.subarray(12), Buffer.from('short and st')];
        const step = () => {
          const piece = pieces.shift();
          if (!piece) return;
          socket.write(piece);
          setTimeout(step, 1);
        };
        step();
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const port = (raw.address() as AddressInfo).port;
      const r = await closedLoop({ url: `http://127.0.0.1:${port}/`, body: '{}', connections: 2, amount: 6 });
      expect(r.requests).toBe(6);
      expect(r.non2xx).toBe(0);
      expect(r.errors).toBe(0);
      expect(r.bytesRead).toBe(6 * (50 + 12));
    } finally {
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  test('When nothing listens, Then the run fails rather than reporting figures', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      closedLoop({ url: `http://127.0.0.1:${port}/`, body: '{}', connections: 2, amount: 4 }),
    ).rejects.toThrow();
  });
});
