import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serveBundle, type ServedEngine } from '../../../bench/servedEngine';
import { bundleServer } from '../../../server/build/bundle';
import { SERVER_NODE_FLAGS, SERVER_USAGE } from '../../../server/http/config';
import { answerJson } from '../../../server/http/jsonAnswer';
import { exampleBytes, exampleGrids, postJson, postWorkbook, root } from './harness';

/**
 * The server as `npm start` runs it: `npm run build:server` bundles `main.ts` and the engine worker into
 * dist/server, and the pool must find the worker's bundle beside its own. Built here into a folder of its own
 * (inside the project, where the bundle's packages resolve), started as a process, and asked for real work.
 */

jest.setTimeout(120_000);

const outDir = join(root, 'dist', `test-server-${process.pid}`);
let server: ServedEngine | undefined;
let url: string;

beforeAll(async () => {
  const main = await bundleServer(outDir);
  expect(existsSync(join(outDir, 'engineWorker.js'))).toBe(true);
  server = await serveBundle(main, []);
  url = server.url;
});

afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('Given the bundled server, started as npm start starts it', () => {
  test('When the GSA example is posted as JSON grids, Then its engine worker answers exactly as the engine does in process', async () => {
    const grids = await exampleGrids();
    const body = Buffer.from(JSON.stringify({ grids }));
    const res = await postJson(`${url}/api/v1/crosswalk`, body.toString('utf8'));
    expect(res.status).toBe(200);
    const expected = answerJson('crosswalk', body, undefined, { maxCells: 2_000_000, maxRows: 1_000_000 });
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(expected))).toBe(true);
  });

  test('When the GSA workbook is uploaded, Then it answers with the crosswalk workbook', async () => {
    const res = await postWorkbook(`${url}/api/v1/workbook`, exampleBytes());
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    // A zip (an .xlsx) with the output sheets in it.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('xl/worksheets/'))).toBe(true);
  });

  test('When npm start and the usage are read, Then both run this bundle with the Node flags the bench times it with', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const command = `node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js`;
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(pkg.scripts.start).toBe(`npm run build && ${command}`);
    expect(SERVER_USAGE).toContain(`(or: ${command} [options])`);
  });
});
