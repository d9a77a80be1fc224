import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GridTable, TieOutFinding, WorkbookGrids } from '../../../models';
import { tableRecords } from '../../../models';
import { exampleFiles } from '../../../examples/data-act/build-data-act-example';
import { toCsv } from '../../../examples/data-act/toCsv';
import {
  CLEAN_A,
  CLEAN_B,
  EXPECTED_FINDINGS,
  FINDINGS_A,
  FINDINGS_B,
  NAMES,
  PERIOD,
} from '../../../examples/data-act/exampleData';
import {
  BROKER_A_COLUMNS,
  BROKER_B_COLUMNS,
  brokerTable,
  type SubmissionRow,
  usaspendingFileA,
  usaspendingFileB,
} from '../../../examples/data-act/layouts';
import { CLI_CSV_LIMITS, dataActCsvGrid, type DataActSheet } from '../../../server/csv';
import { runEngine } from '../../../server/engine';
import { readDataAct } from '../../../server/engine/dataAct';
import { F } from '../../../server/engine/dataAct/reference/fields';
import { readWorkbook } from '../../../server/engine/read';
import { DEFAULT_SETTINGS } from '../../../server/engine/read/settings';
import { readWorkbookGrids } from '../../../server/xlsx';
import { grid } from '../../helpers/workbook';

/** The worked example in examples/data-act: what its README promises, checked. */

const DIR = join(__dirname, '../../../examples/data-act');
const csvGrid = (sheet: DataActSheet, text: string) =>
  dataActCsvGrid(sheet, { name: sheet, bytes: Buffer.from(text) }, CLI_CSV_LIMITS);
const file = (name: string) =>
  csvGrid(name.includes('file-a') ? 'File A' : 'File B', readFileSync(join(DIR, name), 'utf8'));
const period = grid('Settings', [
  ['Setting', 'Value'],
  ['Submission Period', PERIOD],
]);
const book = (...tables: GridTable[]): WorkbookGrids => ({ tables });
const asGrid = (sheet: DataActSheet, table: string[][]) => csvGrid(sheet, toCsv(table));

/** Cents of a column over File B's PYA X rows, added as integers: the figure the Budget must equal. */
function pyaXCents(b: GridTable, column: string): bigint {
  const at = b.header.indexOf(column);
  const pya = b.header.indexOf(F.pya);
  let sum = 0n;
  for (const row of b.rows) {
    if (row[pya] !== 'X') continue;
    const [whole = '0', frac = ''] = String(row[at] ?? '0').split('.');
    const sign = whole.startsWith('-') ? -1n : 1n;
    sum += sign * (BigInt(whole.replace('-', '')) * 100n + BigInt(frac.padEnd(2, '0')));
  }
  return sum;
} // prettier-ignore

describe('examples/data-act', () => {
  it('Given the generator, then the committed CSV files are what it writes', () => {
    for (const [name, table] of Object.entries(exampleFiles()))
      expect(readFileSync(join(DIR, name), 'utf8')).toBe(toCsv(table));
  });

  it("Given the clean pair, then no finding, and the Budget's Obligations total equals File B's PYA X obligations to the cent", () => {
    const b = file('file-b.csv');
    const { model, issues } = readWorkbook(book(period, file('file-a.csv'), b));
    expect(model.tieOut).toEqual([]);
    expect(issues.filter((i) => i.code.startsWith('DATA_ACT_') && i.severity !== 'info')).toEqual([]);
    const total = (type: string) =>
      model.budget
        .filter((l) => l.amountType === type)
        .reduce((s, l) => s + BigInt(l.amounts[0]?.value ?? 0), 0n);
    expect(model.moneyDecimals).toBe(2);
    expect(total('Obligations')).toBe(-pyaXCents(b, F.bObligations));
    expect(total('Obligations')).toBe(853575100n);
    expect(total('Gross Outlays')).toBe(-pyaXCents(b, F.bGrossOutlays));
  });

  it('Given the findings pair, then each rule finds what the README says, at the rows it names', () => {
    const { model } = readWorkbook(book(period, file('file-a-findings.csv'), file('file-b-findings.csv')));
    const count: Record<string, number> = {};
    for (const f of model.tieOut ?? []) count[f.rule] = (count[f.rule] ?? 0) + 1;
    expect(count).toEqual(EXPECTED_FINDINGS);
    expect((model.tieOut ?? []).map((f) => `${f.rule} ${f.file}!${f.row}`)).toEqual([
      'A18 File A!3',
      'A19 File A!2',
      'A35 File A!3',
      'A30.1 File A!4',
      'A30.1 File A!5',
      'A30.2 File B!14',
      'A32 File A!4',
      'A32 File A!5',
      'B11.3 File B!9',
      'B11.4 File B!11',
      'B12.4 File B!7',
      'B19.1 File B!12',
      'B29 File B!13',
    ]);
  });

  it("Given the example workbook, then it runs clean, TieOut is empty and each goal gets its accounts' File A obligations", async () => {
    const grids = await readWorkbookGrids(readFileSync(join(DIR, 'data-act-example.xlsx')));
    const result = runEngine(grids);
    expect(result.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(result.tables.find((t) => t.name === 'TieOut')?.rows).toEqual([]);
    const resources = result.tables.find((t) => t.name === 'ResourcesByGoal');
    const goals = tableRecords(resources as NonNullable<typeof resources>).filter(
      (r) => r.Level === 'Goal' && r['Amount Type'] === 'Obligations',
    );
    expect(goals.map((g) => [g['Goal ID'], g['FY2024 Actual']])).toEqual([
      ['G1', 2250450.25],
      ['G2', 6285300.75],
    ]);
  });
});

describe("USAspending's download and the broker's file of the same rows", () => {
  /** What the broker file says that a download can say too: PYA X rows, three-digit object classes. */
  const asDownloadCanSay = (rows: readonly SubmissionRow[]) =>
    rows
      .filter((r) => r[F.pya] === 'X')
      .map((r) => ({ ...r, [F.objectClass]: (r[F.objectClass] ?? '').slice(0, 3) }));

  function both(a: readonly SubmissionRow[], b: readonly SubmissionRow[]) {
    const run = (fileA: GridTable, fileB: GridTable) => {
      const issues: import('../../../models').Issue[] = [];
      const out = readDataAct(book(period, fileA, fileB), DEFAULT_SETTINGS, issues);
      return { budget: out.grids.tables.find((t) => t.name === 'Budget'), tieOut: out.tieOut ?? [], issues };
    };
    const bRows = asDownloadCanSay(b);
    return {
      broker: run(asGrid('File A', brokerTable(BROKER_A_COLUMNS, a)), asGrid('File B', brokerTable(BROKER_B_COLUMNS, bRows))),
      download: run(asGrid('File A', usaspendingFileA(a, NAMES, PERIOD)), asGrid('File B', usaspendingFileB(bRows, NAMES, PERIOD))),
    };
  } // prettier-ignore

  const withoutTitles = (g: GridTable | undefined) => g?.rows.map((r) => r.filter((_, i) => i !== 1));
  const comparable = (findings: readonly TieOutFinding[]) => findings.map(({ loc: _, ...f }) => f);

  it('Given the clean pair, then the same Budget (the download adds account titles) and no findings', () => {
    const { broker, download } = both(CLEAN_A, CLEAN_B);
    expect(withoutTitles(download.budget)).toEqual(withoutTitles(broker.budget));
    expect(download.budget?.header).toEqual(broker.budget?.header);
    expect(download.budget?.rows[0]?.[1]).toBe('Federal Buildings Fund, General Services Administration');
    expect(download.tieOut).toEqual([]);
    expect(broker.tieOut).toEqual([]);
  });

  it('Given the findings pair, then the same findings, with the same values, at the same rows', () => {
    const { broker, download } = both(FINDINGS_A, FINDINGS_B);
    expect(broker.tieOut.length).toBeGreaterThan(8);
    expect(comparable(download.tieOut)).toEqual(comparable(broker.tieOut));
    expect(withoutTitles(download.budget)).toEqual(withoutTitles(broker.budget));
  });
});
