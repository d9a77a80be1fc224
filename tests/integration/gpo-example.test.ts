import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildGpoWorkbook } from '../../examples/build-gpo-example';
import { ILLUSTRATIVE_RECEIPT } from '../../examples/gpo-illustrative';
import { crosswalkXlsx } from '../../server/pipeline';
import { readOutputTable } from '../../server/xlsx';

const root = join(__dirname, '..', '..');
const examplePath = join(root, 'examples', 'gpo-fy2027.xlsx');
const SERIES = ['2025 actual', '2026 est.', '2027 est.'] as const;
const COLUMNS = ['fy2025_actual', 'fy2026_estimate', 'fy2027_estimate'] as const;
const CONGRESSIONAL_PUBLISHING = '004-0203-0-1-801';

type Row = Record<string, string>;
type Three = [number, number, number];
const csv = parse(readFileSync(join(root, 'examples', 'data', 'appendix-fy2027-gpo.csv')), {
  columns: true,
}) as Row[];

/** The printed figures of some schedule lines, summed over GPO's accounts (blank = nothing printed). */
function printed(schedule: string, lines: readonly string[], account?: string): Three {
  const picked = csv.filter(
    (r) =>
      r.schedule === schedule && lines.includes(r.line ?? '') && (!account || r.account_code === account),
  );
  return COLUMNS.map((c) => picked.reduce((sum, r) => sum + Number(r[c] || 0), 0)) as Three;
}
const pf = (lines: readonly string[], account?: string) => printed('Program and Financing', lines, account);
const plus = (a: Three, b: readonly number[]): Three => a.map((v, i) => v + (b[i] ?? 0)) as Three;
const negated = (a: Three): Three => a.map((v) => -v) as Three;

/** What each amount type's Total must be, from the Appendix lines alone (plus the one illustrative receipt). */
const EXPECTED: [string, Three][] = [
  ['Obligations', pf(['0900'])],
  ['Gross Budget Authority', pf(['4000', '4090'])],
  ['Budget Authority', plus(pf(['4180']), ILLUSTRATIVE_RECEIPT.amounts)],
  ['Gross Outlays', pf(['4020', '4110'])],
  ['Outlays', plus(pf(['4190']), ILLUSTRATIVE_RECEIPT.amounts)],
  ['Offsetting Collections', negated(pf(['4130']))],
  ['FTE', printed('Employment Summary', ['1001', '2001'])],
];

describe('Given the GPO example (FY2027 Budget Appendix, Government Publishing Office)', () => {
  const example = readFileSync(examplePath);
  let run: Awaited<ReturnType<typeof crosswalkXlsx>>;
  let resources: Awaited<ReturnType<typeof readOutputTable>>;
  const col = (name: string) => resources.header.indexOf(name);
  /** A row by level and amount type; `id` is the Objective ID of an objective row, the Goal ID of a goal row. */
  const rowOf = (level: string, type: string, id = '') =>
    resources.rows.find(
      (r) =>
        r[col('Level')] === level &&
        r[col('Amount Type')] === type &&
        (id === '' || r[col(level === 'Goal' ? 'Goal ID' : 'Objective ID')] === id),
    );
  const seriesOf = (row: readonly unknown[] | undefined) => SERIES.map((s) => row?.[col(s)]);
  beforeAll(async () => {
    run = await crosswalkXlsx(example);
    resources = await readOutputTable(run.output, 'ResourcesByGoal');
  });

  test('When the crosswalk runs, Then it is clean: no errors, no warnings, no net-basis warning, nothing unmapped', () => {
    expect(run.result.ok).toBe(true);
    expect(run.result.summary.issues.error).toBe(0);
    expect(run.result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(run.result.issues.some((i) => i.code === 'COST_BASIS_NET')).toBe(false);
    expect(run.result.summary.unmappedLines).toBe(0);
  });

  test('Then the basis is Obligations (gross), chosen by default, and the titles name it', () => {
    expect(run.result.summary.costBasis).toBe('Obligations');
    expect(run.result.summary.costLabel).toBe('resources (obligations)');
    const title = run.result.tables.find((t) => t.name === 'ResourcesByGoal')?.title ?? '';
    expect(title).toContain('Resources by Strategic Goal');
    expect(title).toContain('cost basis Obligations');
    expect(title).not.toMatch(/full cost/i);
  });

  test('Then ResourcesByGoal has a column per printed series and the BY vs CY change', () => {
    expect(resources.header).toEqual(expect.arrayContaining([...SERIES, 'Change BY vs CY', 'Change %']));
    expect(run.result.summary.budgetYear?.label).toBe('2027 est.');
    expect(run.result.summary.currentYear?.label).toBe('2026 est.');
    expect(run.result.summary.priorYear?.label).toBe('2025 actual');
  });

  test.each(EXPECTED)(
    'Then the Total %s ties to the P&F figures summed from the Appendix CSV',
    (type, want) => {
      expect(seriesOf(rowOf('Total', type))).toEqual(want);
    },
  );

  test("Then the intra-agency row eliminates exactly Congressional Publishing's obligations, and the fund's 0801 still ties", () => {
    const paidByGpo = pf(['0900'], CONGRESSIONAL_PUBLISHING);
    expect(seriesOf(rowOf('Eliminations', 'Obligations'))).toEqual(paidByGpo);
    expect(rowOf('Eliminations', 'Obligations')?.[col('Name')]).toBe('Intra-agency, eliminated');
    const goals = resources.rows.filter(
      (r) => r[col('Level')] === 'Goal' && r[col('Amount Type')] === 'Obligations',
    );
    const goalSum = SERIES.map((s) => goals.reduce((sum, r) => sum + (r[col(s)] as number), 0));
    // Goals + eliminations = the whole P&F: the fund's line 0801 is counted once, on the buyer's side.
    expect(plus(paidByGpo, goalSum)).toEqual(pf(['0900']));
  });

  test('Then the illustrative receipt sits on its own row under budget authority and outlays, never in a goal', () => {
    for (const type of ['Budget Authority', 'Outlays']) {
      const receipts = rowOf('Receipts', type);
      expect(receipts?.[col('Name')]).toBe('Offsetting receipts, not allocated');
      expect(seriesOf(receipts)).toEqual([...ILLUSTRATIVE_RECEIPT.amounts]);
    }
    expect(rowOf('Receipts', 'Obligations')).toBeUndefined();
  });

  test('Then the net-basis difference is visible: the revolving fund’s goals obligate a hundred times their net budget authority', () => {
    const obligations = seriesOf(rowOf('Goal', 'Obligations', 'G3')) as number[];
    const netBa = seriesOf(rowOf('Goal', 'Budget Authority', 'G3')) as number[];
    obligations.forEach((o, i) => expect(o).toBeGreaterThan(100 * (netBa[i] as number)));
  });

  test('Then the FY2027 recast moves Cataloging and Indexing (activity 0002) from objective 2.2 to 2.3 for 2027 only', async () => {
    const cataloging = pf(['0002']);
    expect(seriesOf(rowOf('Objective', 'Obligations', '2.2'))).toEqual([cataloging[0], cataloging[1], 0]);
    expect(seriesOf(rowOf('Objective', 'Obligations', '2.3'))).toEqual([0, 0, cataloging[2]]);
    const detail = await readOutputTable(run.output, 'CrosswalkDetail');
    const d = (name: string) => detail.header.indexOf(name);
    const recast = detail.rows.find(
      (r) =>
        r[d('Program Activity')] === '0002' &&
        r[d('Amount Type')] === 'Obligations' &&
        r[d('Objective ID')] === '2.3',
    );
    expect(recast?.[d('2027 est.')]).toBe(cataloging[2]);
    expect(recast?.[d('Rule')]).toMatch(/^Crosswalk!A\d+$/);
  });

  test('Then measures show each status the contract knows, and the priority goals are flagged', async () => {
    const table = await readOutputTable(run.output, 'CostPerOutcome');
    const c = (name: string) => table.header.indexOf(name);
    const statuses = (year: number) =>
      new Set(table.rows.filter((r) => r[c('Fiscal Year')] === year).map((r) => r[c('Status')]));
    expect([...statuses(2025)]).toEqual(expect.arrayContaining(['Met', 'Not Met', 'Improved', 'Not Judged']));
    expect([...statuses(2027)].filter((s) => s !== 'Not Judged')).toEqual(['Pending']);
    const flagged = new Set(
      table.rows.filter((r) => r[c('Priority Goal')] === 'Yes').map((r) => r[c('Measure ID')]),
    );
    expect([...flagged].sort()).toEqual(['1.1.1', '2.3.1', '3.2.1']);
  });

  test('Then the build script is deterministic, and the committed workbook is what it builds', async () => {
    const first = await buildGpoWorkbook();
    const second = await buildGpoWorkbook();
    expect(first.equals(second)).toBe(true);
    expect(first.equals(example)).toBe(true);
  });
});
