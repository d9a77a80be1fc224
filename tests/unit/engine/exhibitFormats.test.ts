import type { OutputTable } from '../../../models';
import { runEngine } from '../../../server/engine';
import { writeCrosswalkWorkbook } from '../../../server/xlsx';
import {
  cellNumberFormat,
  WRAP_WIDTH,
  wrappedLines,
  wrappedRowHeight,
  wrappedColumns,
} from '../../../server/xlsx/formats';
import { sheetPartsByName, zipEntries } from '../../fixtures/package/inspect';
import { outputTable, rowsOf } from '../../helpers/outputs';
import { minimalWorkbook } from '../../helpers/workbook';

/** Issue 14, round 2: rates print as percents, long text wraps, and no amount column is empty on every row. */

const money = { units: 'Dollars', decimals: 0 } as const;

const RATES = {
  Measures: [
    ['Measure ID', 'Objective ID', 'Measure', 'Unit', 'Kind', 'Direction'],
    ['R1', '1.1', 'Vacancy rate', 'Percentage', 'Rate', 'Decrease'],
    ['R2', '1.1', 'Satisfaction', 'Percent', 'Rate', 'Increase'],
    ['C1', '1.1', 'Leases awarded', 'Raw Count', 'Count', 'Increase'],
    ['P1', '1.1', 'Energy intensity reduction (cumulative)', 'Percentage', 'Cumulative', 'Increase'],
  ],
  Results: [
    ['Measure ID', 'Fiscal Year', 'Target', 'Actual'],
    ['R1', 2018, 0.032, 0.03],
    ['R2', 2018, 85, 87.5],
    ['C1', 2018, 100, 125],
    ['P1', 2018, 0.5, 0.617],
  ],
};

describe('rates print as percents at their precision', () => {
  test('Given a rate written as fractions, when run, then its rows carry a percent format at its precision; so does a cumulative percentage; a rate written as 85 and a count do not', () => {
    const r = runEngine(minimalWorkbook(RATES));
    for (const name of ['CostPerOutcome', 'PerformanceTrend']) {
      const table = outputTable(r, name);
      const byMeasure = rowsOf(r, name).map((row, i) => [row['Measure ID'], table.valueFormats?.[i] ?? null]);
      expect({ name, byMeasure }).toEqual({
        name,
        byMeasure: [
          ['R1', { format: 'share', decimals: 1 }],
          ['R2', null],
          ['C1', null],
          ['P1', { format: 'share', decimals: 1 }],
        ],
      });
    }
  });

  test('Given a value format, when a number cell is formatted, then it is a percent with those decimals; money and text cells are not touched', () => {
    const share1 = { format: 'share', decimals: 1 } as const;
    expect(cellNumberFormat('number', null, share1, money)).toBe('0.0%;(0.0%)');
    expect(cellNumberFormat('number', null, { format: 'share', decimals: 0 }, money)).toBe('0%;(0%)');
    expect(cellNumberFormat('number', null, null, money)).toBe('General');
    expect(cellNumberFormat('money', 'fte', share1, money)).toBe('#,##0.0');
    expect(cellNumberFormat('text', null, share1, money)).toBeUndefined();
  });

  test("Given a table with a rate row, when written, then that row's number cells use the percent style and the other rows General", async () => {
    const table: OutputTable = {
      name: 'CostPerOutcome',
      title: 'Rates',
      columns: [
        { name: 'Measure ID', format: 'text' },
        { name: 'Target', format: 'number' },
      ],
      rows: [
        ['R1', 0.032],
        ['C1', 100],
      ],
      valueFormats: [{ format: 'share', decimals: 1 }, null],
    };
    const output = await writeCrosswalkWorkbook(null, [table], money);
    const entries = await zipEntries(output);
    const styles = entries.get('xl/styles.xml')?.toString('utf8') ?? '';
    const sheet = (await sheetPartsByName(output)).get('CostPerOutcome')?.toString('utf8') ?? '';
    const percentId = /<numFmt numFmtId="(\d+)" formatCode="0\.0%;\(0\.0%\)"\/>/.exec(styles)?.[1];
    expect(percentId).toBeDefined();
    const xfs = [...(/<cellXfs[^>]*>(.*)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*>/g)].map(
      (m) => /numFmtId="(\d+)"/.exec(m[0])?.[1],
    );
    const styleOf = (ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1])];
    expect(styleOf('B4')).toBe(percentId);
    expect(styleOf('B5')).toBe('0');
  });
});

describe('long text wraps in a bounded column', () => {
  const note = { name: 'Note', format: 'text' } as const;

  test('Given a table too wide to print readably, then its text columns wider than the bound wrap; a short one, a number column, a set width, a narrow table or a long table do not', () => {
    const columns = [
      note,
      { name: 'Short', format: 'text' },
      { name: 'Target', format: 'number' },
      { ...note, width: 50 },
    ] as const;
    const widths = [WRAP_WIDTH + 1, WRAP_WIDTH, 60, 50];
    expect(wrappedColumns(columns, [...widths.slice(0, 3), 100], 10)).toEqual([true, false, false, false]);
    expect(wrappedColumns(columns, [...widths.slice(0, 3), 20], 10)).toEqual([false, false, false, false]);
    expect(wrappedColumns(columns, [...widths.slice(0, 3), 100], 1_000_000)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  test('Given texts, when wrapped at word breaks, then the lines are counted as written', () => {
    expect(wrappedLines('short', 10)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc', 9)).toBe(2);
    expect(wrappedLines('aaaa\nbbbb', 10)).toBe(2);
    expect(wrappedLines('x'.repeat(25), 10)).toBe(3);
    expect(wrappedRowHeight(['a '.repeat(40)], [true])).toBe(3 * 15);
    expect(wrappedRowHeight(['a '.repeat(40)], [false])).toBeNull();
    // A line may also end after a hyphen, as Excel and LibreOffice break it.
    expect(wrappedLines('Distribution (004-0201-0-1-808)', 20)).toBe(2);
    expect(wrappedLines('Distribution (0040201018080)', 20)).toBe(2);
    expect(wrappedLines('ab-cd-ef', 3)).toBe(3);
    // GPO's program names: two lines, as LibreOffice prints them, not three.
    expect(wrappedRowHeight(['Depository Library Distribution (004-0201-0-1-808)'], [true])).toBe(2 * 15);
    // A bold total's wider letters: GPO's "Public Information account cut 10%" takes two lines there, one plain.
    expect(wrappedRowHeight(['Public Information account cut 10%'], [true])).toBeNull();
    expect(wrappedRowHeight(['Public Information account cut 10%'], [true], true)).toBe(2 * 15);
  });

  test('Given a table of amounts, when written, then the headers over amounts are right-aligned and text headers are not', async () => {
    const table: OutputTable = {
      name: 'ResourcesByGoal',
      title: 'Amounts',
      columns: [note, { name: 'FY2027 est.', format: 'money' }],
      rows: [['Goal 1', 1000]],
    };
    const output = await writeCrosswalkWorkbook(null, [table], money);
    const sheet = (await sheetPartsByName(output)).get('ResourcesByGoal')?.toString('utf8') ?? '';
    const styles = (await zipEntries(output)).get('xl/styles.xml')?.toString('utf8') ?? '';
    const xfs = [...styles.matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]).slice(1);
    const styleOf = (ref: string) =>
      Number(new RegExp(`<c r="${ref}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
    expect(xfs[styleOf('B3')]).toContain('horizontal="right"');
    expect(styleOf('A3')).toBe(0);
  });

  test('Given a long note, when written, then its column is bounded, its cells wrap and its row is tall enough', async () => {
    const long =
      'The FY2027 actual: the base is the latest actual, projected with an elasticity model of funding.';
    const table: OutputTable = {
      name: 'ScenarioResults',
      title: 'Notes',
      // A set width that makes the table wider than a page prints readably.
      columns: [{ name: 'Measure ID', format: 'text', width: 200 }, note],
      rows: [
        ['M1', long],
        ['M2', 'Short.'],
      ],
    };
    const output = await writeCrosswalkWorkbook(null, [table], money);
    const sheet = (await sheetPartsByName(output)).get('ScenarioResults')?.toString('utf8') ?? '';
    const styles = (await zipEntries(output)).get('xl/styles.xml')?.toString('utf8') ?? '';
    expect(sheet).toContain(`<col min="2" max="2" width="${WRAP_WIDTH}"`);
    // Wrapped, and every cell of such a table at the top of its row, so a row's values line up with its first line.
    expect(styles).toContain('<alignment vertical="top" wrapText="1"/>');
    expect(styles).toContain('<alignment vertical="top"/>');
    expect(sheet).toMatch(/<row r="4" ht="(\d+)" customHeight="1">/);
    expect(Number(/<row r="4" ht="(\d+)"/.exec(sheet)?.[1])).toBeGreaterThanOrEqual(3 * 15);
    expect(sheet).toContain('<row r="5">');
  });
});

describe('the program inventory has no empty amount columns', () => {
  test('Given a Budget without obligations, when run, then there is no Obligated column and the title says why', () => {
    const r = runEngine(
      minimalWorkbook({
        Budget: [
          ['Account', 'Program Activity', 'Amount Type', 'FY2017 Actual', 'FY2018 Enacted', 'FY2019 Request'],
          ['023-05-0110', '0001', 'BA', 100, 120, 130],
          ['023-05-0110', '0001', 'Outlays', 80, 115, 125],
        ],
      }),
    );
    const table = outputTable(r, 'ProgramInventory');
    const names = table.columns.map((c) => c.name);
    expect(names.filter((n) => n.startsWith('Obligated'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('Appropriated') || n.startsWith('Outlayed'))).toEqual([
      'Appropriated FY2017 Actual',
      'Outlayed FY2017 Actual',
      'Appropriated FY2018 Enacted',
      'Outlayed FY2018 Enacted',
    ]);
    // Said once, in the title, not on every row.
    expect(table.title).toContain('The Budget holds no amounts obligated.');
    expect(rowsOf(r, 'ProgramInventory').map((row) => row.Note)).not.toContainEqual(
      expect.stringContaining('obligated'),
    );
  });
});
