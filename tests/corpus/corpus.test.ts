import ExcelJS from 'exceljs';
import {
  EngineResult,
  issueLocation,
  OUTPUT_SHEETS,
  Problem,
  WorkbookJsonResponse,
  XLSX_MEDIA_TYPE,
  type CellValue,
  type Issue,
  type OutputTable,
  type WorkbookGrids,
} from '../../models';
import { runEngine } from '../../server/engine';
import { crosswalkXlsx } from '../../server/pipeline';
import {
  OutputNameConflictError,
  readWorkbookGrids,
  UnreadableWorkbookError,
  WorkbookTooLargeError,
  writeCrosswalkWorkbook,
} from '../../server/xlsx';
import { sheetPartsByName, styleCounts } from '../fixtures/package/inspect';
import { loadExcel } from '../fixtures/xlsx/workbooks';
import { records } from '../helpers/outputs';
import { postJson, postWorkbook, start, type TestServer } from '../integration/http/harness';
import { gridsXlsx, type CorpusCase, type ExpectedIssue, type Refusal } from './case';
import { CORPUS } from './cases';

/**
 * Every corpus case through the real path: .xlsx → readWorkbookGrids → runEngine → writeCrosswalkWorkbook → read
 * back, and through the HTTP API. For each: exactly the expected issues (code, severity and cell; nothing
 * extra), totals that tie out to the Budget, input sheets unchanged, no formula in any output cell, and no
 * exception. Files that cannot be read are refused with the expected error and HTTP status, never a 500.
 */

const show = (i: Pick<Issue, 'severity' | 'code' | 'sheet' | 'cell'>) =>
  `${i.severity} ${i.code} @ ${issueLocation(i) || '(workbook)'}`;
const issueList = (issues: readonly ExpectedIssue[]) => issues.map(show).sort();

const isRefusal = (e: CorpusCase['expected']): e is Refusal => !Array.isArray(e);

/** The ResourcesByGoal Total row equals the Budget total for each type and year, and so does CrosswalkDetail. */
function expectTiesOut(
  result: EngineResult,
  totals: Record<string, Record<string, number>> | undefined,
): void {
  const resources = records(result.tables.find((t) => t.name === 'ResourcesByGoal') as OutputTable);
  const detail = records(result.tables.find((t) => t.name === 'CrosswalkDetail') as OutputTable);
  const shownTotals: Record<string, Record<string, number>> = {};
  for (const { amountType, series, amount } of result.summary.budgetTotals) {
    const row = resources.find((r) => r.Level === 'Total' && r['Amount Type'] === amountType);
    expect({ amountType, series, total: row?.[series] }).toEqual({ amountType, series, total: amount });
    const scale = 10 ** (amountType === 'FTE' ? 1 : result.money.decimals);
    const detailSum = detail
      .filter((r) => r['Amount Type'] === amountType)
      .reduce((s, r) => s + Math.round(((r[series] as number | null) ?? 0) * scale), 0);
    expect({ amountType, series, detail: detailSum }).toEqual({
      amountType,
      series,
      detail: Math.round(amount * scale),
    });
    (shownTotals[amountType] ??= {})[series] = amount;
  }
  expect(resources.filter((r) => r.Level === 'Total')).toHaveLength(Object.keys(shownTotals).length);
  // What the case says the readable Budget adds up to, worked out by hand (none when nothing was readable).
  expect(shownTotals).toEqual(totals ?? {});
}

/** Characters XML 1.0 cannot hold: the writer drops them (Excel could not open the file otherwise). */
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A table's rows as the written sheet should show them: text past Excel's limit cut, empty text blank, links shown. */
function shownRows(table: OutputTable): CellValue[][] {
  const linkColumn = Math.max(
    0,
    table.columns.findIndex((c) => c.name.toLowerCase() === 'cell'),
  );
  const shown = table.rows.map((row, r) =>
    table.columns.map((_, c) => {
      let v = row[c] ?? null;
      const link = table.links?.[r] ?? null;
      if (link !== null && c === linkColumn && v === null) v = link;
      if (typeof v === 'string') {
        const text = v.slice(0, 32767).replace(NOT_XML, '');
        return text === '' ? null : text;
      }
      return v;
    }),
  );
  // The reader trims blank rows at the end of a table (an empty table is written with one blank row).
  while (shown.length > 0 && shown[shown.length - 1]?.every((v) => v === null)) shown.pop();
  return shown;
}

const isOutput = (name: string) =>
  (OUTPUT_SHEETS as readonly string[]).some((o) => o.toLowerCase() === name.toLowerCase());
const inputTables = (grids: WorkbookGrids) => grids.tables.filter((t) => !isOutput(t.sheet));

async function runReadable(c: CorpusCase, bytes: Buffer, expected: ExpectedIssue[]) {
  const grids = await readWorkbookGrids(bytes);
  const result = runEngine(grids);
  expect(issueList(result.issues)).toEqual(issueList(expected));
  expect(() => EngineResult.parse(result)).not.toThrow();
  expectTiesOut(result, c.totals);

  const output = await writeCrosswalkWorkbook(bytes, result.tables, result.money);
  await expectUserPartsKept(bytes, output, result);
  const reread = await readWorkbookGrids(output);
  // Input sheets come back exactly as they were read; output tables exactly as computed.
  expect(inputTables(reread)).toEqual(inputTables(grids));
  for (const table of result.tables) {
    const written = reread.tables.find((t) => t.source === 'table' && t.name === table.name);
    expect(written?.header).toEqual(table.columns.map((col) => col.name));
    const width = table.columns.length;
    const rows = (written?.rows ?? []).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
    expect({ table: table.name, rows }).toEqual({ table: table.name, rows: shownRows(table) });
  }
  const workbook = await loadExcel(output);
  const formulas: string[] = [];
  for (const ws of workbook.worksheets) {
    if (!result.tables.some((t) => t.name === ws.name)) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined)
          formulas.push(`${ws.name}!${cell.address}`);
      }),
    );
  }
  expect(formulas).toEqual([]);
  await c.check?.({ grids, result, output, written: workbook });
  return result;
}

/**
 * Every input sheet's part is byte-identical in the output, and again after a second run on the output (which
 * adds no style either): the product's first promise, checked on the bytes rather than on what a reader shows.
 */
async function expectUserPartsKept(input: Buffer, output: Buffer, result: EngineResult): Promise<void> {
  const before = await sheetPartsByName(input);
  const again = await writeCrosswalkWorkbook(output, result.tables, result.money);
  for (const written of [output, again]) {
    const after = await sheetPartsByName(written);
    for (const [sheet, bytes] of before) {
      if (isOutput(sheet)) continue;
      expect({ sheet, bytes: after.get(sheet) }).toEqual({ sheet, bytes });
    }
  }
  expect(await styleCounts(again)).toEqual(await styleCounts(output));
}

const ERRORS = { UnreadableWorkbookError, WorkbookTooLargeError, OutputNameConflictError };

function reasonOf(e: unknown): string | undefined {
  if (e instanceof UnreadableWorkbookError) return e.reason;
  if (e instanceof WorkbookTooLargeError) return e.limit;
  if (e instanceof OutputNameConflictError) return e.sheet;
  return undefined;
}

describe('The bad-input corpus', () => {
  let server: TestServer;
  let api: string;
  beforeAll(async () => {
    server = await start();
    api = `${server.url}/api/v1`;
  });
  afterAll(() => server.close());

  const cases = Object.entries(CORPUS).flatMap(([group, list]) => list.map((c) => [group, c] as const));

  test('Then it holds at least 40 cases, each with a unique name', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map(([, c]) => c.name)).size).toBe(cases.length);
  });

  test.each(cases.map(([group, c]) => [`${group}: ${c.name}`, c] as const))(
    'Given %s, When it runs through the xlsx pipeline and the API, Then exactly the expected issues, tied-out totals and no escaped exception',
    async (_label, c) => {
      const bytes = 'grids' in c ? await gridsXlsx(c.grids()) : await c.xlsx();

      if (isRefusal(c.expected)) {
        const refusal = c.expected;
        const failure = await crosswalkXlsx(bytes).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(failure).toBeInstanceOf(ERRORS[refusal.error]);
        expect(reasonOf(failure)).toBe(refusal.reason);
        const res = await postWorkbook(`${api}/workbook`, bytes, { as: 'form', filename: 'case.xlsx' });
        expect(res.status).toBe(refusal.status);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const problem = Problem.parse(await res.json());
        expect(problem.type).toBe(`urn:throughline:problem:${refusal.problem}`);
        expect(problem.issues?.[0]?.severity).toBe('error');
        return;
      }

      const expected = c.expected;
      const viaXlsx = await runReadable(c, bytes, expected);

      // The same workbook uploaded to the API: the same issues, and the workbook back.
      const upload = await postWorkbook(`${api}/workbook`, bytes, {
        headers: { Accept: 'application/json' },
      });
      expect(upload.status).toBe(200);
      const body = WorkbookJsonResponse.parse(await upload.json());
      expect(body.issues).toEqual(viaXlsx.issues);
      expect(body.mediaType).toBe(XLSX_MEDIA_TYPE);

      if ('grids' in c) {
        // The grids as the add-in sends them: the engine directly, and the API's JSON endpoint.
        const grids = c.grids();
        const direct = runEngine(grids);
        expect(issueList(direct.issues)).toEqual(issueList(expected));
        expectTiesOut(direct, c.totals);
        const res = await postJson(`${api}/crosswalk`, { grids });
        expect(res.status).toBe(200);
        expect(EngineResult.parse(await res.json()).issues).toEqual(direct.issues);
      }
    },
  );
});
