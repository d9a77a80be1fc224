import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { DEPARTMENT, generateWorkbook } from '../../../bench/generate';
import { Random } from '../../../bench/random';
import { writeGridsXlsx } from '../../../bench/xlsxWriter';
import type { WorkbookGrids } from '../../../models';
import {
  readWorkbookGrids,
  readWorkbookGridsDirect,
  readWorkbookGridsExcelJs,
} from '../../../server/xlsx/readGrids';
import { UnreadableWorkbookError } from '../../../server/xlsx/errors';
import { Unsupported } from '../../../server/xlsx/package/xmlBytes';
import { prefixedWorkbook } from '../../fixtures/package/prefixedWorkbook';
import { rawWorkbook } from '../../fixtures/package/rawWorkbook';
import { workbookBytes } from '../../fixtures/xlsx/workbooks';

/**
 * The direct reader against the exceljs reader it replaces: on every example workbook, on generated budgets of
 * several sizes and seeds, on small workbooks holding each kind of cell, and on random sheets, both give
 * deep-equal grids, and the direct reader really read them (it did not fall back). Workbooks it leaves to
 * exceljs still read the same through `readWorkbookGrids`.
 */

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLES = [
  'examples/gsa-fy2018.xlsx',
  'examples/gpo-fy2027.xlsx',
  'examples/data-act/data-act-example.xlsx',
];

/** Each copy is a fresh Buffer: the package module caches by buffer identity, and the readers must not share. */
const copy = (bytes: Buffer): Buffer => Buffer.from(bytes);

async function expectSameGrids(bytes: Buffer): Promise<WorkbookGrids> {
  const direct = await readWorkbookGridsDirect(copy(bytes));
  const excel = await readWorkbookGridsExcelJs(copy(bytes));
  expect(direct).toEqual(excel);
  // toEqual treats a sparse hole and undefined alike; grids must hold explicit nulls, as exceljs's do.
  expect(JSON.stringify(direct)).toBe(JSON.stringify(excel));
  return direct;
}

describe('direct reader equals the exceljs reader', () => {
  it.each(EXAMPLES)('on %s', async (file) => {
    const grids = await expectSameGrids(readFileSync(join(ROOT, file)));
    expect(grids.tables.length).toBeGreaterThan(0);
  });

  it.each([
    [150, 1, {}],
    [1500, 7, {}],
    [800, 42, DEPARTMENT],
    [3000, 20260101, DEPARTMENT],
  ])('on a generated budget of %i lines, seed %i', async (lines, seed, options) => {
    console.log(`generated budget: ${lines} lines, seed ${seed}`);
    const { grids } = generateWorkbook(lines, { ...options, seed });
    const bytes = await writeGridsXlsx(grids);
    const read = await expectSameGrids(bytes);
    expect(read.tables.find((t) => t.name === 'Budget')?.rows.length).toBeGreaterThan(0);
  });

  it('on dates (built-in and custom formats, style 0, date-styled text), booleans and errors', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Kinds');
      ws.addRow(['Date', 'Custom', 'Time', 'Flag', 'Error', 'Number', 'Text']);
      ws.addRow([new Date(Date.UTC(2018, 9, 1)), 43374.5, 0.25, true, { error: '#N/A' }, 1.5, 'x']);
      ws.addRow([new Date(Date.UTC(2020, 1, 29, 13, 45)), 1, 0.5, false, { error: '#DIV/0!' }, -0.1, '']);
      ws.getColumn(2).numFmt = 'yyyy"年"m"月"d"日"';
      ws.getColumn(3).numFmt = '[h]:mm:ss';
      ws.getColumn(6).numFmt = '"m" 0.00';
      ws.getCell('G2').numFmt = 'mm-dd-yy';
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.tables[0]?.rows[0]?.[0]).toEqual({ date: '2018-10-01' });
  });

  it('on formulas with results (0 and FALSE included), without results, and calculated to empty text', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Formulas');
      ws.addRow(['A', 'B', 'C', 'D', 'E', 'F']);
      ws.getCell('A2').value = { formula: 'B2-B2', result: 0 };
      ws.getCell('B2').value = { formula: '1=2', result: false };
      ws.getCell('C2').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('D2').value = { formula: 'SUM(D3:D4)' } as ExcelJS.CellFormulaValue;
      ws.getCell('E2').value = { formula: '"a"&"b"', result: 'ab' };
      ws.getCell('F2').value = { formula: 'NA()', result: { error: '#N/A' } };
      ws.getCell('A3').value = { formula: 'TODAY()', result: new Date(Date.UTC(2024, 0, 2)) };
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.tables[0]?.rows[0]?.slice(0, 4)).toEqual([0, false, 3, { formula: '=SUM(D3:D4)' }]);
  });

  it('on a formula Excel calculated to empty text, and one never calculated (raw sheet XML)', async () => {
    const bytes = rawWorkbook({
      sheets: [
        {
          name: 'Blanks',
          rows:
            '<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c><c r="B1" t="inlineStr"><is><t>i</t></is></c></row>' +
            '<row r="2"><c r="A2" t="str"><f>IF(B2="","",B2)</f><v></v></c><c r="B2"><f>C9*2</f></c></row>' +
            '<row r="3"><c r="A3" t="str"><f>IF(1,"","x")</f></c></row>',
        },
      ],
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.tables[0]?.rows).toEqual([[null, { formula: '=C9*2' }]]);
  });

  it('on shared and inline rich text, entities, escapes, unicode and line breaks', async () => {
    const bytes = rawWorkbook({
      sharedStrings:
        '<si><t>plain &amp; simple</t></si>' +
        '<si><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>' +
        '<si><t>line_x000D_&#10;break &#x263A; é 𝄞</t></si>' +
        '<si/>' +
        '<si><t></t></si>' +
        '<si><t>  spaced  </t></si>',
      sheets: [
        {
          name: 'Text',
          rows:
            '<row r="1">' +
            [0, 1, 2, 3, 4, 5].map((i) => `<c r="${'ABCDEF'[i]}1" t="s"><v>${i}</v></c>`).join('') +
            '</row><row r="2">' +
            '<c r="A2" t="inlineStr"><is><t>inline &lt;b&gt; _x0041_</t></is></c>' +
            '<c r="B2" t="inlineStr"><is><r><t>rich</t></r><r><rPr><i/></rPr><t> _x0042_run</t></r></is></c>' +
            '<c r="C2" t="str"><v>twice &amp;amp; decoded &amp;lt;</v></c>' +
            '<c r="D2" t="str"><v>cr\r\nlf</v></c>' +
            '<c r="E2" t="e"><v>#REF!</v></c>' +
            '<c r="F2" t="b"><v>1</v></c>' +
            '</row>',
        },
      ],
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.tables[0]?.header[1]).toBe('Bold and plain');
  });

  it('on tables with and without totals rows, empty rows, far cells, merges and hyperlinks', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Tables');
      ws.addTable({
        name: 'WithTotals',
        ref: 'B2',
        totalsRow: true,
        columns: [
          { name: 'Name', totalsRowLabel: 'Total' },
          { name: 'Amount', totalsRowFunction: 'sum' },
        ],
        rows: [
          ['a', 1],
          ['b', 2],
          ['c', 0],
        ],
      });
      ws.addTable({
        name: 'Plain',
        ref: 'F2',
        columns: [{ name: 'K' }, { name: 'V' }],
        rows: [
          ['x', 'y'],
          [null, null],
        ],
      });
      ws.getCell('Z40').value = 'far';
      ws.getCell('A60').value = 'after empty rows';
      ws.mergeCells('H20:I21');
      ws.getCell('H20').value = 'merged';
      ws.getCell('K20').value = { text: 'link', hyperlink: 'https://example.gov' };
      wb.addWorksheet('Empty');
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.tables.map((t) => t.name)).toEqual(['WithTotals', 'Plain', 'Tables']);
  });

  it('on the 1904 date system', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Dates');
      ws.addRow(['When']);
      ws.addRow([new Date(Date.UTC(2019, 6, 4))]);
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.tables[0]?.rows[0]?.[0]).toEqual({ date: '2019-07-04' });
  });

  it('on random sheets of every cell kind (property test)', async () => {
    const seed = 13_2026;
    console.log(`random sheets seed: ${seed}`);
    const r = new Random(seed);
    for (let round = 0; round < 12; round++) {
      const bytes = await workbookBytes((wb) => {
        const ws = wb.addWorksheet(`R${round}`);
        const rows = r.int(1, 30);
        for (let i = 0; i < rows * 4; i++) {
          const cell = ws.getCell(r.int(1, rows + 5), r.int(1, 12));
          cell.value = randomValue(r);
          if (r.next() < 0.2) cell.numFmt = r.pick(['0.00', 'mm-dd-yy', 'd-mmm', '#,##0', '@', 'h:mm']);
        }
      });
      await expectSameGrids(bytes);
    }
  });
});

function randomValue(r: Random): ExcelJS.CellValue {
  switch (r.int(0, 9)) {
    case 0:
      return null;
    case 1:
      return r.pick(['', ' ', 'a&b', '<tag>', 'tab\there', 'é€😀', 'line\nbreak', '_x0041_']);
    case 2:
      return r.int(-1e6, 1e6) / 100;
    case 3:
      return r.next() < 0.5;
    case 4:
      return { error: r.pick(['#N/A', '#VALUE!', '#DIV/0!']) } as ExcelJS.CellErrorValue;
    case 5:
      return new Date(Date.UTC(r.int(1990, 2030), r.int(0, 11), r.int(1, 28)));
    case 6:
      return { formula: 'A1+1', result: r.pick([0, 1, -2.5]) } as ExcelJS.CellFormulaValue;
    case 7:
      return { formula: 'A1&""', result: r.pick(['x', 'y z']) } as ExcelJS.CellFormulaValue;
    case 8:
      return { richText: [{ text: 'rich ' }, { font: { bold: true }, text: r.pick(['one', '']) }] };
    default:
      return r.next() * 1e9;
  }
}

describe('workbooks the direct reader leaves to exceljs', () => {
  const sharedFormulaWithoutResult = () =>
    rawWorkbook({
      sheets: [
        {
          name: 'Shared',
          rows:
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f></c></row>' +
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c></row>',
        },
      ],
    });

  it('refuses them with Unsupported, and readWorkbookGrids reads them through exceljs alike', async () => {
    const bytes = sharedFormulaWithoutResult();
    await expect(readWorkbookGridsDirect(copy(bytes))).rejects.toBeInstanceOf(Unsupported);
    expect(await readWorkbookGrids(copy(bytes))).toEqual(await readWorkbookGridsExcelJs(copy(bytes)));
  });

  it('hands over prefixed (foreign-namespace) sheets and rows out of order', async () => {
    const outOfOrder = rawWorkbook({
      sheets: [
        { name: 'S', rows: '<row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>' },
      ],
    });
    await expect(readWorkbookGridsDirect(copy(outOfOrder))).rejects.toBeInstanceOf(Unsupported);
    expect(await readWorkbookGrids(copy(outOfOrder))).toEqual(
      await readWorkbookGridsExcelJs(copy(outOfOrder)),
    );
    // exceljs matches names as written, so it finds no workbook in a prefixed one: damaged, by either path.
    const prefixed = prefixedWorkbook();
    await expect(readWorkbookGridsDirect(copy(prefixed))).rejects.toBeInstanceOf(Unsupported);
    await expect(readWorkbookGrids(copy(prefixed))).rejects.toBeInstanceOf(UnreadableWorkbookError);
  });
});
