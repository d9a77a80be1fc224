import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import type { CellValue, WorkbookModel } from '../../../models';
import { readWorkbook } from '../../../server/engine';
import { issuesWith, placesOf } from '../../helpers/outputs';
import { grid, minimalWorkbook, type Row } from '../../helpers/workbook';

const HEADER = [
  'Goal',
  'Objective',
  'Measure',
  'Year',
  'Target',
  'Actual',
  'Min Target',
  'Max Target',
  'Unit',
  'Direction',
];

/** A workbook whose plan comes from a flat Performance table instead of Goals/Objectives/Measures/Results. */
function withPerformance(rows: readonly Row[]) {
  return minimalWorkbook({
    Goals: null,
    Objectives: null,
    Measures: null,
    Results: null,
    Performance: [HEADER, ...rows],
  });
}

const measureNamed = (model: WorkbookModel, name: string) => model.measures.find((m) => m.name === name);
const resultOf = (model: WorkbookModel, measureId: string, year: number) =>
  model.results.find((r) => r.measureId === measureId && r.year === year);

describe('the flat Performance table', () => {
  test('Given goals, objectives and measures by name, when read, then IDs are generated in order of first appearance', () => {
    const { model } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce cost',
          'Vacant space',
          2018,
          0.03,
          0.033,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
        [
          'Real Estate',
          'Reduce cost',
          'Leases at market',
          2018,
          0.9,
          0.95,
          null,
          null,
          'Percentage',
          'Increase',
        ],
        [
          'Real Estate',
          'Better service',
          'Tenant satisfaction',
          2018,
          0.8,
          0.7,
          null,
          null,
          'Percentage',
          'Increase',
        ],
        ['Acquisition', 'Savings', 'Program savings', 2018, 6.8, 7.1, null, null, 'Billions', 'Increase'],
      ]),
    );
    expect(model.goals.map((g) => [g.id, g.name])).toEqual([
      ['G1', 'Real Estate'],
      ['G2', 'Acquisition'],
    ]);
    expect(model.objectives.map((o) => [o.id, o.goalId, o.name])).toEqual([
      ['1.1', 'G1', 'Reduce cost'],
      ['1.2', 'G1', 'Better service'],
      ['2.1', 'G2', 'Savings'],
    ]);
    expect(model.measures.map((m) => [m.id, m.objectiveId, m.kind, m.direction])).toEqual([
      ['1.1.1', '1.1', 'Rate', 'Decrease'],
      ['1.1.2', '1.1', 'Rate', 'Increase'],
      ['1.2.1', '1.2', 'Rate', 'Increase'],
      ['2.1.1', '2.1', 'Currency', 'Increase'],
    ]);
    expect(measureNamed(model, 'Program savings')?.currencyScale).toBe(1e9);
    expect(resultOf(model, '1.1.1', 2018)).toMatchObject({
      target: 0.03,
      actual: 0.033,
      loc: { sheet: 'Performance', cell: 'D2' },
    });
  });

  test('Given an objective spelled two ways (case and a trailing period), when read, then it is one objective and PERFORMANCE_NAMES_MERGED says so once', () => {
    const { model, issues } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce the cost of Federal inventory.',
          'Vacant space',
          2018,
          0.03,
          0.033,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
        [
          'Real Estate',
          'Reduce the Cost of Federal Inventory',
          'Leases at market',
          2018,
          0.9,
          0.95,
          null,
          null,
          'Percentage',
          'Increase',
        ],
        [
          'Real Estate',
          'Reduce the Cost of Federal Inventory',
          'Leases at market',
          2017,
          0.9,
          0.95,
          null,
          null,
          'Percentage',
          'Increase',
        ],
      ]),
    );
    expect(model.objectives.map((o) => o.id)).toEqual(['1.1']);
    expect(model.objectives[0]?.name).toBe('Reduce the cost of Federal inventory.');
    expect(model.measures.map((m) => m.objectiveId)).toEqual(['1.1', '1.1']);
    const merged = issuesWith(issues, 'PERFORMANCE_NAMES_MERGED');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ severity: 'info', sheet: 'Performance', cell: 'B3' });
  });

  test('Given a goal spelled two ways on several rows, when read, then PERFORMANCE_NAMES_MERGED says so once, as for objectives', () => {
    const { model, issues } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce cost',
          'Vacant space',
          2018,
          0.03,
          0.033,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
        [
          'Real estate.',
          'Reduce cost',
          'Vacant space',
          2017,
          0.03,
          0.03,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
        [
          'Real estate.',
          'Reduce cost',
          'Vacant space',
          2016,
          0.03,
          0.03,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
      ]),
    );
    expect(model.goals.map((g) => g.id)).toEqual(['G1']);
    expect(placesOf(issues, 'PERFORMANCE_NAMES_MERGED')).toEqual(['Performance!A3']);
  });

  test('Given a measure spelled two ways (case and a trailing period), when read, then it is one measure and PERFORMANCE_NAMES_MERGED says so', () => {
    const { model, issues } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce cost',
          'Vacant space',
          2018,
          0.03,
          0.033,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
        [
          'Real Estate',
          'Reduce cost',
          'Vacant Space.',
          2017,
          0.03,
          0.03,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
      ]),
    );
    expect(model.measures.map((m) => [m.id, m.name])).toEqual([['1.1.1', 'Vacant space']]);
    expect(model.results.map((r) => [r.measureId, r.year])).toEqual([
      ['1.1.1', 2018],
      ['1.1.1', 2017],
    ]);
    expect(placesOf(issues, 'PERFORMANCE_NAMES_MERGED')).toEqual(['Performance!C3']);
  });

  test('Given "With in Range" as a direction and Min/Max targets, when read, then it is Within Range with its bounds', () => {
    const { model } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce cost',
          'Leases at market',
          2018,
          null,
          0.95,
          0.9,
          1.0,
          'Percentage',
          'With in Range',
        ],
      ]),
    );
    expect(model.measures[0]?.direction).toBe('Within Range');
    expect(resultOf(model, '1.1.1', 2018)).toMatchObject({
      target: null,
      minTarget: 0.9,
      maxTarget: 1,
      actual: 0.95,
    });
  });

  test('Given cells holding only spaces, when read, then they are blank rather than errors', () => {
    const { model, issues } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce cost',
          'Vacant space',
          2018,
          0.03,
          '   ',
          ' ',
          '\u00a0',
          'Percentage',
          'Decrease',
        ],
      ]),
    );
    expect(issuesWith(issues, 'NUMBER_INVALID')).toEqual([]);
    expect(resultOf(model, '1.1.1', 2018)).toMatchObject({
      target: 0.03,
      actual: null,
      minTarget: null,
      maxTarget: null,
    });
  });

  test('Given names with line breaks inside, when read, then the line breaks fold into spaces and the rows merge', () => {
    const { model } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce the cost\nof Federal inventory',
          'Vacant\r\nspace',
          2018,
          0.03,
          0.03,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
        [
          'Real Estate',
          'Reduce the cost of Federal inventory',
          'Vacant space',
          2017,
          0.03,
          0.03,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
      ]),
    );
    expect(model.objectives.map((o) => o.name)).toEqual(['Reduce the cost of Federal inventory']);
    expect(model.measures.map((m) => [m.id, m.name])).toEqual([['1.1.1', 'Vacant space']]);
    expect(model.results.map((r) => r.year)).toEqual([2018, 2017]);
  });

  test('Given a measure whose Unit changes between rows, when read, then PERFORMANCE_CONFLICT warns at the later cell and the first is used', () => {
    const { model, issues } = readWorkbook(
      withPerformance([
        [
          'Real Estate',
          'Reduce cost',
          'Vacant space',
          2018,
          0.03,
          0.03,
          null,
          null,
          'Percentage',
          'Decrease',
        ],
        ['Real Estate', 'Reduce cost', 'Vacant space', 2017, 3, 3, null, null, 'Percent points', 'Decrease'],
      ]),
    );
    expect(model.measures[0]?.unit).toBe('Percentage');
    expect(placesOf(issues, 'PERFORMANCE_CONFLICT')).toEqual(['Performance!I3']);
  });

  test('Given Goals/Objectives tables and a Performance table, when read, then the Performance table is ignored with a warning', () => {
    const { model, issues } = readWorkbook(
      minimalWorkbook({
        Performance: [HEADER, ['Other', 'Other', 'Other', 2018, 1, 1, null, null, 'Raw Count', 'Increase']],
      }),
    );
    expect(model.goals.map((g) => g.id)).toEqual(['G1']);
    expect(issuesWith(issues, 'PERFORMANCE_IGNORED')).toHaveLength(1);
  });
});

describe('the GSA FY2018 Annual Performance Report, as published', () => {
  const csv = readFileSync(join(__dirname, '../../../examples/data/gsa-fy2018-apr.csv'), 'utf8');
  const [header = [], ...rows] = parse(csv) as string[][];
  const asCell = (text: string): CellValue => (text === '' ? null : text);
  const { model, issues } = readWorkbook({
    tables: [grid('Performance', [header.map(asCell), ...rows.map((r) => r.map(asCell))])],
  });

  test('Given the real CSV, when read, then it has 4 goals, 11 objectives, 28 measures and 185 results', () => {
    expect(model.goals).toHaveLength(4);
    expect(model.objectives).toHaveLength(11);
    expect(model.measures).toHaveLength(28);
    expect(model.results).toHaveLength(185);
  });

  test('Given the real CSV, when read, then goals and objectives get the IDs the example documents', () => {
    expect(model.goals.map((g) => `${g.id} ${g.name}`)).toEqual([
      'G1 Real Estate',
      'G2 Acquisition',
      'G3 Technology',
      'G4 Service Expansion',
    ]);
    expect(model.objectives.map((o) => o.id)).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
      '4.3',
    ]);
  });

  test('Given objective 1.1, when read, then its vacant space measure has FY2018 target 0.03, actual 0.033 and Direction Decrease', () => {
    const vacant = measureNamed(model, 'Percent of vacant space in inventory');
    expect(vacant).toMatchObject({
      objectiveId: '1.1',
      direction: 'Decrease',
      unit: 'Percentage',
      kind: 'Rate',
      kindInferred: true,
    });
    expect(resultOf(model, vacant?.id ?? '', 2018)).toMatchObject({ target: 0.03, actual: 0.033 });
  });

  test('Given the "With in Range" and spelled-two-ways mess, when read, then it is understood and only the merge is noted', () => {
    expect(model.measures.filter((m) => m.direction === 'Within Range').map((m) => m.id)).toEqual([
      '1.1.2',
      '1.1.3',
    ]);
    // Only Budget and Crosswalk are missing (this workbook holds nothing else); the data itself raise one note.
    expect(issues.filter((i) => i.code !== 'TABLE_MISSING').map((i) => i.code)).toEqual([
      'PERFORMANCE_NAMES_MERGED',
    ]);
  });

  test('Given the Billions and Cumulative Total units, when read, then their Kinds are inferred', () => {
    expect(measureNamed(model, 'Acquisition program savings (billions of $)')).toMatchObject({
      kind: 'Currency',
      currencyScale: 1e9,
    });
    // 3.1.1 and 4.1.1 say so in their Unit; 1.2.1 and 3.3.1 ("... (cumulative)", Unit Percentage) in their name.
    expect(
      model.measures.filter((m) => m.kind === 'Cumulative').map((m) => [m.id, m.kindInferredFrom]),
    ).toEqual([
      ['1.2.1', 'Name'],
      ['3.1.1', 'Unit'],
      ['3.3.1', 'Name'],
      ['4.1.1', 'Unit'],
    ]);
  });
});
