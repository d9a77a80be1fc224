import type { MoneyDisplay, OutputCell, OutputTable } from '../../../models';
import { OUTPUT_TABLE_TOP_LEFT } from '../../../models';
import { columnLetters, parseCellAddress } from '../cells';
import { columnWidthFor, internalLinkTarget, numberFormatFor, uniqueColumnNames } from '../formats';
import { exhibitPageSetup, type ExhibitInfo } from './pageSetup';
import type { SharedStrings } from './sharedStrings';
import type { StyleBook } from './styles';
import { esc } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EXCEL_MAX_TEXT = 32767;
const ROWS_PER_CHUNK = 2_000;
const HEADER = parseCellAddress(OUTPUT_TABLE_TOP_LEFT);

export interface SheetOptions {
  /** Who and what the footer names. */
  exhibit?: ExhibitInfo;
  /** The relationship id of a drawing (charts) on this sheet; the table is always rId1. */
  drawingRelId?: string;
  /** Fit to one page tall as well as wide (the Summary). */
  onePage?: boolean;
}

export interface RenderedSheet {
  /** The worksheet part, in chunks. */
  chunks: Buffer[];
  /** The table part's XML, for table id `tableId`. */
  tableXml: string;
  /** Column widths in Excel's character units, from the first column. */
  widths: number[];
}

/**
 * One output table as a worksheet: title in A1, header at A3, the body below it as an Excel table, frozen above
 * the body, number formats by column (or by row for FTE rows), bold subtotals and totals, in-workbook links.
 * Written as XML directly, row by row, so a sheet of a million rows costs chunks of text, not a cell object each.
 */
export function renderSheet(
  table: OutputTable,
  money: MoneyDisplay,
  strings: SharedStrings,
  styles: StyleBook,
  tableId: number,
  options: SheetOptions = {},
): RenderedSheet {
  const page = exhibitPageSetup(options.exhibit, money, options.onePage ?? false);
  const width = table.columns.length;
  const cols = table.columns.map((_, i) => columnLetters(HEADER.column + i));
  const names = uniqueColumnNames(table.columns.map((c) => c.name));
  const bodyRows = Math.max(1, table.rows.length); // Excel refuses a table without a body row.
  const lastRow = HEADER.row + bodyRows;
  const ref = `${cols[0]}${HEADER.row}:${cols[width - 1]}${lastRow}`;
  const linkColumn = Math.max(
    0,
    table.columns.findIndex((c) => c.name.toLowerCase() === 'cell'),
  );
  const formatFor = (column: number, row: number): string => {
    const f = table.columns[column]?.format ?? 'text';
    const rowFormat = table.rowFormats?.[row];
    return numberFormatFor(f === 'money' && rowFormat ? rowFormat : f, money) ?? 'General';
  };
  const chunks: Buffer[] = [];
  const columnWidths = table.columns.map((c, i) => columnWidthFor(c, sample(table.rows, i), money));
  const widths = columnWidths
    .map(
      (w, i) => `<col min="${HEADER.column + i}" max="${HEADER.column + i}" width="${w}" customWidth="1"/>`,
    )
    .join('');
  chunks.push(
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${page.sheetPr}` +
        `<dimension ref="A1:${cols[width - 1]}${lastRow}"/>` +
        `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER.row}" topLeftCell="A${HEADER.row + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${HEADER.row + 1}" sqref="A${HEADER.row + 1}"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${widths}</cols><sheetData>` +
        `<row r="1"><c r="A1" t="s" s="${styles.xf({ numFmt: 'General', font: 'title', topBorder: false })}"><v>${strings.id(table.title)}</v></c></row>` +
        `<row r="${HEADER.row}">${names.map((n, i) => `<c r="${cols[i]}${HEADER.row}" t="s"><v>${strings.id(n)}</v></c>`).join('')}</row>`,
    ),
  );
  const links: string[] = [];
  // Styles depend only on the column, the row's kind and its row format: look each combination up once.
  const looks = new Map<string, { cells: number[]; link: number }>();
  const looksFor = (r: number, kind: string) => {
    const key = `${table.rowFormats?.[r] ?? ''}|${kind}`;
    let look = looks.get(key);
    if (!look) {
      const font = kind === 'detail' ? 'normal' : 'bold';
      look = {
        cells: table.columns.map((_, c) =>
          styles.xf({ numFmt: formatFor(c, r), font, topBorder: kind === 'total' }),
        ),
        link: styles.xf({ numFmt: formatFor(linkColumn, r), font: 'link', topBorder: kind === 'total' }),
      };
      looks.set(key, look);
    }
    return look;
  };
  let part: string[] = [];
  for (let r = 0; r < bodyRows; r++) {
    const row = table.rows[r] ?? [];
    const at = HEADER.row + 1 + r;
    const kind = table.rowKinds?.[r] ?? 'detail';
    const link = table.links?.[r] ?? null;
    const look = looksFor(r, kind);
    let xml = `<row r="${at}">`;
    for (let c = 0; c < width; c++) {
      const isLink = link !== null && c === linkColumn;
      const value = isLink && (row[c] === null || row[c] === undefined) ? link : (row[c] ?? null);
      xml += cell(`${cols[c]}${at}`, value, isLink ? look.link : (look.cells[c] as number), strings);
    }
    part.push(`${xml}</row>`);
    if (link !== null)
      links.push(`<hyperlink ref="${cols[linkColumn]}${at}" location="${esc(internalLinkTarget(link))}"/>`);
    if (part.length === ROWS_PER_CHUNK) {
      chunks.push(Buffer.from(part.join('')));
      part = [];
    }
  }
  chunks.push(
    Buffer.from(
      `${part.join('')}</sheetData>${links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : ''}` +
        `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.75" header="0.3" footer="0.3"/>${page.afterMargins}` +
        `${options.drawingRelId ? `<drawing r:id="${options.drawingRelId}"/>` : ''}` +
        `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
    ),
  );
  const tableXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="${tableId}" name="${esc(table.name)}" displayName="${esc(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}">${names.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join('')}</autoFilter><tableColumns count="${width}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${esc(n)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  return { chunks, tableXml, widths: columnWidths };
}

/** A cell: numbers as numbers, text through shared strings (never a formula), values Excel cannot hold as #NUM!. */
function cell(ref: string, value: OutputCell, s: number, strings: SharedStrings): string {
  if (value === null) return `<c r="${ref}" s="${s}"/>`;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? `<c r="${ref}" s="${s}"><v>${value}</v></c>`
      : `<c r="${ref}" s="${s}" t="e"><v>#NUM!</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" s="${s}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value.length > EXCEL_MAX_TEXT ? value.slice(0, EXCEL_MAX_TEXT) : value;
  return `<c r="${ref}" s="${s}" t="s"><v>${strings.id(text)}</v></c>`;
}

/** Column widths come from the content; a few thousand rows say as much as a million. */
function sample(rows: readonly OutputCell[][], column: number): OutputCell[] {
  const step = Math.max(1, Math.floor(rows.length / 5_000));
  const out: OutputCell[] = [];
  for (let r = 0; r < rows.length; r += step) out.push(rows[r]?.[column] ?? null);
  return out;
}
