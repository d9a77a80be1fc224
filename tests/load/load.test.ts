import { randomBytes } from 'node:crypto';
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import autocannon from 'autocannon';
import { XLSX_MEDIA_TYPE } from '../../models';
import { gridsXlsx, minimal } from '../corpus/case';
import { postWorkbook, problemOf, start, type TestServer } from '../integration/http/harness';

/**
 * Load and faults on loopback, with bounded counts and durations: mixed valid and invalid requests under
 * autocannon, a client that hangs up mid-upload, a slow-loris upload, and concurrent uploads near the size
 * limit. The server must answer every request without a 5xx (but 503 busy), keep serving, and give memory back.
 */

// A handle on the collector, even when node was not started with --expose-gc.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

const json = (body: unknown) => JSON.stringify(body);

describe('Given the server under mixed load', () => {
  let server: TestServer;
  beforeAll(async () => {
    // As many workbook jobs as connections, so no answer is a (by design) 503 busy: any 5xx is a fault.
    server = await start({ maxConcurrentJobs: 8, requestTimeoutMs: 20_000 });
  });
  afterAll(() => server.close());

  test('When valid and invalid requests arrive on 8 connections, Then none is answered with a 5xx and memory comes back', async () => {
    const small = await gridsXlsx(minimal());
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/api/v1/validate',
        headers: { 'content-type': 'application/json' },
        body: json({ grids: minimal() }),
      },
      {
        method: 'POST',
        path: '/api/v1/crosswalk',
        headers: { 'content-type': 'application/json' },
        body: json({ grids: minimal() }),
      },
      {
        method: 'POST',
        path: '/api/v1/validate',
        headers: { 'content-type': 'application/json' },
        body: '{"grids": {"tables": [',
      },
      {
        method: 'POST',
        path: '/api/v1/crosswalk',
        headers: { 'content-type': 'application/json' },
        body: json({ grids: { tables: [{}] } }),
      },
      {
        method: 'POST',
        path: '/api/v1/workbook',
        headers: { 'content-type': XLSX_MEDIA_TYPE },
        body: small,
      },
      {
        method: 'POST',
        path: '/api/v1/workbook',
        headers: { 'content-type': XLSX_MEDIA_TYPE },
        body: 'Account,FY2018\n1,2\n',
      },
      { method: 'GET', path: '/api/v1/health' },
      { method: 'GET', path: '/api/v1/nowhere' },
    ];
    const run = () => autocannon({ url: server.url, connections: 8, amount: 400, timeout: 20, requests });
    await run(); // warm-up: modules, JIT and pools settle before memory is measured
    const before = heapAfterGc();
    const result = await run();
    const after = heapAfterGc();

    expect({ '5xx': result['5xx'], codes: result.statusCodeStats }).toMatchObject({ '5xx': 0 });
    expect(result.timeouts).toBe(0);
    expect(result['2xx']).toBeGreaterThan(0);
    expect(result['4xx']).toBeGreaterThan(0);
    expect(result['2xx'] + result['4xx']).toBeGreaterThanOrEqual(390);
    expect(after - before).toBeLessThan(40 * MB);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  }, 60_000);

  test('When a client sends half an upload and hangs up, Then the server keeps serving', async () => {
    const bytes = await gridsXlsx(minimal());
    for (let i = 0; i < 5; i++) {
      const socket = net.connect(server.port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(
        `POST /api/v1/workbook HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${XLSX_MEDIA_TYPE}\r\nContent-Length: ${bytes.length}\r\n\r\n`,
      );
      socket.write(bytes.subarray(0, bytes.length >> 1));
      await new Promise((r) => setTimeout(r, 20));
      socket.destroy();
    }
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    const res = await postWorkbook(`${server.url}/api/v1/workbook`, bytes);
    expect(res.status).toBe(200);
  });
});

describe('Given a server with a 1.5 s request limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ requestTimeoutMs: 1_500 });
  });
  afterAll(() => server.close());

  test('When an upload trickles in a byte at a time (slow-loris), Then the server answers 503 and closes the connection within the limit', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const started = Date.now();
    socket.write(
      `POST /api/v1/workbook HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${XLSX_MEDIA_TYPE}\r\nContent-Length: 100000\r\n\r\n`,
    );
    let received = '';
    socket.on('data', (chunk) => (received += String(chunk)));
    socket.on('error', () => undefined);
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write('P');
    }, 100);
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    clearInterval(drip);
    const closedAfter = Date.now() - started;
    // The deadline answers at 1.5 s and hangs up a second later; Node's own request timeout (20 s) is the
    // backstop. The bound is loose on purpose: a busy machine is slow, not wrong; a server that never hung up
    // would fail it.
    expect(closedAfter).toBeLessThan(15_000);
    expect(received).toMatch(/^HTTP\/1\.1 503/);
    expect(received).toContain('urn:throughline:problem:timeout');
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  }, 40_000);
});

describe('Given a server taking uploads of up to 2 MB, two at a time', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ maxUploadBytes: 2 * MB, maxConcurrentJobs: 2 });
  });
  afterAll(() => server.close());

  /** The minimal workbook with a Notes sheet of incompressible text, bringing the file near `bytes`. */
  async function workbookNear(bytes: number): Promise<Buffer> {
    let cells = Math.floor(bytes / 24_000);
    for (;;) {
      const book = await gridsXlsx(minimal(), (wb) => {
        const notes = wb.addWorksheet('Notes');
        for (let i = 0; i < cells; i++)
          notes.getCell(i + 1, 1).value = randomBytes(16_000).toString('base64');
      });
      if (book.length > bytes * 0.9 || cells > 1_000) return book;
      cells = Math.ceil(cells * ((bytes * 0.95) / book.length));
    }
  }

  test('When six uploads near the limit arrive at once, Then each is answered 200 or 503 busy with Retry-After, the server keeps serving, and memory comes back', async () => {
    const book = await workbookNear(1.9 * MB);
    expect(book.length).toBeGreaterThan(1.7 * MB);
    expect(book.length).toBeLessThan(2 * MB);
    const before = heapAfterGc();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postWorkbook(`${server.url}/api/v1/workbook`, book, { as: i % 2 === 0 ? 'raw' : 'form' }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(200);
    for (const res of answers) {
      if (res.status === 503) {
        expect(res.headers.get('retry-after')).toBe('5');
        expect((await problemOf(res)).type).toBe('urn:throughline:problem:busy');
      } else await res.arrayBuffer();
    }
    // One over the limit is refused as too large, not taken.
    const over = await postWorkbook(
      `${server.url}/api/v1/workbook`,
      Buffer.concat([book, randomBytes(200_000)]),
    );
    expect(over.status).toBe(413);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    expect(heapAfterGc() - before).toBeLessThan(50 * MB);
  }, 60_000);
});
