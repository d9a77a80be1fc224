import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputTable } from '../../models';
import { crosswalkXlsx, type XlsxRun } from '../../server/pipeline';
import { writeCrosswalkWorkbook } from '../../server/xlsx';
import { sheetPartsByName, zipEntries } from '../fixtures/package/inspect';
import { cleanup, keepOnlySheets, renderPdf, type Pdf } from './printRender';

/**
 * Every output sheet prints as a budget exhibit: the GSA example's output, rendered to PDF by LibreOffice, is
 * landscape throughout, ResourcesByGoal fits one page wide, the header row repeats on every page and the footer
 * names agency, basis, units and source. LibreOffice and poppler must be installed: nothing here is skipped.
 */
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'gsa-fy2018.xlsx');
let run: XlsxRun;
let outputs: Pdf;
const dirs: string[] = [];

beforeAll(async () => {
  run = await crosswalkXlsx(readFileSync(EXAMPLE));
  const names = run.result.tables.map((t) => t.name);
  outputs = renderPdf(await keepOnlySheets(run.output, names), 'outputs');
  dirs.push(outputs.dir);
}, 240_000);

afterAll(() => dirs.forEach(cleanup));

describe('output sheets print as exhibits (GSA example, LibreOffice)', () => {
  it('prints every page of every output sheet landscape', () => {
    expect(outputs.pages).toBeGreaterThanOrEqual(run.result.tables.length);
    expect(outputs.sizes).toHaveLength(outputs.pages);
    for (const size of outputs.sizes) expect(size.width).toBeGreaterThan(size.height);
  });

  it('puts agency, basis, units, source and a run date in every footer', () => {
    for (let page = 1; page <= outputs.pages; page++) {
      // The footer's small print comes out of pdftotext with stray spaces inside words: compare without any.
      const text = outputs.text(page).replace(/\s+/g, '');
      expect(text).toContain('GeneralServicesAdministration,resources(budgetauthority),dollarsinthousands');
      expect(text).toContain('Source:Throughline');
      expect(text).toMatch(/Run\d{1,2}\/\d{1,2}\/\d{2,4},page\d+of\d+/);
    }
  });

  it('fits ResourcesByGoal on one page wide, every column header on page 1', async () => {
    const pdf = renderPdf(await keepOnlySheets(run.output, ['ResourcesByGoal']), 'resources');
    dirs.push(pdf.dir);
    const table = run.result.tables.find((t) => t.name === 'ResourcesByGoal');
    expect(table).toBeDefined();
    expect(pdf.pages).toBe(1);
    const page1 = pdf.text(1).replace(/\s+/g, ' ');
    for (const column of table?.columns ?? []) expect(page1).toContain(column.name);
    pdf.png(1, join(pdf.dir, 'resources.png'));
  }, 120_000);

  it('prints PerformanceTrend one page wide with rates as percents at their precision, never as fractions', async () => {
    const pdf = renderPdf(await keepOnlySheets(run.output, ['PerformanceTrend']), 'trend');
    dirs.push(pdf.dir);
    const table = run.result.tables.find((t) => t.name === 'PerformanceTrend');
    const page1 = pdf.text(1).replace(/\s+/g, ' ');
    for (const column of table?.columns ?? []) expect(page1).toContain(column.name);
    // GSA's 1.1.1, "Percent of vacant space in inventory", is written 0.032 in its Results: it prints 3.2%.
    const vacancy = pdf
      .text(1)
      .split('\n')
      .find((line) => line.includes('Percent of vacant space'));
    expect(vacancy).toMatch(/3\.2%/);
    expect(pdf.text(1)).not.toMatch(/\b0\.032\b/);
    pdf.png(1, join(pdf.dir, 'trend.png'));
  }, 120_000);

  it('repeats the header row on every page of a sheet that runs to several', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`Line ${i + 1}`, (i + 1) * 1000]);
    const table: OutputTable = {
      name: 'CrosswalkDetail',
      title: 'Three hundred lines',
      columns: [
        { name: 'Budget Line', format: 'text' },
        { name: 'Amount Shown', format: 'money' },
      ],
      rows,
    };
    const money = { units: 'Thousands', decimals: 0 } as const;
    const pdf = renderPdf(await writeCrosswalkWorkbook(null, [table], money), 'long');
    dirs.push(pdf.dir);
    expect(pdf.pages).toBeGreaterThan(2);
    for (let page = 1; page <= pdf.pages; page++)
      expect(pdf.text(page)).toMatch(/Budget Line\s+Amount Shown/);
    expect(pdf.text(pdf.pages)).toContain('Line 300');
  }, 120_000);
});

describe('the Summary sheet with its two native charts (GSA example)', () => {
  it('prints on one landscape page with both charts, whose series point at the Summary’s cells', async () => {
    const pdf = renderPdf(await keepOnlySheets(run.output, ['Summary']), 'summary');
    dirs.push(pdf.dir);
    expect(pdf.pages).toBe(1);
    expect(pdf.sizes[0]?.width).toBeGreaterThan(pdf.sizes[0]?.height ?? Infinity);
    const text = pdf.text(1).replace(/\s+/g, ' ');
    expect(text).toContain('Resources by goal'); // the first chart's title
    expect(text).toContain('Measures by status per goal'); // the second's
    pdf.png(1, join(pdf.dir, 'summary.png'));

    const parts = await zipEntries(run.output);
    const drawingRels = parts.get('xl/drawings/_rels/drawing1.xml.rels')?.toString() ?? '';
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    const sheets = await sheetPartsByName(run.output);
    expect(sheets.get('Summary')?.toString()).toContain('<drawing r:id="rId2"/>');
    expect(parts.get('xl/charts/chart1.xml')?.toString()).toContain(
      '<c:f>&apos;Summary&apos;!$D$5:$D$8</c:f>',
    );
    const types = parts.get('[Content_Types].xml')?.toString() ?? '';
    expect(types).toContain('PartName="/xl/charts/chart2.xml"');
  }, 120_000);

  it('replaces the charts cleanly on a re-run: the same parts, no orphans', async () => {
    const again = (await crosswalkXlsx(run.output)).output;
    const first = [...(await zipEntries(run.output)).keys()].filter((n) => /chart|drawing/.test(n)).sort();
    const second = [...(await zipEntries(again)).keys()].filter((n) => /chart|drawing/.test(n)).sort();
    expect(second).toEqual(first);
    expect(first).toHaveLength(4);
  }, 120_000);
});
