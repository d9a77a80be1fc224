import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { crosswalkXlsx } from '../../server/pipeline';
import { readOutputTable, readWorkbookGrids } from '../../server/xlsx';
import { OutputRows, tableRecords } from '../../models';

const root = join(__dirname, '..', '..');
const example = readFileSync(join(root, 'examples', 'gsa-fy2018.xlsx'));

/** Budget totals straight from the OMB Public Budget Database rows for GSA, independent of the engine. */
function sourceTotals(file: string): Record<number, number> {
  const rows = parse(readFileSync(join(root, 'examples', 'data', file)), { columns: true }) as Record<
    string,
    string
  >[];
  const totals: Record<number, number> = { 2016: 0, 2017: 0, 2018: 0 };
  for (const row of rows) {
    if (row['Agency Code'] !== '023') continue;
    for (const year of [2016, 2017, 2018])
      totals[year] = (totals[year] as number) + Number((row[String(year)] ?? '0').replace(/,/g, ''));
  }
  return totals;
}

describe('Given the bundled GSA example workbook', () => {
  let run: Awaited<ReturnType<typeof crosswalkXlsx>>;
  beforeAll(async () => {
    run = await crosswalkXlsx(example);
  });

  test('When the crosswalk runs, Then it succeeds with warnings only (the unmapped receipt accounts)', () => {
    expect(run.result.ok).toBe(true);
    expect(run.result.summary.issues.error).toBe(0);
    const unmapped = run.result.issues.filter((i) => i.code === 'BUDGET_LINE_UNMAPPED');
    expect(unmapped.length).toBeGreaterThan(0);
    expect(unmapped.every((i) => i.sheet === 'Budget' && /^A\d+$/.test(i.cell))).toBe(true);
  });

  test.each([
    ['Budget Authority', 'omb-pbd-fy2017-budauth.csv'],
    ['Outlays', 'omb-pbd-fy2017-outlays.csv'],
  ])(
    'Then the ResourcesByGoal total for %s ties out to the OMB source rows to the thousand',
    async (type, file) => {
      const table = await readOutputTable(run.output, 'ResourcesByGoal');
      const col = (name: string) => table.header.indexOf(name);
      const total = table.rows.find((r) => r[col('Level')] === 'Total' && r[col('Amount Type')] === type);
      expect(total).toBeDefined();
      const expected = sourceTotals(file);
      for (const year of [2016, 2017, 2018]) expect(total?.[col(`FY${year}`)]).toBe(expected[year]);
    },
  );

  test('Then the four GSA goals and eleven objectives appear in plan order', async () => {
    const table = await readOutputTable(run.output, 'ResourcesByGoal');
    const col = (name: string) => table.header.indexOf(name);
    const ba = table.rows.filter((r) => r[col('Amount Type')] === 'Budget Authority');
    expect(ba.filter((r) => r[col('Level')] === 'Goal').map((r) => r[col('Goal ID')])).toEqual([
      'G1',
      'G2',
      'G3',
      'G4',
    ]);
    expect(ba.filter((r) => r[col('Level')] === 'Objective').map((r) => r[col('Objective ID')])).toEqual([
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

  test('Then the text amounts in the Outlays FY2016 column are read exactly', async () => {
    const grids = await readWorkbookGrids(example);
    const budget = grids.tables.find((t) => t.source === 'table' && t.name === 'Budget');
    const fy2016 = budget?.header.indexOf('FY2016') ?? -1;
    expect(budget?.rows.some((r) => typeof r[fy2016] === 'string')).toBe(true);
    expect(
      run.result.summary.budgetTotals.find((t) => t.amountType === 'Outlays' && t.year === 2016)?.amount,
    ).toBe(sourceTotals('omb-pbd-fy2017-outlays.csv')[2016]);
  });

  test('Then every input sheet is unchanged, value for value, and the output sheets follow them', async () => {
    const before = await readWorkbookGrids(example);
    const after = await readWorkbookGrids(run.output);
    for (const grid of before.tables) {
      const same = after.tables.find((t) => t.source === grid.source && t.name === grid.name);
      expect(same).toEqual(grid);
    }
    const names = after.tables.filter((t) => t.source === 'table').map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ResourcesByGoal',
        'CrosswalkMatrix',
        'CrosswalkDetail',
        'CostPerOutcome',
        'SupportCosts',
        'Issues',
      ]),
    );
  });

  test('Then cost per outcome judges FY2018 vacant space (target 3%, actual 3.3%, Decrease) as Not Met with no per-unit cost', async () => {
    const table = await readOutputTable(run.output, 'CostPerOutcome');
    const col = (name: string) => table.header.indexOf(name);
    const row = table.rows.find((r) => r[col('Measure ID')] === '1.1.1' && r[col('Fiscal Year')] === 2018);
    expect(row?.[col('Measure')]).toBe('Percent of vacant space in inventory');
    expect(row?.[col('Status')]).toBe('Not Met');
    expect(row?.[col('Kind')]).toBe('Rate');
    expect(row?.[col('Cost per Unit')]).toBeNull();
    expect(row?.[col('Full Cost')]).toBe(
      (row?.[col('Direct Cost')] as number) + (row?.[col('Support Cost')] as number),
    );
  });

  test('Then every output table matches its row schema in models/ (the contract the add-in and API share)', () => {
    const names = run.result.tables.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['ScenarioResults', 'ScenarioComparison', 'GoalSeek', 'BestAllocation']),
    );
    for (const table of run.result.tables) {
      const schema = OutputRows[table.name as keyof typeof OutputRows];
      expect(schema).toBeDefined();
      for (const record of tableRecords(table)) expect(schema.safeParse(record).error).toBeUndefined();
    }
  });
});
