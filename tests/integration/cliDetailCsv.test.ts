import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type OutputTable, WORKBOOK_DETAIL_ROWS } from '../../models';
import { generateWorkbook } from '../../bench/generate';
import { writeGridsXlsx } from '../../bench/xlsxWriter';
import { main } from '../../server/cli';
import { crosswalkXlsx } from '../../server/pipeline';
import { readOutputTable, tableCsv } from '../../server/xlsx';

const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'gsa-fy2018.xlsx');

async function cli(args: string[]) {
  let stdout = '';
  const sink = (add: (text: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await main(args, { stdout: sink((t) => (stdout += t)), stderr: sink(() => undefined) });
  return { code, stdout };
}

/** RFC 4180 as the writer promises it: commas, CRLF, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) field += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

/** A cell as the CSV should spell it, by an independent route: toFixed at the table's decimals for money. */
function expectedText(table: OutputTable, r: number, c: number, decimals: number): string {
  const value = table.rows[r]?.[c] ?? null;
  if (value === null) return '';
  if (typeof value === 'number') {
    const format = table.columns[c]?.format;
    const fte = table.rowFormats?.[r] === 'fte';
    return format === 'money' ? value.toFixed(fte ? 1 : decimals) : String(value);
  }
  return String(value);
}

describe('Given a CrosswalkDetail longer than the sheet is set to hold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-csv-'));
  const output = join(dir, 'out.xlsx');
  const csvPath = join(dir, 'out-CrosswalkDetail.csv');
  let run: Awaited<ReturnType<typeof cli>>;
  let detail: OutputTable;
  let decimals: number;

  beforeAll(async () => {
    run = await cli([example, '-o', output, '--max-detail-rows', '10', '--json']);
    const { result } = await crosswalkXlsx(readFileSync(example));
    detail = result.tables.find((t) => t.name === 'CrosswalkDetail') as OutputTable;
    decimals = result.money.decimals;
  }, 120_000);

  test('When the CLI runs with --max-detail-rows 10, Then it writes the whole table as a CSV beside the workbook and says so in its JSON', () => {
    expect(run.code).toBe(0);
    expect(detail.rows.length).toBeGreaterThan(10);
    expect(JSON.parse(run.stdout).csv).toEqual([
      { table: 'CrosswalkDetail', rows: detail.rows.length, path: csvPath },
    ]);
    const rows = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\ufeff/, ''));
    expect(rows[0]).toEqual(detail.columns.map((c) => c.name));
    expect(rows).toHaveLength(detail.rows.length + 1);
    rows.slice(1).forEach((row, r) => {
      expect(row).toEqual(detail.columns.map((_, c) => expectedText(detail, r, c, decimals)));
    });
  });

  test('Then the sheet keeps the header and one note naming the CSV and the row count, never a cut-short table', async () => {
    const sheet = await readOutputTable(readFileSync(output), 'CrosswalkDetail');

    expect(sheet.header).toEqual(detail.columns.map((c) => c.name));
    expect(sheet.rows).toHaveLength(1);
    expect(String(sheet.rows[0]?.[0])).toContain('out-CrosswalkDetail.csv');
    expect(String(sheet.rows[0]?.[0])).toContain(`${detail.rows.length.toLocaleString('en-US')} rows`);
  });

  test('When run without the option, Then the table stays on its sheet and no CSV is written', async () => {
    const plain = join(dir, 'plain.xlsx');
    expect((await cli([example, '-o', plain])).code).toBe(0);
    expect(existsSync(join(dir, 'plain-CrosswalkDetail.csv'))).toBe(false);
    expect((await readOutputTable(readFileSync(plain), 'CrosswalkDetail')).rows).toHaveLength(
      detail.rows.length,
    );
  }, 120_000);

  test.each([['0'], ['-3'], ['1.5'], ['lots'], ['1048574']])(
    'When --max-detail-rows is %s, Then it is a usage error (exit 2)',
    async (n) => {
      expect((await cli([example, '-o', join(dir, 'x.xlsx'), '--max-detail-rows', n])).code).toBe(2);
    },
  );
});

describe('Given a department-size workbook whose CrosswalkDetail passes 100,000 rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-dept-'));
  const output = join(dir, 'dept.xlsx');
  let run: Awaited<ReturnType<typeof cli>>;
  let detailRows: number;

  beforeAll(async () => {
    // 60,000 budget lines split over about two targets each: past the sheet's default size, well under Excel's.
    const input = join(dir, 'input.xlsx');
    const bytes = await writeGridsXlsx(generateWorkbook(60_000, { simple: true }).grids);
    writeFileSync(input, bytes);
    run = await cli([input, '-o', output, '--json']);
    detailRows = (JSON.parse(run.stdout).csv as { rows: number }[])[0]?.rows ?? 0;
  }, 300_000);

  test('When the CLI runs with no --max-detail-rows, Then the detail goes whole to a CSV beside the workbook and its sheet holds the note', async () => {
    expect(run.code).toBe(0);
    expect(detailRows).toBeGreaterThan(WORKBOOK_DETAIL_ROWS);
    expect(detailRows).toBeLessThan(1_048_573);
    const csv = readFileSync(join(dir, 'dept-CrosswalkDetail.csv'), 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(detailRows + 1);
    const sheet = await readOutputTable(readFileSync(output), 'CrosswalkDetail');
    expect(sheet.rows).toHaveLength(1);
    expect(String(sheet.rows[0]?.[0])).toContain('dept-CrosswalkDetail.csv');
  });
});

describe('A table as CSV', () => {
  test('Given text with commas, quotes, line breaks and a formula-like start, When written, Then it is quoted and inert, and money keeps its places', () => {
    const table: OutputTable = {
      name: 'CrosswalkDetail',
      title: 't',
      columns: [
        { name: 'Account', format: 'text' },
        { name: 'FY2026', format: 'money' },
        { name: 'Share', format: 'share' },
      ],
      rows: [
        ['a, "b"\r\nc', 1234.5, 0.125],
        ['=HYPERLINK("x")', -0.07, null],
        ['FTE', 12, 1],
      ],
      rowFormats: [null, null, 'fte'],
    };

    const text = Buffer.concat([...tableCsv(table, { units: 'Dollars', decimals: 2 })]).toString('utf8');

    expect(parseCsv(text.replace(/^\ufeff/, ''))).toEqual([
      ['Account', 'FY2026', 'Share'],
      ['a, "b"\r\nc', '1234.50', '0.125'],
      ['\'=HYPERLINK("x")', '-0.07', ''],
      ['FTE', '12.0', '1'],
    ]);
  });
});
