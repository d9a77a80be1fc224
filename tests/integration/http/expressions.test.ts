import type { GridTable } from '../../../models';
import { ATTACKS } from '../../helpers/attacks';
import { exampleGrids, start, type TestServer } from './harness';

/**
 * The formula sandbox through the real server: every known mathjs escape or denial-of-service attempt, typed
 * into the GSA example's Responses sheet, comes back as an issue at its cell in a normal answer, and the server
 * goes on serving.
 */
describe('Given a server and a workbook whose Responses hold formula attacks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  test('When validated, Then each attack is EXPRESSION_INVALID at its Expression cell, and /health still answers', async () => {
    const grids = await exampleGrids();
    const attacks = ATTACKS.filter((a) => a.length <= 500);
    const responses: GridTable = {
      name: 'Responses',
      source: 'table',
      sheet: 'Responses',
      topLeft: 'A1',
      header: ['Measure ID', 'Model', 'Elasticity', 'Low', 'High', 'Expression'],
      rows: attacks.map((a, i) => [`1.1.${(i % 5) + 1}X${i}`, 'Expression', null, null, null, a]),
    };
    const tables = [...grids.tables.filter((t) => t.name !== 'Responses'), responses];
    const res = await fetch(`${server.url}/api/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grids: { tables } }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      issues: { code: string; sheet: string; cell: string; message: string }[];
    };
    const invalid = body.issues.filter((i) => i.code === 'EXPRESSION_INVALID');
    // Attacks sharing one message are one issue at the first cell that names the others ("The same on 3 more
    // cells: rows F5, F9, F12"), so each attack's cell is an issue's cell or named in its message.
    const expected = attacks.map((_, i) => `Responses!F${i + 2}`);
    const covered = new Set<string>();
    let counted = 0;
    for (const issue of invalid) {
      covered.add(`${issue.sheet}!${issue.cell}`);
      const more = /The same on (\d+) more cells: rows ([A-Z0-9, ]+?)(?: and \d+ more)?\.$/.exec(
        issue.message,
      );
      counted += 1 + Number(more?.[1] ?? 0);
      for (const cell of more?.[2]?.split(', ') ?? []) covered.add(`${issue.sheet}!${cell}`);
    }
    expect(counted).toBe(attacks.length);
    for (const cell of covered) expect(expected).toContain(cell);
    expect(invalid.every((i) => i.sheet === 'Responses' && /^F\d+$/.test(i.cell))).toBe(true);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });
});
