import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import type { Issue } from '../../../models';
import { bannerModel } from '../../../addin/pane/bannerModel';
import { measuresChart, resourcesChart } from '../../../addin/pane/chartData';
import { EngineError } from '../../../addin/pane/engineClient';
import { issueEntries } from '../../../addin/pane/issueRuns';
import { previewLayout } from '../../../addin/pane/previewColumns';
import { templateXlsx } from '../../../addin/pane/templateXlsx';
import { templateSheets } from '../../../addin/excel/template';
import { runEngine } from '../../../server/engine';
import { readWorkbookGrids } from '../../../server/xlsx';
import { grid, workbook } from '../../helpers/workbook';
import { paneWorkbook, type PaneWorkbook } from '../../e2e/workbooks';

/** The pane's results, apart from the DOM: what the banner says, how issues fold, column order, chart data, template. */

const run = (kind: PaneWorkbook) =>
  runEngine(workbook(...Object.entries(paneWorkbook(kind)).map(([name, rows]) => grid(name, rows))));

const issue = (code: string, cell: string, severity: Issue['severity'] = 'warning'): Issue => ({
  severity,
  code,
  message: `${code} at ${cell}`,
  sheet: 'Budget',
  cell,
});

describe('the result banner', () => {
  it('Given errors, then it leads with how many, says the results are incomplete, and what each sheet’s errors affect', () => {
    const { summary, issues } = run('errors');
    const banner = bannerModel(summary, issues);
    expect(banner.tone).toBe('error');
    expect(banner.title).toBe(
      '3 errors: these results are incomplete. Fix them in the workbook and run again before using the figures.',
    );
    expect(banner.lines).toEqual([
      'What the errors affect:',
      'Budget (1 error): the amounts or lines are left out of every total.',
      'Crosswalk (1 error): the rows are not used, so those lines’ shares count as Unmapped.',
      'Results (1 error): those results are left out, so the measures are judged without them.',
      '1 Budget amount could not be read (Budget!G6) and is left out of every total.',
      'Totals marked ⚠ are short by at least one of them (G4).',
    ]);
  });

  it('Given warnings only, then the results are ready with something to review; given none, it says so', () => {
    const warnings = run('warnings');
    expect(bannerModel(warnings.summary, warnings.issues)).toEqual({
      tone: 'warning',
      title: 'Results ready, with 16 warnings to review: each says what it changed or assumed.',
      lines: [],
    });
    const clean = run('clean');
    expect(bannerModel(clean.summary, clean.issues)).toEqual({
      tone: 'ok',
      title: 'Results ready: every cell read cleanly.',
      lines: [],
    });
  });
});

describe('issues folded for the pane', () => {
  it('Given sixteen issues of one code among others, then they are one group where the first was, and pairs stay apart', () => {
    const issues = [
      issue('AMOUNT_INVALID', 'G6', 'error'),
      ...Array.from({ length: 16 }, (_, i) => issue('BUDGET_LINE_UNMAPPED', `A${7 + i}`)),
      issue('CROSSWALK_RULE_UNUSED', 'A2'),
      issue('CROSSWALK_RULE_UNUSED', 'A3'),
      // The same code at another severity is another kind of problem.
      issue('BUDGET_LINE_UNMAPPED', 'A40', 'info'),
    ];
    const entries = issueEntries(issues);
    expect(entries.map((e) => (e.kind === 'one' ? e.issue.cell : `${e.code}×${e.issues.length}`))).toEqual([
      'G6',
      'BUDGET_LINE_UNMAPPED×16',
      'A2',
      'A3',
      'A40',
    ]);
  });

  it('Given a refusal whose issue repeats its sentence, then no issue is left to show twice', () => {
    const said = 'This looks like a text or CSV file, not an Excel .xlsx workbook.';
    const repeat: Issue = {
      severity: 'error',
      code: 'WORKBOOK_UNREADABLE',
      message: said,
      sheet: '',
      cell: '',
    };
    expect(new EngineError(said, [repeat], 'Not an Excel workbook').moreIssues).toEqual([]);
    const placed = { ...repeat, sheet: 'ResourcesByGoal' };
    expect(new EngineError(said, [placed]).moreIssues).toEqual([placed]);
  });
});

describe('preview columns, amounts first', () => {
  const years = { budget: 'FY2026 Request', current: 'FY2025 Enacted', prior: 'FY2024 Actual' };

  it('Given ResourcesByGoal, then the name is pinned with its IDs under it and BY, CY and the change come first', () => {
    const header = [
      'Level',
      'Goal ID',
      'Objective ID',
      'Name',
      'Amount Type',
      'FY2024 Actual',
      'FY2025 Enacted',
      'FY2026 Request',
      'Change BY vs CY',
      'Change %',
      'Share of Total',
    ];
    const layout = previewLayout('ResourcesByGoal', header, years);
    const names = (indices: number[]) => indices.map((i) => header[i]);
    expect(header[layout.label ?? -1]).toBe('Name');
    expect(names(layout.context)).toEqual(['Level', 'Goal ID', 'Objective ID', 'Amount Type']);
    expect(names(layout.order)).toEqual([
      'FY2026 Request',
      'FY2025 Enacted',
      'Change BY vs CY',
      'Change %',
      'FY2024 Actual',
      'Share of Total',
    ]);
    expect(layout.formats[header.indexOf('FY2026 Request')]).toBe('money');
  });

  it('Given a trend by year, then the latest year comes first and text comes last', () => {
    const header = [
      'Goal',
      'Measure ID',
      'Measure',
      'FY2023 Actual',
      'FY2024 Actual',
      'FY2025 Actual',
      'Explanation',
    ];
    const layout = previewLayout('PerformanceTrend', header, { budget: null, current: null, prior: null });
    expect(layout.order.map((i) => header[i])).toEqual([
      'FY2025 Actual',
      'FY2024 Actual',
      'FY2023 Actual',
      'Goal',
      'Explanation',
    ]);
  });

  it('Given a trend with targets for years not yet reported, then the latest result and its target come first, then the years ahead, next year first', () => {
    const header = [
      'Measure',
      'FY2017 Target',
      'FY2017 Actual',
      'FY2018 Target',
      'FY2018 Actual',
      'FY2019 Target',
      'FY2020 Target',
      'Explanation',
    ];
    const layout = previewLayout('PerformanceTrend', header, { budget: null, current: null, prior: null });
    expect(layout.order.map((i) => header[i])).toEqual([
      'FY2018 Actual',
      'FY2018 Target',
      'FY2017 Actual',
      'FY2017 Target',
      'FY2019 Target',
      'FY2020 Target',
      'Explanation',
    ]);
  });
});

describe('chart data', () => {
  it('Given PY, CY and BY, then resources by goal compares CY with BY under their labels, and a goal short by "TBD" is marked', () => {
    const { summary } = run('errors');
    expect(resourcesChart(summary)).toEqual({
      goals: ['G1', 'G2', 'G3', 'G4'],
      names: ['Real Estate', 'Acquisition', 'Technology', 'Service to the Public'],
      marked: ['G4'],
      series: [
        { label: 'FY2025 Enacted', values: [526_300, 61_900, 125_000, 54_600] },
        { label: 'FY2026 Request', values: [531_050, 66_400, 150_000, 0] },
      ],
    });
  });

  it('Given measures met, missed and improved, then each status any goal has is one stack, in the contract’s order', () => {
    const { summary } = run('clean');
    expect(measuresChart(summary).series).toEqual([
      { label: 'Met', values: [1, 0, 1, 1] },
      { label: 'Not Met', values: [1, 0, 0, 1] },
      { label: 'Improved', values: [0, 1, 0, 0] },
    ]);
  });
});

describe('the blank template built in the browser', () => {
  const year = 2026;
  const bytes = templateXlsx(year);

  it('is a package of well-formed XML parts, each sheet with its table', () => {
    const parts = unzipSync(bytes);
    const sheets = templateSheets(year);
    for (let i = 1; i <= sheets.length; i++) {
      expect(parts[`xl/worksheets/sheet${i}.xml`]).toBeDefined();
      expect(parts[`xl/tables/table${i}.xml`]).toBeDefined();
    }
    for (const [name, data] of Object.entries(parts)) {
      const parser = new SaxesParser({ xmlns: true });
      let error: Error | null = null;
      parser.on('error', (e) => (error = e));
      parser.write(strFromU8(data)).close();
      expect([name, error]).toEqual([name, null]);
    }
  });

  it('reads back as the same tables Insert template adds, header, text-formatted codes and Settings defaults included', async () => {
    const grids = await readWorkbookGrids(Buffer.from(bytes));
    const tables = grids.tables.filter((t) => t.source === 'table');
    const expected = templateSheets(year);
    expect(tables.map((t) => [t.sheet, t.name, t.topLeft])).toEqual(
      expected.map((t) => [t.sheet, t.table, 'A3']),
    );
    for (const t of expected) expect(tables.find((g) => g.name === t.table)?.header).toEqual(t.columns);
    expect(tables.find((t) => t.name === 'Settings')?.rows.slice(0, 2)).toEqual([
      ['Agency'],
      ['Units', 'Dollars'],
    ]);
    expect(tables.find((t) => t.name === 'Budget')?.header).toEqual(
      expect.arrayContaining(['FY2025 Actual', 'FY2026 Enacted', 'FY2027 Request']),
    );
    // Account is formatted as text (style 3, number format @), so 0110 keeps its leading zero once typed.
    const budget = strFromU8(unzipSync(bytes)['xl/worksheets/sheet2.xml'] as Uint8Array);
    expect(budget).toContain('<c r="A4" s="3"/>');
  });
});
