import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { OUTPUT_SHEETS, WorkbookJsonResponse, type WorkbookGrids } from '../../models';
import { buildAddin } from '../../addin/build/build';
import { serverConfig, startServer, type RunningServer } from '../../server/http';
import { readOutputTable, readWorkbookGrids } from '../../server/xlsx';
import { artifacts, launchChromium, type Browser } from './browser';
import { paneWorkbook, workbookXlsx } from './workbooks';

/**
 * The real task pane, built as `npm run build` builds it, served by the real server, in headless Chromium:
 * once inside a (fake) Excel holding the GSA example, once in a plain browser uploading the GSA workbook.
 */
const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'gsa-fy2018.xlsx');

let dist: string;
let server: RunningServer;
let browser: Browser;
let fakeHost: string;
let gsa: WorkbookGrids;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tl-pane-'));
  const [, bundled, grids] = await Promise.all([
    buildAddin({ outDir: dist }),
    build({
      entryPoints: [join(__dirname, 'fakeOfficeHost.ts')],
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'error',
    }),
    readWorkbookGrids(readFileSync(example)),
  ]);
  fakeHost = bundled.outputFiles[0]?.text ?? '';
  gsa = grids;
  server = await startServer(
    serverConfig({ host: '127.0.0.1', port: 0, logLevel: 'silent', addinDir: dist }),
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close(1_000);
  rmSync(dist, { recursive: true, force: true });
});

/** A page whose office.js is the fake Excel host, holding these grids (none: a blank workbook). */
async function excelPage(grids: WorkbookGrids | null): Promise<Page> {
  const page = await browser.context.newPage();
  if (grids) await page.addInitScript((g) => Object.assign(globalThis, { __tlGrids: g }), grids);
  await page.route('**/office-js/office.js', (route) =>
    route.fulfill({ contentType: 'application/javascript', body: fakeHost }),
  );
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-mode="excel"]');
  return page;
}

const inFake = <T>(page: Page, expression: string): Promise<T> =>
  page.evaluate(`(() => { const excel = globalThis.__tlExcel; return ${expression}; })()`) as Promise<T>;

describe('the task pane', () => {
  it('Given Excel holding the GSA workbook, when Build crosswalk is clicked, then the output sheets are written and an issue takes you to its cell', async () => {
    const page = await excelPage(gsa);
    const inputs = await inFake<string[]>(page, 'excel.sheetNames()');
    await page.getByRole('button', { name: 'Build crosswalk' }).click();
    await page.waitForSelector('[data-testid=summary]');
    await page.screenshot({ path: join(artifacts, 'pane-excel.png') });

    const sheets = await inFake<string[]>(page, 'excel.sheetNames()');
    expect(sheets.slice(0, inputs.length)).toEqual(inputs);
    const written = sheets.slice(inputs.length);
    expect(written).toEqual(
      expect.arrayContaining(['ResourcesByGoal', 'CrosswalkMatrix', 'CrosswalkDetail', 'Issues']),
    );
    expect(written.every((s) => (OUTPUT_SHEETS as readonly string[]).includes(s))).toBe(true);
    expect(await inFake<number>(page, 'Math.max(...excel.syncs.map((s) => s.requestBytes))')).toBeLessThan(
      5 * 1024 * 1024,
    );
    expect(await inFake<string>(page, "excel.cell('ResourcesByGoal', 'A3').value")).toBe('Level');
    // The Summary's two native charts, drawn through Office.js over the Summary's own cells.
    expect(
      await inFake<unknown>(
        page,
        "excel.state.sheet('Summary').charts.map((c) => [c.name, c.type, c.series.length, c.series[0].values.split('!')[0]])",
      ),
    ).toEqual([
      ['Throughline Resources by Goal', 'ColumnClustered', 2, 'Summary'],
      ['Throughline Measures by Status', 'BarStacked', 4, 'Summary'],
    ]);
    // This Excel has ExcelApi 1.9: the sheets are set up to print as exhibits, the footer naming the agency.
    expect(await inFake<unknown>(page, "excel.state.sheet('ResourcesByGoal').print")).toMatchObject({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$3:$3',
      footer: {
        left: '&8General Services Administration, resources (budget authority), dollars in thousands',
      },
    });
    expect(await page.getByTestId('status').textContent()).toMatch(
      /^Wrote \d+ output sheets in .*; Summary is open\.$/,
    );
    expect(await page.getByTestId('summary').textContent()).toContain('General Services Administration');

    // The first issue is a Budget line without a crosswalk row: clicking its place selects that cell.
    const place = page.getByTestId('issues').getByRole('button').first();
    const where = (await place.textContent()) ?? '';
    expect(where).toMatch(/^Budget!A\d+$/);
    await place.click();
    await page.waitForFunction(`globalThis.__tlExcel.state.selection !== null`);
    expect(await inFake<unknown>(page, 'excel.state.selection')).toEqual({
      sheet: 'Budget',
      address: where.split('!')[1],
    });
    await page.close();
  }, 30_000);

  it('Given Excel holding a workbook with errors, when Build crosswalk is clicked, then the banner, the status line and the charts say the figures are incomplete', async () => {
    const grids = await readWorkbookGrids(await workbookXlsx(paneWorkbook('errors')));
    const page = await excelPage(grids);
    await page.getByRole('button', { name: 'Build crosswalk' }).click();
    await page.waitForSelector('[data-testid=banner]');
    await page.waitForFunction(
      `[...document.querySelectorAll('canvas')].filter((c) => c.width > 0).length === 2`,
    );
    await page.screenshot({ path: join(artifacts, 'pane-excel-errors-360.png'), fullPage: true });
    const banner = page.getByTestId('banner');
    expect(await banner.getAttribute('class')).toBe('banner error');
    expect(await banner.textContent()).toContain('3 errors: these results are incomplete.');
    const status = page.getByTestId('status');
    expect(await status.getAttribute('class')).toContain('error');
    expect(await status.textContent()).toMatch(
      /^3 errors: the \d+ output sheets written \(.*; Summary is open\) hold incomplete figures\.$/,
    );
    expect(await page.locator('tr[data-goal="G4"] .mark').isVisible()).toBe(true);
    // Inside Excel the grouped issues still take you to their cells once opened.
    const group = page.locator('.issue-group[data-code="BUDGET_LINE_UNMAPPED"]');
    await group.locator('summary').click();
    await group.getByRole('button', { name: 'Budget!A7' }).click();
    await page.waitForFunction(`globalThis.__tlExcel.state.selection !== null`);
    expect(await inFake<unknown>(page, 'excel.state.selection')).toEqual({ sheet: 'Budget', address: 'A7' });
    await page.close();
  }, 30_000);

  it('Given a blank workbook in Excel, when Insert template is clicked, then the input sheets appear beside Sheet1', async () => {
    const page = await excelPage(null);
    await page.getByRole('button', { name: 'Insert template' }).click();
    await page.waitForFunction(`globalThis.__tlExcel.sheetNames().length > 1`);
    const sheets = await inFake<string[]>(page, 'excel.sheetNames()');
    expect(sheets.slice(0, 3)).toEqual(['Sheet1', 'Settings', 'Budget']);
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.waitForSelector('[data-testid=summary]');
    expect(await page.getByTestId('status').textContent()).toMatch(/Nothing in the workbook was changed/);
    await page.close();
  }, 30_000);

  it('Given a plain browser, when the GSA workbook is uploaded, then the summary, the output tables and a download that ties out are shown', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 960, height: 1000 });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-mode="browser"]');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/workbook'));
    await page.getByTestId('file').setInputFiles(example);
    const { summary } = WorkbookJsonResponse.parse(await (await answered).json());
    await page.waitForSelector('[data-testid=preview]');
    await page.screenshot({ path: join(artifacts, 'pane-browser.png'), fullPage: false });

    // Every output table has a tab, in the row or in its More menu.
    expect(await page.locator('[data-testid=preview] button[data-tab]').allTextContents()).toEqual(
      expect.arrayContaining(['ResourcesByGoal', 'Issues']),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('gsa-fy2018-crosswalk.xlsx');
    const file = join(dist, 'downloaded.xlsx');
    await download.saveAs(file);

    // The downloaded workbook's ResourcesByGoal Total is the Budget total the engine reported, and the goals'
    // budget-year figures the pane shows are the workbook's goal rows.
    const resources = await readOutputTable(readFileSync(file), 'ResourcesByGoal');
    const col = (name: string) => resources.header.indexOf(name);
    const by = summary.budgetYear?.label ?? summary.baseSeries ?? '';
    const basis = summary.costBasis ?? '';
    const row = (level: string, goal = '') =>
      resources.rows.find(
        (r) =>
          r[col('Level')] === level &&
          r[col('Amount Type')] === basis &&
          (goal === '' || r[col('Goal ID')] === goal),
      );
    const budgetTotal = summary.budgetTotals.find((t) => t.amountType === basis && t.series === by)?.amount;
    expect(col(by)).toBeGreaterThan(0);
    expect(row('Total')?.[col(by)]).toBe(budgetTotal);
    const figures = page.getByTestId('summary').locator('table.figures');
    const byColumn = (await figures.locator('thead th').allTextContents()).indexOf(by);
    expect(byColumn).toBeGreaterThan(0);
    for (const goal of summary.goals) {
      const amount = row('Goal', goal.goalId)?.[col(by)];
      expect(typeof amount).toBe('number');
      const cells = await figures.locator(`tr[data-goal="${goal.goalId}"] td`).allTextContents();
      expect(cells[0]).toBe(`${goal.goalId} ${goal.name}`);
      expect(cells[byColumn]).toBe(Math.round(amount as number).toLocaleString('en-US'));
    }
    const total = await figures.locator('tr.total td').allTextContents();
    expect(total[byColumn]).toBe((budgetTotal ?? 0).toLocaleString('en-US'));
    await page.close();
  }, 30_000);
});
