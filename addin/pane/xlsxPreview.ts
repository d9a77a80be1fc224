import type { OutputCell } from '../../models';
import { inflateJs } from '../../server/xlsx/package/inflateJs';
import { scanSharedStrings } from '../../server/xlsx/package/sharedStrings';
import { scanCells, type SheetCell } from '../../server/xlsx/package/sheetCells';
import { XlsxPackage } from '../../server/xlsx/package/xlsxPackage';
import { percentStyles } from './percentStyles';

/**
 * The first rows of each output sheet in the crosswalk workbook the engine returned, for the preview in a
 * browser. It reads the file through the same package module as the server (directory checked, parts inflated
 * on demand, XML parsed by a real parser); the sheets are the engine's own (title in A1, header in row 3), so
 * the sheet body is read as a stream up to the last row wanted, and a 100,000-row sheet costs no more than a
 * small one.
 */
export interface PreviewTable {
  name: string;
  title: string;
  header: string[];
  rows: OutputCell[][];
  /** Per body cell, the places of the percent the workbook shows it as (a rate measure's 3.2%), else null. */
  percents: (number | null)[][];
  /** Body rows in the sheet (the preview shows at most `maxRows` of them). */
  totalRows: number;
}

const HEADER_ROW = 3;

export async function previewTables(
  bytes: Uint8Array,
  names: readonly string[],
  maxRows = 50,
): Promise<PreviewTable[]> {
  const pkg = await XlsxPackage.open(bytes, { inflate: inflateJs });
  const stringsPath = await pkg.workbookPart('sharedStrings');
  const stringsXml = stringsPath === null ? null : await pkg.largeText(stringsPath);
  const strings = stringsXml === null ? [] : scanSharedStrings(stringsXml, { texts: true }).texts;
  const stylesPath = await pkg.workbookPart('styles');
  const percentOf = percentStyles(stylesPath === null ? null : await pkg.largeText(stylesPath));
  const tables: PreviewTable[] = [];
  for (const name of names) {
    const path = await pkg.sheetPath(name);
    const xml = path === null ? null : await pkg.largeText(path);
    if (xml === null) continue;
    const rows = new Map<number, OutputCell[]>();
    const percents = new Map<number, (number | null)[]>();
    const { dimension } = scanCells(
      xml,
      (cell) => {
        let row = rows.get(cell.row);
        if (!row) rows.set(cell.row, (row = []));
        row[cell.column - 1] = cellValue(cell, strings);
        const places = percentOf(cell.style);
        if (places === null) return;
        let marks = percents.get(cell.row);
        if (!marks) percents.set(cell.row, (marks = []));
        marks[cell.column - 1] = places;
      },
      HEADER_ROW + maxRows,
    );
    const dense = (r: number) => Array.from(rows.get(r) ?? [], (v) => v ?? null);
    let bottom = HEADER_ROW;
    for (const r of rows.keys()) if (r > bottom) bottom = r;
    const body: OutputCell[][] = [];
    const bodyPercents: (number | null)[][] = [];
    for (let r = HEADER_ROW + 1; r <= bottom; r++) {
      body.push(dense(r));
      bodyPercents.push(Array.from(percents.get(r) ?? [], (p) => p ?? null));
    }
    tables.push({
      name,
      title: String(rows.get(1)?.[0] ?? ''),
      header: dense(HEADER_ROW).map((v) => (v === null ? '' : String(v))),
      rows: body,
      percents: bodyPercents,
      totalRows: Math.max(body.length, dimensionBottom(dimension) - HEADER_ROW),
    });
  }
  return tables;
}

/** The last row of a `<dimension ref="A1:E120">`, or 0. */
function dimensionBottom(ref: string | undefined): number {
  const end = ref?.split(':')[1] ?? '';
  let digits = '';
  for (const ch of end) if (ch >= '0' && ch <= '9') digits += ch;
  return digits ? Number(digits) : 0;
}

function cellValue(cell: SheetCell, strings: readonly string[]): OutputCell {
  const v = cell.value;
  switch (cell.type) {
    case 's':
      return strings[Number(v)] ?? null;
    case 'inlineStr':
      return cell.inline ?? null;
    case 'str':
    case 'e':
      return v === undefined ? null : v;
    case 'b':
      return v === '1';
    default:
      return v === undefined ? null : Number(v);
  }
}
