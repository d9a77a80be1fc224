import { Random } from '../../../bench/random';
import type { WorkbookGrids } from '../../../models';
import { readWorkbookGridsDirect, readWorkbookGridsExcelJs } from '../../../server/xlsx/readGrids';
import { Unsupported } from '../../../server/xlsx/package/xmlBytes';
import { rawWorkbook } from '../../fixtures/package/rawWorkbook';

/**
 * The direct reader reads most value texts straight from the bytes (plain decimals, shared string indexes,
 * style indexes, cell types, addresses). Against exceljs, on raw sheets whose `<v>` texts take every form a
 * number can be written in (and some it cannot), the grids must be the same, byte for byte as JSON.
 */

const VALUE_TEXTS = [
  '0',
  '-0',
  '12',
  '0012',
  '-1.5',
  '12.50',
  '905951.64',
  '0.1',
  '999999999999999',
  '1234567890123456789',
  '0.30000000000000004',
  '1.',
  '.5',
  '-.5',
  '+3',
  '1e3',
  '1E-2',
  ' 7',
  '7 ',
  '1.2.3',
  '0x1A',
  'Infinity',
  'abc',
  '&#49;2',
  '1&#46;5',
  '2&amp;3',
];
const TYPES = ['', ' t="n"', ' t="s"', ' t="b"', ' t="e"', ' t="str"'];
const STYLES = ['', ' s="0"', ' s="00"'];
const STRINGS = ['<si><t>zero</t></si>', '<si><t>one</t></si>', '<si><t>two</t></si>'].join('');

const columnName = (n: number): string => String.fromCharCode(64 + n);

/** One raw `<c>`: a type, maybe a formula, and a value text drawn from the list. */
function randomCell(r: Random, row: number, column: number): string {
  const type = r.pick(TYPES);
  // A shared string's index must fall inside the table, or exceljs and the reader part ways by design.
  const value = type === ' t="s"' ? r.pick(['0', '1', '2', '01', '1.0', '2.7', '-0']) : r.pick(VALUE_TEXTS);
  const formula = r.next() < 0.2 ? '<f>1+1</f>' : '';
  return `<c r="${columnName(column)}${row}"${r.pick(STYLES)}${type}>${formula}<v>${value}</v></c>`;
}

function randomSheetRows(r: Random): string {
  const rows: string[] = [`<row r="1"><c r="A1" t="inlineStr"><is><t>Head</t></is></c></row>`];
  for (let row = 2; row <= 25; row++) {
    const cells = Array.from({ length: 8 }, (_, i) => randomCell(r, row, i + 1)).join('');
    rows.push(`<row r="${row}">${cells}</row>`);
  }
  return rows.join('');
}

async function bothReaders(bytes: Buffer): Promise<[WorkbookGrids, WorkbookGrids] | null> {
  try {
    const direct = await readWorkbookGridsDirect(Buffer.from(bytes));
    return [direct, await readWorkbookGridsExcelJs(Buffer.from(bytes))];
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

describe('direct reader values read from the bytes', () => {
  it('Given raw sheets of numbers, indexes and texts in every written form (fixed seed), When read, Then the grids equal exceljs’s', async () => {
    const seed = 4_2026;
    console.log(`raw value sheets seed: ${seed}`);
    const r = new Random(seed);
    let compared = 0;
    for (let round = 0; round < 10; round++) {
      const bytes = rawWorkbook({
        sheets: [{ name: 'Values', rows: randomSheetRows(r) }],
        sharedStrings: STRINGS,
      });
      const read = await bothReaders(bytes);
      if (!read) continue;
      compared++;
      expect(JSON.stringify(read[0])).toBe(JSON.stringify(read[1]));
      expect(read[0]).toEqual(read[1]);
    }
    // The direct reader handles these sheets; were it to refuse them all, nothing would have been compared.
    expect(compared).toBe(10);
  });

  it('Given each value text alone as a number, When read, Then the grid holds what parseFloat makes of it, as exceljs', async () => {
    const rows = VALUE_TEXTS.map((text, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${text}</v></c></row>`);
    const bytes = rawWorkbook({
      sheets: [
        { name: 'N', rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>N</t></is></c></row>${rows.join('')}` },
      ],
    });
    const read = await bothReaders(bytes);

    expect(read).not.toBeNull();
    const [direct, excel] = read as [WorkbookGrids, WorkbookGrids];
    expect(JSON.stringify(direct)).toBe(JSON.stringify(excel));
    expect(direct.tables[0]?.rows.map((row) => row[0])).toContainEqual(905951.64);
  });
});
