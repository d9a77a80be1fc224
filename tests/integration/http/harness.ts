import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { Problem, XLSX_MEDIA_TYPE, type WorkbookGrids } from '../../../models';
import { serverConfig, startServer, type RunningServer, type ServerConfig } from '../../../server/http';
import { readWorkbookGrids } from '../../../server/xlsx';

/** Starting the real server on a free port, and the workbooks the tests send it. */

export const root = join(__dirname, '..', '..', '..');
export const examplePath = join(root, 'examples', 'gsa-fy2018.xlsx');
export const exampleBytes = (): Buffer => readFileSync(examplePath);

let gsaGrids: Promise<WorkbookGrids> | undefined;
/** The GSA example as grids, as the add-in would send them (read once per test file). */
export function exampleGrids(): Promise<WorkbookGrids> {
  gsaGrids ??= readWorkbookGrids(exampleBytes());
  return gsaGrids;
}

export interface TestServer extends RunningServer {
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
}

/** The real server on 127.0.0.1 and a free port, quiet unless a test reads its log. */
export async function start(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = serverConfig({
    host: '127.0.0.1',
    port: 0,
    addinDir: join(root, 'tests', 'integration', 'http', 'no-addin-here'),
    ...overrides,
  });
  const logger = pino({ level: overrides.logLevel ?? 'silent' }, sink);
  const running = await startServer(config, { logger });
  return { ...running, logs };
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function postWorkbook(
  url: string,
  bytes: Buffer,
  opts: { headers?: Record<string, string>; filename?: string; as?: 'raw' | 'form' } = {},
): Promise<Response> {
  if (opts.as === 'form') {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: XLSX_MEDIA_TYPE }), opts.filename ?? 'workbook.xlsx');
    return fetch(url, { method: 'POST', headers: opts.headers, body: form });
  }
  const query = opts.filename ? `?filename=${encodeURIComponent(opts.filename)}` : '';
  return fetch(`${url}${query}`, {
    method: 'POST',
    headers: { 'Content-Type': XLSX_MEDIA_TYPE, ...opts.headers },
    body: bytes,
  });
}

/** A small workbook of another agency, with one error: a crosswalk row to an objective that does not exist. */
export async function smallWorkbookWithError(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Settings').addRows([
    ['Setting', 'Value'],
    ['Agency', 'Small Agency'],
    ['Units', 'Dollars'],
  ]);
  wb.addWorksheet('Budget').addRows([
    ['Account', 'Amount Type', 'FY2018'],
    ['001-01-0001', 'BA', 1000],
  ]);
  wb.addWorksheet('Goals').addRows([
    ['Goal ID', 'Goal'],
    ['G1', 'Serve'],
  ]);
  wb.addWorksheet('Objectives').addRows([
    ['Objective ID', 'Goal ID', 'Objective'],
    ['1.1', 'G1', 'Serve well'],
  ]);
  wb.addWorksheet('Crosswalk').addRows([
    ['Account', 'Objective ID', 'Share'],
    ['001-01-0001', '9.9', 1],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The problem+json body of an error response, after checking it is one (and matches the model). */
export async function problemOf(res: Response): Promise<Problem> {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = Problem.parse(await res.json());
  expect(body.status).toBe(res.status);
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  return body;
}
