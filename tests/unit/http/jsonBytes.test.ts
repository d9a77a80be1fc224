import { DEPARTMENT, generateWorkbook } from '../../../bench/generate';
import type { CellValue, OutputTable, WorkbookGrids } from '../../../models';
import { runEngine } from '../../../server/engine';
import { answerJson } from '../../../server/http/jsonAnswer';

/**
 * A JSON crosswalk answer is written in a worker: the big tables (CrosswalkMatrix, CrosswalkDetail) straight
 * from the engine's columns into bytes, the others stringified a table at a time. Whatever the form, the bytes
 * must be exactly those of `JSON.stringify` of the engine's result, text and figures alike.
 */

const LIMITS = { maxRows: 1_000_000, maxCells: 10_000_000 };

/** Texts a budget office may paste into its Budget sheet, each of which JSON must escape or encode. */
const TRICKY = [
  'Salaries & "Expenses"',
  'C:\\ledger\\FY25',
  'Résumé – ’quoted’ naïve 税金',
  'receipt 🧾 and a lone \ud800 surrogate',
  'tab\there, bell\u0007',
];

/** The workbook with tricky texts in some Budget cells of its text columns. */
function withTrickyTexts(grids: WorkbookGrids): WorkbookGrids {
  const tables = grids.tables.map((t) => {
    if (t.name !== 'Budget') return t;
    const columns = ['Account Title', 'Program Activity Title', 'Category'].map((h) => t.header.indexOf(h));
    const rows = t.rows.map((row, r) =>
      row.map((cell, c): CellValue => {
        const column = columns.indexOf(c);
        return column >= 0 && r % 7 === column ? (TRICKY[(r + column) % TRICKY.length] as string) : cell;
      }),
    );
    return { ...t, rows };
  });
  return { ...grids, tables };
}

const bodyOf = (grids: WorkbookGrids) => Buffer.from(JSON.stringify({ grids }));

describe.each([
  ['whole thousands', generateWorkbook(300, { seed: 20261302 }).grids],
  [
    'dollars and cents, tricky texts',
    withTrickyTexts(generateWorkbook(300, { ...DEPARTMENT, seed: 7 }).grids),
  ],
])('Given a workbook in %s', (_, grids) => {
  const expected = runEngine(grids);

  test('When every table is asked for, Then the bytes are those of JSON.stringify of the result', () => {
    const names = expected.tables.map((t: OutputTable) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['CrosswalkMatrix', 'CrosswalkDetail', 'Summary', 'Issues']),
    );
    const bytes = answerJson('crosswalk', bodyOf(grids), undefined, LIMITS);
    expect(bytes.equals(Buffer.from(JSON.stringify(expected)))).toBe(true);
  });

  test.each([
    [['CrosswalkDetail']],
    [['Summary', 'CrosswalkMatrix', 'ProgramInventory']],
    [['Summary', 'ResourcesByGoal', 'CostPerOutcome', 'PerformanceTrend']],
  ])('When only %j are asked for, Then the bytes are those of JSON.stringify of that result', (tables) => {
    const bytes = answerJson('crosswalk', bodyOf(grids), tables, LIMITS);
    expect(bytes.equals(Buffer.from(JSON.stringify(runEngine(grids, { tables }))))).toBe(true);
  });

  test('When answered twice, Then the second answer is the same (the writer is reused, not shared)', () => {
    const first = answerJson('crosswalk', bodyOf(grids), ['CrosswalkDetail'], LIMITS);
    const copy = Buffer.from(first);
    answerJson('crosswalk', bodyOf(grids), undefined, LIMITS);
    expect(first.equals(copy)).toBe(true);
  });
});

test('Given the tricky texts, When answered, Then they read back as they were sent', () => {
  const grids = withTrickyTexts(generateWorkbook(300, { seed: 11 }).grids);
  const answer = JSON.parse(answerJson('crosswalk', bodyOf(grids), ['CrosswalkDetail'], LIMITS).toString());
  const detail = answer.tables[0] as OutputTable;
  const titles = new Set(detail.rows.map((row) => row[1]));
  for (const text of TRICKY.slice(0, 3)) expect(titles).toContain(text);
});
