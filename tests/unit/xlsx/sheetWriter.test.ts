import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DEPARTMENT, generateWorkbook } from '../../../bench/generate';
import { writeGridsXlsx } from '../../../bench/xlsxWriter';
import type { CellValue, OutputTable } from '../../../models';
import { crosswalkXlsx } from '../../../server/pipeline';
import { numberFormatFor, readWorkbookGrids, writeCrosswalkWorkbook } from '../../../server/xlsx';
import { ByteSink } from '../../../server/xlsx/ooxml/byteSink';
import { inlineTextColumns, sample } from '../../../server/xlsx/ooxml/sheet';
import { deflatePart, writeZip } from '../../../server/xlsx/ooxml/zipWriter';
import { sheetPartsByName, zipEntries } from '../../fixtures/package/inspect';
import { loadExcel, sheetNamed } from '../../fixtures/xlsx/workbooks';

const SEED = 20261203;
const root = join(__dirname, '..', '..', '..');

/** What a table's cells read back as: a link fills its empty Cell column, as the sheet shows it; '' is blank. */
function shownRows(table: OutputTable): CellValue[][] {
  const linkColumn = Math.max(
    0,
    table.columns.findIndex((c) => c.name.toLowerCase() === 'cell'),
  );
  return table.rows.map((row, r) =>
    row.map((v, c) => {
      const shown = v === null && c === linkColumn ? (table.links?.[r] ?? null) : v;
      return shown === '' ? null : shown;
    }),
  );
}

/**
 * Every output table read back from the workbook (the reader tests and tools use, over the whole workbook
 * once) equals the engine's table, cell for cell.
 */
async function expectTablesReadBack(output: Buffer, tables: readonly OutputTable[]): Promise<void> {
  const { tables: grids } = await readWorkbookGrids(output);
  for (const table of tables) {
    const grid = grids.find((g) => g.source === 'table' && g.name === table.name);
    const width = table.columns.length;
    const rows = grid?.rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
    expect({ name: table.name, header: grid?.header }).toEqual({
      name: table.name,
      header: table.columns.map((c) => c.name),
    });
    expect({ name: table.name, rows }).toEqual({ name: table.name, rows: shownRows(table) });
  }
}

function sinkBytes(write: (sink: ByteSink) => void, chunkBytes = 64): Buffer {
  const sink = new ByteSink(chunkBytes);
  write(sink);
  return Buffer.concat(sink.take(true));
}

describe('The byte-level sheet writer spells every value as before', () => {
  test(`Given any finite number (seed ${SEED}), When written, Then its text is JavaScript's shortest round-trip text`, () => {
    console.log(`sheetWriter number property: seed ${SEED}`);
    const cents = fc.integer({ min: -1e15, max: 1e15 }).map((n) => n / 100);
    const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.oneof(cents, anyDouble, fc.integer(), fc.constantFrom(0, -0, 0.1, 1e21, 5e-7)), (v) => {
        expect(sinkBytes((s) => s.number(v)).toString('latin1')).toBe(String(v));
      }),
      { seed: SEED, numRuns: 20_000 },
    );
  });

  test(`Given text of any characters across chunk boundaries (seed ${SEED}), When written, Then the bytes are its UTF-8`, () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 40 }), (texts) => {
        const bytes = sinkBytes((s) => texts.forEach((t) => s.utf8(t)), 16);
        expect(bytes.equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('Compressed as it is made', () => {
  test('Given a part of many chunks, When deflated through the thread pool, Then the zip holds exactly its bytes and unzip -t accepts it', async () => {
    const chunks = Array.from({ length: 5 }, (_, i) => Buffer.alloc(300_000 + i, `<row r="${i}"/>`));
    const part = await deflatePart(chunks);
    const zip = writeZip([
      { name: 'big.xml', stored: part },
      { name: 'small.xml', data: Buffer.from('<a/>') },
    ]);

    expect((await zipEntries(zip)).get('big.xml')?.equals(Buffer.concat(chunks))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tl-zip-'));
    writeFileSync(join(dir, 'out.zip'), zip);
    expect(execFileSync('unzip', ['-t', join(dir, 'out.zip')]).toString()).toContain('No errors detected');
  });
});

describe('Empty cells', () => {
  test('Given a detail row and a total row with an empty money cell, When written, Then the detail one is left to its column’s style and the total one is written with its border', async () => {
    const money = { units: 'Dollars' as const, decimals: 2 };
    const table: OutputTable = {
      name: 'ResourcesByGoal',
      title: 'Resources by goal',
      columns: [
        { name: 'Level', format: 'text' },
        { name: 'FY2024', format: 'money' },
      ],
      rows: [
        ['Goal', null],
        ['Total', null],
      ],
      rowKinds: ['detail', 'total'],
    };

    const output = await writeCrosswalkWorkbook(null, [table], money);

    const xml = (await sheetPartsByName(output)).get('ResourcesByGoal')?.toString('utf8') ?? '';
    expect(xml).not.toContain('<c r="B4"');
    expect(xml).toContain('<c r="B5"');
    const sheet = sheetNamed(await loadExcel(output), 'ResourcesByGoal');
    expect(sheet.getCell('B4').numFmt).toBe(numberFormatFor('money', money));
    expect(sheet.getCell('B5').border?.top).toBeDefined();
  });
});

describe('Output tables read back as the engine made them', () => {
  test.each([['gsa-fy2018.xlsx'], ['gpo-fy2027.xlsx']])(
    'Given the example %s, When the crosswalk is written, Then every output table reads back cell for cell',
    async (file) => {
      const { result, output } = await crosswalkXlsx(readFileSync(join(root, 'examples', file)));

      await expectTablesReadBack(output, result.tables);
    },
  );

  test('Given a generated 10,000-line department workbook, When written, Then every table reads back and the per-row Source texts are inline, not shared strings', async () => {
    const { grids } = generateWorkbook(10_000, DEPARTMENT);
    const { result, output } = await crosswalkXlsx(await writeGridsXlsx(grids));

    await expectTablesReadBack(output, result.tables);
    const detail = result.tables.find((t) => t.name === 'CrosswalkDetail') as OutputTable;
    const source = detail.columns.findIndex((c) => c.name === 'Source');
    expect(inlineTextColumns([sample(detail.rows, source)])).toEqual([true]);
    const strings = (await zipEntries(output)).get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
    expect(strings).not.toContain(`>${detail.rows[0]?.[source] as string}<`);
  }, 300_000);
});
