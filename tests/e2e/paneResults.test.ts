import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WorkbookJsonResponse, type Summary } from '../../models';
import { buildAddin } from '../../addin/build/build';
import { templateSheets } from '../../addin/excel/template';
import { fiscalYear } from '../../addin/pane/format';
import { runEngine } from '../../server/engine';
import { serverConfig, startServer, type RunningServer } from '../../server/http';
import { readWorkbookGrids } from '../../server/xlsx';
import { artifacts, launchChromium, type Browser } from './browser';
import { paneWorkbook, workbookXlsx, type PaneWorkbook } from './workbooks';

/**
 * The browser pane after a run, at the width of Excel's task pane (360 px) and of a desktop browser (1,280 px),
 * with a clean workbook, one with warnings and one with errors. Screenshots go to tests/artifacts/ for a person
 * to look at; the assertions check what the screenshots are meant to show.
 */
const WIDTHS = [360, 1280] as const;
const KINDS: readonly PaneWorkbook[] = ['errors', 'warnings', 'clean'];

let dist: string;
let server: RunningServer;
let browser: Browser;
const files = new Map<PaneWorkbook, Buffer>();

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tl-pane-results-'));
  await buildAddin({ outDir: dist });
  for (const kind of KINDS) files.set(kind, await workbookXlsx(paneWorkbook(kind)));
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

async function upload(
  width: number,
  kind: PaneWorkbook,
): Promise<{ page: Page; summary: Summary; blocked: string[] }> {
  const page = await browser.context.newPage();
  // What the pane's content security policy stopped, apart from Office.js's own telemetry frame (it reaches for
  // Microsoft's servers when loaded outside Office, and is meant to be stopped).
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text()) && !/oaspapps\.com/.test(m.text())) blocked.push(m.text());
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-mode="browser"]');
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/workbook'));
  await page.getByTestId('file').setInputFiles({
    name: `${kind}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: files.get(kind) as Buffer,
  });
  const { summary } = WorkbookJsonResponse.parse(await (await answered).json());
  await page.waitForSelector('[data-testid=preview]');
  // Both charts drawn (they draw on the next frame). Page code is given as text: this project's tests compile
  // without the DOM's types.
  await page.waitForFunction(
    `document.querySelectorAll('canvas').length === 2 && [...document.querySelectorAll('canvas')].every((c) => c.width > 0)`,
  );
  await page.screenshot({ path: join(artifacts, `pane-${kind}-${width}.png`), fullPage: true });
  return { page, summary, blocked };
}

/** How many pixels of a canvas are drawn on (not transparent): a chart with bars has thousands. */
const inked = (page: Page, chart: string): Promise<number> =>
  page.evaluate(`(() => {
    const canvas = document.querySelector('[data-chart="${chart}"] canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  })()`);

/** The chart's text alternative: goal → the figures of each series, as shown. */
const chartTable = (page: Page, chart: string): Promise<string[][]> =>
  page.evaluate(
    `[...document.querySelectorAll('[data-chart="${chart}"] table.chart-data tr')].map((r) => [...r.children].map((c) => c.textContent))`,
  );

describe.each(WIDTHS)('the browser pane at %i px', (width) => {
  it('Given a workbook with errors, then the banner says so and what they affect, the download is not urged and the total missing an amount is marked', async () => {
    const { page, summary } = await upload(width, 'errors');
    const banner = page.getByTestId('banner');
    expect(await banner.getAttribute('class')).toBe('banner error');
    expect(await banner.getAttribute('role')).toBe('alert');
    const said = (await banner.textContent()) ?? '';
    expect(said).toContain('3 errors: these results are incomplete.');
    expect(said).toContain('Budget (1 error): the amounts or lines are left out of every total.');
    expect(said).toContain('Crosswalk (1 error)');
    expect(said).toContain('Results (1 error)');
    expect(said).toContain('1 Budget amount could not be read (Budget!G6)');
    expect(said).toContain('(G4)');

    const status = page.getByTestId('status');
    expect(await status.getAttribute('class')).toContain('error');
    expect(await status.textContent()).toMatch(
      /^The crosswalk on errors\.xlsx finished with 3 errors .*incomplete\.$/,
    );
    const download = page.getByTestId('download');
    expect(await download.getAttribute('class')).toBe('button');
    expect(await download.textContent()).toBe('Download errors-crosswalk.xlsx anyway (3 errors)');

    // G4's only line had "TBD" for FY2026: its row is marked, the others are not, and the note says why.
    expect(summary.unreadAmounts.goals).toEqual(['G4']);
    expect(await page.locator('tr[data-goal="G4"]').getAttribute('class')).toBe('short');
    expect(await page.locator('tr[data-goal="G4"] .mark').isVisible()).toBe(true);
    expect(await page.locator('tr[data-goal="G1"] .mark').count()).toBe(0);
    expect(await page.locator('tr.total .mark').isVisible()).toBe(true);
    expect(await page.getByTestId('short-note').textContent()).toContain('Budget!G6');
    await page.close();
  }, 60_000);

  it('Given sixteen warnings of one kind, then they are one collapsed group that opens to all sixteen', async () => {
    const { page } = await upload(width, 'warnings');
    const banner = page.getByTestId('banner');
    expect(await banner.getAttribute('class')).toBe('banner warning');
    expect(await banner.textContent()).toContain('Results ready, with 16 warnings to review');
    expect(await page.getByTestId('download').getAttribute('class')).toBe('button primary');
    expect(await page.getByTestId('status').textContent()).toMatch(
      /^Ran the crosswalk on warnings\.xlsx in /,
    );

    const groups = page.locator('.issue-group');
    expect(await groups.count()).toBe(1);
    const group = groups.first();
    expect(await group.getAttribute('data-code')).toBe('BUDGET_LINE_UNMAPPED');
    expect(await group.locator('summary').textContent()).toContain('16 Budget lines with no Crosswalk row');
    expect(await group.locator('details').getAttribute('open')).toBeNull();
    const items = group.locator('li.issue');
    expect(await items.count()).toBe(16);
    expect(await items.first().isVisible()).toBe(false);
    // Collapsed, the whole issue list is a few lines tall, not sixteen messages.
    const collapsed = await page.locator('.issues-panel').boundingBox();
    expect(collapsed?.height ?? Infinity).toBeLessThan(200);
    await group.locator('summary').click();
    expect(await items.nth(15).isVisible()).toBe(true);
    await page.close();
  }, 60_000);

  it('Given a clean workbook, then the banner says the results are ready and both charts are drawn with the summary figures', async () => {
    const { page, summary, blocked } = await upload(width, 'clean');
    // Chart.js comes from this server, in the pane's bundle, and draws without anything the policy forbids.
    expect(blocked).toEqual([]);
    const banner = page.getByTestId('banner');
    expect(await banner.getAttribute('class')).toBe('banner ok');
    expect(await banner.textContent()).toBe('Results ready: every cell read cleanly.');
    // Said once: no empty issue list under it repeating the banner.
    expect(await page.locator('.issues-panel').isVisible()).toBe(false);

    expect(await inked(page, 'resources')).toBeGreaterThan(2_000);
    expect(await inked(page, 'measures')).toBeGreaterThan(1_000);
    const resources = await chartTable(page, 'resources');
    expect(resources[0]).toEqual(['Goal', 'FY2025 Enacted', 'FY2026 Request']);
    const g3 = summary.goals.find((g) => g.goalId === 'G3');
    expect(resources[3]).toEqual(['G3 Technology', '125,000', '150,000']);
    expect(g3?.totals.find((t) => t.series === 'FY2026 Request')?.amount).toBe(150_000);
    const measures = await chartTable(page, 'measures');
    expect(measures[0]).toEqual(['Goal', 'Met', 'Not Met', 'Improved']);
    expect(measures.slice(1)).toEqual([
      ['G1 Real Estate', '1', '1', '0'],
      ['G2 Acquisition', '0', '0', '1'],
      ['G3 Technology', '1', '0', '0'],
      ['G4 Service to the Public', '1', '1', '0'],
    ]);
    // Each chart fits the pane: nothing drawn past its right edge.
    for (const chart of ['resources', 'measures']) {
      const box = await page.locator(`[data-chart="${chart}"] canvas`).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
      expect(box?.height ?? 0).toBeGreaterThan(150);
    }
    await page.close();
  }, 60_000);

  it('Given the output tables, then the budget year is in view beside the pinned label and the tabs stay on one row', async () => {
    const { page } = await upload(width, 'clean');
    const preview = page.getByTestId('preview');
    const table = preview.locator('[data-table="ResourcesByGoal"] table.grid');
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.slice(0, 4)).toEqual(['Name', 'FY2026 Request', 'FY2025 Enacted', 'Change BY vs CY']);
    const by = await table.locator('thead th', { hasText: 'FY2026 Request' }).boundingBox();
    expect(by).not.toBeNull();
    expect((by?.x ?? 0) + (by?.width ?? Infinity)).toBeLessThanOrEqual(width);
    // The pinned label stays at the left when the table is scrolled sideways.
    await preview.locator('.scroll').evaluate((el) => (el.scrollLeft = 400));
    const pinned = await table.locator('tbody th.pin').first().boundingBox();
    const frame = await preview.locator('.scroll').boundingBox();
    expect(Math.round(pinned?.x ?? -1)).toBe(Math.round((frame?.x ?? 0) + 1));

    const tabs = preview.locator('[role=tab]:visible');
    const tops = new Set(
      await tabs.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))),
    );
    expect(tops.size).toBe(1);
    const more = page.getByTestId('tab-more');
    if (width === 360) {
      // Twelve tables do not fit in 360 px: the rest are in the menu, and choosing one there shows it.
      expect(await more.isVisible()).toBe(true);
      await more.click();
      const menu = page.getByTestId('tab-menu');
      expect(await menu.isVisible()).toBe(true);
      await menu.getByRole('menuitemradio', { name: 'Issues' }).click();
      expect(await menu.isVisible()).toBe(false);
      expect(await more.textContent()).toBe('Issues ▾');
      expect(await preview.locator('[role=tabpanel]').getAttribute('data-table')).toBe('Issues');
    } else {
      expect(await preview.locator('[role=tab]', { hasText: 'PerformanceTrend' }).isVisible()).toBe(true);
    }
    await page.close();
  }, 60_000);
});

describe('the browser pane, before a run', () => {
  it('Given a text file named like a workbook, then the refusal names the file once and says the reason once', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 700 });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-mode="browser"]');
    await page.getByTestId('file').setInputFiles({
      name: 'notes.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('Account,Amount\n047-00-0110,1000\n'),
    });
    const failure = page.getByTestId('failure');
    await failure.waitFor();
    await page.screenshot({ path: join(artifacts, 'pane-refused-360.png'), fullPage: true });
    const results = (await page.locator('.results').textContent()) ?? '';
    expect(results.split('notes.xlsx').length - 1).toBe(1);
    expect(await failure.locator('.error-heading').textContent()).toMatch(/: notes\.xlsx$/);
    const sentence = (await failure.locator('p').nth(1).textContent()) ?? '';
    expect(sentence).toMatch(/text or CSV file/);
    expect(results.split(sentence).length - 1).toBe(1);
    await page.close();
  }, 30_000);

  it('Given no Excel, when the blank template is downloaded, then it holds the sheets and tables Insert template adds and the engine reads it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-mode="browser"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('template').click(),
    ]);
    const year = fiscalYear(new Date());
    expect(download.suggestedFilename()).toBe(`throughline-template-FY${year}.xlsx`);
    const file = join(dist, 'template.xlsx');
    await download.saveAs(file);
    const grids = await readWorkbookGrids(readFileSync(file));
    const expected = templateSheets(year);
    const tables = grids.tables.filter((t) => t.source === 'table');
    expect(tables.map((t) => [t.sheet, t.name])).toEqual(expected.map((t) => [t.sheet, t.table]));
    for (const t of expected) expect(tables.find((g) => g.name === t.table)?.header).toEqual(t.columns);
    // A blank template is incomplete, not broken: the engine says what to fill in.
    const { issues } = runEngine(grids);
    expect(issues.some((i) => i.sheet === 'Budget')).toBe(true);
    await page.close();
  }, 30_000);
});
