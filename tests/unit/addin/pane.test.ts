import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_SHEETS, type MoneyDisplay } from '../../../models';
import { engineClient, EngineError } from '../../../addin/pane/engineClient';
import {
  fiscalYear,
  formatCell,
  formatChange,
  formatMoney,
  formatPercent,
  unitsLabel,
} from '../../../addin/pane/format';
import { percentPlaces } from '../../../addin/pane/percentStyles';
import { apiRoot, checkEngineUrl, loadEngineUrl, saveEngineUrl } from '../../../addin/pane/settings';
import { previewTables } from '../../../addin/pane/xlsxPreview';
import { crosswalkXlsx } from '../../../server/pipeline';

const thousands: MoneyDisplay = { units: 'Thousands', decimals: 0 };

describe('the pane, apart from the DOM', () => {
  it('shows money as a budget office writes it', () => {
    expect(formatMoney(1234567, thousands)).toBe('1,234,567');
    expect(formatMoney(-33600, thousands)).toBe('(33,600)');
    expect(formatChange(25000, thousands)).toBe('+25,000');
    expect(formatMoney(12.5, { units: 'Dollars', decimals: 2 })).toBe('12.50');
    expect(formatCell(0.4, 'share', thousands)).toBe('40.00%');
    // A negative percent in parentheses, like the amounts beside it (and as the workbook's format shows it).
    expect(formatCell(-0.0945, 'share', thousands)).toBe('(9.45%)');
    expect(formatCell(0, 'money', thousands)).toBe('-');
    expect(formatCell(2018, 'year', thousands)).toBe('2018');
    expect(formatCell(3.254, 'ratio', thousands)).toBe('3.25x');
    expect(unitsLabel(thousands)).toBe('dollars in thousands');
  });

  it('takes an engine address only when it is one, and remembers it', () => {
    expect(checkEngineUrl('  ')).toEqual({ ok: true, url: '' });
    expect(checkEngineUrl('https://engine.example.gov/')).toEqual({
      ok: true,
      url: 'https://engine.example.gov',
    });
    expect(checkEngineUrl('engine.example.gov')).toMatchObject({ ok: false });
    expect(checkEngineUrl('ftp://engine.example.gov')).toMatchObject({ ok: false });
    expect(apiRoot('', 'https://localhost:3000')).toBe('https://localhost:3000/api/v1/');
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    saveEngineUrl(storage, 'https://engine.example.gov');
    expect(loadEngineUrl(storage)).toBe('https://engine.example.gov');
    saveEngineUrl(storage, '');
    expect(loadEngineUrl(storage)).toBe('');
  });

  it('names the federal fiscal year a date falls in', () => {
    expect(fiscalYear(new Date(2025, 8, 30))).toBe(2025);
    expect(fiscalYear(new Date(2025, 9, 1))).toBe(2026);
  });

  it('Given an engine that answers with a problem, then the pane says the problem’s own words', async () => {
    const problem = {
      type: 'https://throughline.dev/problems/unreadable-workbook',
      title: 'The workbook cannot be read',
      status: 422,
      detail: 'It is password-protected. Save a copy without a password and try again.',
      instance: '/api/v1/workbook',
      requestId: 'r1',
    };
    const client = engineClient(
      'http://engine.test/api/v1/',
      async () =>
        new Response(JSON.stringify(problem), {
          status: 422,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    // Title and detail apart, each said once: the pane heads the refusal with the title and the file's name.
    const refused = client.workbook(new ArrayBuffer(4), 'budget.xlsx');
    await expect(refused).rejects.toThrow(
      /^It is password-protected\. Save a copy without a password and try again\.$/,
    );
    await expect(refused).rejects.toMatchObject({ title: 'The workbook cannot be read' });
    const down = engineClient('http://engine.test/api/v1/', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(down.validate({ tables: [] })).rejects.toThrow(EngineError);
    await expect(down.validate({ tables: [] })).rejects.toThrow(
      /Cannot reach the Throughline engine at http:\/\/engine.test/,
    );
  });

  it('Given the crosswalk workbook the engine returns, then the preview has each output table’s title, header and first rows', async () => {
    const input = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx'));
    const { result, output } = await crosswalkXlsx(input);
    const tables = await previewTables(new Uint8Array(output), OUTPUT_SHEETS, 50);
    // Every table the engine wrote, in the pane's order (OUTPUT_SHEETS), whatever order the engine shapes them in.
    expect(tables.map((t) => t.name).sort()).toEqual(result.tables.map((t) => t.name).sort());
    for (const table of result.tables) {
      const preview = tables.find((t) => t.name === table.name);
      expect(preview?.title).toBe(table.title);
      expect(preview?.header).toEqual(table.columns.map((c) => c.name));
      expect(preview?.totalRows).toBe(Math.max(1, table.rows.length));
      const width = table.columns.length;
      const padded = (row: readonly unknown[]) => Array.from({ length: width }, (_, c) => row[c] ?? null);
      expect(preview?.rows.map(padded)).toEqual(table.rows.slice(0, 50).map(padded));
    }
  });

  it('Given a rate measure the workbook prints as a percent, then the preview shows it as the workbook does (3.2%), not as the fraction it holds', async () => {
    const input = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'gsa-fy2018.xlsx'));
    const { output } = await crosswalkXlsx(input);
    const [trend] = await previewTables(new Uint8Array(output), ['PerformanceTrend'], 50);
    const id = trend?.header.indexOf('Measure ID') ?? -1;
    const r = trend?.rows.findIndex((row) => row[id] === '1.1.1') ?? -1;
    const row = trend?.rows[r] ?? [];
    // GSA's vacancy rate is written 0.032; every number on its row is a percent at one place.
    const shown = row.flatMap((v, c) =>
      typeof v === 'number' && trend?.percents[r]?.[c] !== null
        ? [formatPercent(v, trend?.percents[r]?.[c] as number)]
        : [],
    );
    expect(shown).toContain('3.2%');
    // An amount is not a percent: ResourcesByGoal's series columns hold none.
    const [rbg] = await previewTables(new Uint8Array(output), ['ResourcesByGoal'], 5);
    const series = rbg?.header.findIndex((h) => /^FY\d{4} /.test(h)) ?? -1;
    expect(series).toBeGreaterThan(-1);
    expect(rbg?.rows.length).toBeGreaterThan(0);
    expect(rbg?.percents.map((p) => p[series] ?? null).every((p) => p === null)).toBe(true);
  });

  it.each([
    ['0.0%', 1],
    ['0%', 0],
    ['#,##0.00%;(#,##0.00%)', 2],
    ['"100%" 0.00', null],
    ['#,##0.00', null],
  ])('Given the number format %s, then its percent places are %s', (code, places) => {
    expect(percentPlaces(code)).toBe(places);
  });
});
