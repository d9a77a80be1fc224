import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WorkbookJsonResponse } from '../../models';
import { buildAddin } from '../../addin/build/build';
import { serverConfig, startServer, type RunningServer } from '../../server/http';
import { artifacts, launchChromium, type Browser } from './browser';

/**
 * The browser page with DATA Act CSVs: File A and File B picked beside the example workbook that has no File A
 * or File B sheet, sent as the form fields fileA and fileB, and the TieOut table shown; a bad CSV refused with
 * its file and line. Headless Chromium at 360 px, the task pane's width.
 */
const DIR = join(__dirname, '..', '..', 'examples', 'data-act');

let dist: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'tl-pane-data-act-'));
  await buildAddin({ outDir: dist });
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

async function browserPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-mode="browser"]');
  return page;
}

describe('the browser page with File A and File B CSVs', () => {
  it('Given the two findings CSVs picked, when the example workbook is chosen, then all three are sent and the TieOut table shows the findings', async () => {
    const page = await browserPage();
    expect(await page.getByTestId('csvs-alone').isDisabled()).toBe(true);
    await page.getByTestId('file-a').setInputFiles(join(DIR, 'file-a-findings.csv'));
    await page.getByTestId('file-b').setInputFiles(join(DIR, 'file-b-findings.csv'));
    expect(await page.getByTestId('csvs-alone').isDisabled()).toBe(false);

    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/workbook'));
    await page.getByTestId('file').setInputFiles(join(DIR, 'data-act-crosswalk.xlsx'));
    const body = WorkbookJsonResponse.parse(await (await answered).json());
    // The workbook went as `file` (its goals, its name on the output), the CSVs as fileA and fileB (13 findings).
    expect(body.filename).toBe('data-act-crosswalk-crosswalk.xlsx');
    expect(body.summary.goals.map((g) => g.goalId)).toEqual(['G1', 'G2']);
    expect(body.issues.filter((i) => /^DATA_ACT_[AB]\d/.test(i.code))).toHaveLength(13);

    await page.waitForSelector('[data-testid=preview]');
    const status = page.getByTestId('status');
    expect(await status.textContent()).toContain('data-act-crosswalk.xlsx + file-a-findings.csv + file-b-findings.csv');
    const preview = page.getByTestId('preview');
    const tieOutTab = preview.locator('[role=tab][data-tab="TieOut"]');
    if (await tieOutTab.isVisible()) await tieOutTab.click();
    else {
      await page.getByTestId('tab-more').click();
      await page.getByTestId('tab-menu').getByRole('menuitemradio', { name: 'TieOut' }).click();
    }
    const panel = preview.locator('[role=tabpanel][data-table="TieOut"]');
    expect(await panel.locator('tbody tr').count()).toBe(13);
    expect(await panel.locator('tbody').textContent()).toContain('B29');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'pane-data-act-360.png') });
    // Nothing wider than the pane: the CSV pickers fit in 360 px.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.close();
  }, 60_000); // prettier-ignore

  it('Given a malformed File B CSV, when the CSVs are tied out alone, then the refusal names the file and its line', async () => {
    const page = await browserPage();
    const bad = join(dist, 'broken-b.csv');
    writeFileSync(bad, 'AgencyIdentifier,MainAccountCode\n047,4542\n047,"4542\n');
    await page.getByTestId('file-b').setInputFiles(bad);
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/workbook'));
    await page.getByTestId('csvs-alone').click();
    expect((await answered).status()).toBe(422);
    const failure = page.getByTestId('failure');
    await failure.waitFor();
    const text = await failure.textContent();
    expect(text).toContain('CSV cannot be read: broken-b.csv');
    expect(text).toContain('broken-b.csv, line 3: a quoted field opens here and is never closed.');
    await page.screenshot({ path: join(artifacts, 'pane-data-act-refused-360.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
