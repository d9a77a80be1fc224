import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CellValue } from '../../../models';
import { runEngine } from '../../../server/engine';
import { rowsOf } from '../../helpers/outputs';
import { grid, minimalWorkbook } from '../../helpers/workbook';

/**
 * PerformanceTrend: the annual performance report's table. Checked against GSA's FY2018 Annual Performance
 * Report as published (examples/data), and on small hand-made cases for the latest status and explanation.
 */

describe('PerformanceTrend on the GSA FY2018 Annual Performance Report', () => {
  const csv = readFileSync(join(__dirname, '../../../examples/data/gsa-fy2018-apr.csv'), 'utf8');
  const [header = [], ...rows] = parse(csv) as string[][];
  const asCell = (text: string): CellValue => (text === '' ? null : text);
  const result = runEngine(
    minimalWorkbook({
      Goals: null,
      Objectives: null,
      Measures: null,
      Results: null,
      Crosswalk: [
        ['Account', 'Goal ID', 'Share'],
        ['023-05-0110', 'G1', '100%'],
      ],
      Performance: grid('Performance', [header.map(asCell), ...rows.map((r) => r.map(asCell))]),
    }),
  );
  const trend = rowsOf(result, 'PerformanceTrend');
  const col = (name: string) => header.indexOf(name);
  const num = (s: string | undefined) => (s && s.trim() !== '' ? Number(s.trim()) : null);

  test('Given the real report, when the trend is built, then it has one row per KPI and the latest five years with results, the years after FY2018 as targets only', () => {
    expect(trend).toHaveLength(28);
    expect(Object.keys(trend[0] ?? {}).filter((k) => /^FY\d{4} (Target|Actual)$/.test(k))).toEqual([
      ...[2016, 2017, 2018].flatMap((y) => [`FY${y} Target`, `FY${y} Actual`]),
      'FY2019 Target',
      'FY2020 Target',
    ]);
    // No column is empty on every row.
    const table = result.tables.find((t) => t.name === 'PerformanceTrend');
    const yearColumns = (table?.columns ?? []).flatMap((c, i) => (/^FY\d{4} /.test(c.name) ? [i] : []));
    for (const i of yearColumns) expect(table?.rows.some((row) => row[i] !== null)).toBe(true);
  });

  test('Given the real report, when the trend is built, then every FY2016–FY2018 target and actual is the published figure', () => {
    let compared = 0;
    for (const r of rows) {
      const year = Number(r[col('Year')]);
      if (year < 2016 || year > 2018) continue;
      const kpi = (r[col('KPI')] ?? '').replace(/\s+/g, ' ').trim();
      const row = trend.find((t) => (t.Measure as string).replace(/\s+/g, ' ').trim() === kpi);
      expect({ kpi, found: row !== undefined }).toEqual({ kpi, found: true });
      expect([kpi, year, row?.[`FY${year} Target`], row?.[`FY${year} Actual`]]).toEqual([
        kpi,
        year,
        num(r[col('Target')]),
        num(r[col('Actual')]),
      ]);
      compared += 1;
    }
    expect(compared).toBe(83);
  });

  test('Given the real report, when statuses are judged, then each FY2018 status follows the target, actual and direction as published', () => {
    let judged = 0;
    for (const r of rows) {
      if (r[col('Year')] !== '2018') continue;
      const kpi = (r[col('KPI')] ?? '').replace(/\s+/g, ' ').trim();
      const row = trend.find((t) => (t.Measure as string).replace(/\s+/g, ' ').trim() === kpi);
      const target = num(r[col('Target')]);
      const actual = num(r[col('Actual')]);
      const direction = (r[col('Desired Direction')] ?? '').trim();
      if (row?.['Latest Year'] !== 'FY2018' || target === null || actual === null) continue;
      const met =
        direction === 'Increase' ? actual >= target : direction === 'Decrease' ? actual <= target : null;
      if (met === null) continue;
      expect([kpi, row.Status]).toEqual([kpi, met ? 'Met' : expect.stringMatching(/^(Not Met|Improved)$/)]);
      judged += 1;
    }
    expect(judged).toBeGreaterThan(15);
  });
});

describe('PerformanceTrend: latest status and explanation', () => {
  const run = (results: readonly (readonly CellValue[])[]) =>
    rowsOf(
      runEngine(
        minimalWorkbook({
          Measures: [
            ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction', 'Priority Goal'],
            ['M1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase', 'Yes'],
          ],
          Results: [
            ['Measure ID', 'Fiscal Year', 'Target', 'Actual', 'Explanation', 'Data Available'],
            ...results,
          ],
        }),
      ),
      'PerformanceTrend',
    )[0];

  test('Given a missed target with an explanation, when the trend is built, then the row shows Not Met, the explanation and the priority goal flag', () => {
    const row = run([
      ['M1', 2017, 100, 90, null, null],
      ['M1', 2018, 100, 80, 'Two leases slipped to FY2019.', null],
    ]);
    expect([row?.['Priority Goal'], row?.['Latest Year'], row?.Status, row?.Explanation]).toEqual([
      'Yes',
      'FY2018',
      'Not Met',
      'Two leases slipped to FY2019.',
    ]);
  });

  test('Given targets after the latest actual, when the trend is built, then the latest status is that of the last reported year and future years show their targets', () => {
    const row = run([
      ['M1', 2018, 100, 120, null, null],
      ['M1', 2019, 130, null, null, 'December 2019'],
    ]);
    expect([
      row?.['Latest Year'],
      row?.Status,
      row?.['FY2019 Target'],
      'FY2019 Actual' in (row ?? {}),
    ]).toEqual(['FY2018', 'Met', 130, false]);
  });

  test('Given only a future target, when the trend is built, then it is Pending and says when its data are due', () => {
    const row = run([['M1', 2019, 130, null, null, 'December 2019']]);
    expect([row?.Status, row?.Explanation]).toEqual(['Pending', 'Data available December 2019.']);
  });
});
