import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { crosswalkXlsx } from '../../server/pipeline';
import { readOutputTable, readWorkbookGrids } from '../../server/xlsx';
import { OutputRows, tableRecords } from '../../models';

const root = join(__dirname, '..', '..');
const example = readFileSync(join(root, 'examples', 'gsa-fy2018.xlsx'));
const YEARS = [2016, 2017, 2018] as const;
/** The database's figures are estimates published in Feb 2016; the example labels each series so. */
const label = (year: number) => `FY${year} Est.`;

type Totals = Record<number, number>;

/**
 * Totals straight from the OMB Public Budget Database rows for GSA, independent of the engine: every record, or
 * only the offsetting receipt accounts (6-digit account codes, per OMB's user guide).
 */
function sourceTotals(file: string, only: 'all' | 'receipts' = 'all'): Totals {
  const rows = parse(readFileSync(join(root, 'examples', 'data', file)), { columns: true }) as Record<
    string,
    string
  >[];
  const totals: Totals = { 2016: 0, 2017: 0, 2018: 0 };
  for (const row of rows) {
    if (row['Agency Code'] !== '023') continue;
    if (only === 'receipts' && (row['Account Code'] ?? '').length !== 6) continue;
    for (const year of YEARS)
      totals[year] = (totals[year] as number) + Number((row[String(year)] ?? '0').replace(/,/g, ''));
  }
  return totals;
}

const SOURCES = [
  ['Budget Authority', 'omb-pbd-fy2017-budauth.csv'],
  ['Outlays', 'omb-pbd-fy2017-outlays.csv'],
] as const;

describe('Given the bundled GSA example workbook', () => {
  let run: Awaited<ReturnType<typeof crosswalkXlsx>>;
  let resources: Awaited<ReturnType<typeof readOutputTable>>;
  const col = (name: string) => resources.header.indexOf(name);
  const rowOf = (level: string, type: string) =>
    resources.rows.find((r) => r[col('Level')] === level && r[col('Amount Type')] === type);
  beforeAll(async () => {
    run = await crosswalkXlsx(example);
    resources = await readOutputTable(run.output, 'ResourcesByGoal');
  });

  test('When the crosswalk runs, Then it succeeds, and no receipt account raises a per-line warning (they are Line Type Receipt)', async () => {
    expect(run.result.ok).toBe(true);
    expect(run.result.summary.issues.error).toBe(0);
    expect(run.result.issues.filter((i) => i.code === 'BUDGET_LINE_UNMAPPED')).toEqual([]);
    const grids = await readWorkbookGrids(example);
    const budget = grids.tables.find((t) => t.source === 'table' && t.name === 'Budget');
    const account = budget?.header.indexOf('Account') ?? -1;
    const lineType = budget?.header.indexOf('Line Type') ?? -1;
    const receiptRows = (budget?.rows ?? []).flatMap((r, i) =>
      /^023-\d{2}-\d{6}$/.test(String(r[account])) ? [i] : [],
    );
    expect(receiptRows).toHaveLength(16);
    for (const i of receiptRows) expect(budget?.rows[i]?.[lineType]).toBe('Receipt');
    // Cells are A2.. (row 1 is the header): no issue points at a receipt line.
    const receiptCells = new Set(receiptRows.map((i) => `A${i + 2}`));
    expect(run.result.issues.filter((i) => i.sheet === 'Budget' && receiptCells.has(i.cell))).toEqual([]);
  });

  test('Then the net basis is flagged once, on the Federal Buildings Fund (a revolving fund the database holds only net)', () => {
    const net = run.result.issues.filter((i) => i.code === 'COST_BASIS_NET');
    expect(net).toHaveLength(1);
    expect(net[0]?.severity).toBe('warning');
    expect(net[0]?.message).toContain('023-05-4542');
    expect(net[0]?.sheet).toBe('Budget');
    expect(run.result.summary.costBasis).toBe('Budget Authority');
  });

  test('Then titles state the basis: resources (budget authority), never "full cost", on ResourcesByGoal; and every cost table names Budget Authority', () => {
    const titleOf = (name: string) => run.result.tables.find((t) => t.name === name)?.title ?? '';
    expect(titleOf('ResourcesByGoal')).toContain('Resources by Strategic Goal');
    expect(titleOf('ResourcesByGoal')).toContain('cost basis Budget Authority');
    expect(titleOf('ResourcesByGoal')).not.toMatch(/full cost/i);
    expect(run.result.summary.costLabel).toBe('resources (budget authority)');
    for (const name of [
      'CostPerOutcome',
      'ScenarioResults',
      'ScenarioComparison',
      'GoalSeek',
      'BestAllocation',
    ])
      expect(titleOf(name)).toMatch(/budget authority/i);
  });

  test('Then the series keep their labels, and BY vs CY is the FY2017 Budget against FY2016', () => {
    expect(run.result.summary.series.map((s) => s.label)).toEqual(YEARS.map(label));
    expect(run.result.summary.budgetYear?.label).toBe('FY2017 Est.');
    expect(run.result.summary.currentYear?.label).toBe('FY2016 Est.');
    expect(resources.header).toEqual(
      expect.arrayContaining([...YEARS.map(label), 'Change BY vs CY', 'Change %']),
    );
    const total = rowOf('Total', 'Budget Authority');
    expect(total?.[col('Change BY vs CY')]).toBe(
      (total?.[col('FY2017 Est.')] as number) - (total?.[col('FY2016 Est.')] as number),
    );
  });

  test.each(SOURCES)(
    'Then the ResourcesByGoal total for %s ties out to the OMB source rows to the thousand',
    (type, file) => {
      const expected = sourceTotals(file);
      const total = rowOf('Total', type);
      expect(total).toBeDefined();
      for (const year of YEARS) expect(total?.[col(label(year))]).toBe(expected[year]);
    },
  );

  test.each(SOURCES)(
    'Then the %s receipts sit on their own row, equal to the receipt accounts in the source, and nothing is Unmapped',
    (type, file) => {
      const expected = sourceTotals(file, 'receipts');
      const receipts = rowOf('Receipts', type);
      expect(receipts?.[col('Name')]).toBe('Offsetting receipts, not allocated');
      for (const year of YEARS) {
        expect(receipts?.[col(label(year))]).toBe(expected[year]);
        expect(expected[year]).toBeLessThan(0);
      }
      // Nothing is Unmapped, so the exhibit has no Unmapped row at all.
      expect(rowOf('Unmapped', type)).toBeUndefined();
    },
  );

  test('Then the four GSA goals and eleven objectives appear in plan order', () => {
    const ba = resources.rows.filter((r) => r[col('Amount Type')] === 'Budget Authority');
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
    const fy2016 = budget?.header.indexOf(label(2016)) ?? -1;
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
    const c = (name: string) => table.header.indexOf(name);
    const row = table.rows.find((r) => r[c('Measure ID')] === '1.1.1' && r[c('Fiscal Year')] === 2018);
    expect(row?.[c('Measure')]).toBe('Percent of vacant space in inventory');
    expect(row?.[c('Status')]).toBe('Not Met');
    expect(row?.[c('Kind')]).toBe('Rate');
    expect(row?.[c('Cost per Unit')]).toBeNull();
    expect(row?.[c('Full Cost')]).toBe(
      (row?.[c('Direct Cost')] as number) + (row?.[c('Support Cost')] as number),
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
