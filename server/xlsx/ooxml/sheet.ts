import type {
  ColumnFormat,
  MoneyDisplay,
  OutputCell,
  OutputTable,
  RowKind,
  ValueFormat,
} from '../../../models';
import { linkColumnOf, OUTPUT_TABLE_TOP_LEFT } from '../../../models';
import { columnLetters, parseA1 } from '../../../models/a1';
import {
  cellNumberFormat,
  columnWidthFor,
  internalLinkTarget,
  uniqueColumnNames,
  WRAP_WIDTH,
  wrappedColumns,
  wrappedRowHeight,
} from '../formats';
import { ByteSink } from './byteSink';
import { exhibitPageSetup, type ExhibitInfo } from './pageSetup';
import type { SharedStrings } from './sharedStrings';
import type { StyleBook } from './styles';
import { esc, needsEscape } from './xml';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EXCEL_MAX_TEXT = 32767;
const HEADER = parseA1(OUTPUT_TABLE_TOP_LEFT);

/** Rows sampled to judge a column's text (and its width): a few thousand say as much as a million. */
const SAMPLE_ROWS = 5_000;
/** A text column goes inline when a sample this large is mostly distinct texts (see inlineTextColumns). */
const INLINE_MIN_SAMPLE = 1_000;

export interface SheetOptions {
  /** Who and what the footer names. */
  exhibit?: ExhibitInfo;
  /** The relationship id of a drawing (charts) on this sheet; the table is always rId1. */
  drawingRelId?: string;
  /** Fit to one page tall as well as wide (the Summary). */
  onePage?: boolean;
}

export interface RenderedSheet {
  /**
   * The worksheet part in chunks of about a megabyte, made as they are read: a consumer may compress one while
   * the next is written. Shared strings fill in as it goes, so read it to the end before writing them.
   */
  chunks: Iterable<Buffer>;
  /** The table part's XML, for table id `tableId`. */
  tableXml: string;
  /** Column widths in Excel's character units, from the first column. */
  widths: number[];
}

/**
 * One output table as a worksheet: title in A1, header at A3, the body below it as an Excel table, frozen above
 * the body, number formats by column (or by row for FTE rows), bold subtotals and totals, in-workbook links.
 * The body is written as bytes, row by row, into reused buffers (see ByteSink): no string or object per cell.
 */
export function renderSheet(
  table: OutputTable,
  money: MoneyDisplay,
  strings: SharedStrings,
  styles: StyleBook,
  tableId: number,
  options: SheetOptions = {},
): RenderedSheet {
  const width = table.columns.length;
  const cols = table.columns.map((_, i) => columnLetters(HEADER.column + i));
  const names = uniqueColumnNames(table.columns.map((c) => c.name));
  const lastRow = HEADER.row + Math.max(1, table.rows.length); // Excel refuses a table without a body row.
  const ref = `${cols[0]}${HEADER.row}:${cols[width - 1]}${lastRow}`;
  const samples = table.columns.map((_, i) => sample(table.rows, i));
  const natural = table.columns.map((c, i) => columnWidthFor(c, samples[i] as OutputCell[], money));
  const wrap = wrappedColumns(table.columns, natural, table.rows.length);
  const widths = natural.map((w, i) => (wrap[i] ? WRAP_WIDTH : w));
  const tableXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="${tableId}" name="${esc(table.name)}" displayName="${esc(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}">${names.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join('')}</autoFilter><tableColumns count="${width}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${esc(n)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  const page = exhibitPageSetup(options.exhibit, money, options.onePage ?? false);
  const inline = inlineTextColumns(samples);
  const layout: SheetLayout = {
    table,
    money,
    strings,
    styles,
    options,
    page,
    cols,
    names,
    lastRow,
    widths,
    wrap,
    inline,
  };
  return { chunks: sheetChunks(layout), tableXml, widths };
}

interface SheetLayout {
  table: OutputTable;
  money: MoneyDisplay;
  strings: SharedStrings;
  styles: StyleBook;
  options: SheetOptions;
  page: ReturnType<typeof exhibitPageSetup>;
  /** Column letters, from the first column. */
  cols: string[];
  /** Header texts, made unique as Excel requires. */
  names: string[];
  lastRow: number;
  widths: number[];
  /** Long text columns that wrap within their width (see wrapsText). */
  wrap: boolean[];
  /** Text columns written inline rather than through the shared strings. */
  inline: boolean[];
}

function* sheetChunks(layout: SheetLayout): Generator<Buffer> {
  const { table, cols, page } = layout;
  const sink = new ByteSink();
  const cells = new BodyCells(layout, sink);
  sink.utf8(sheetHead(layout, cells.columnStyles));
  const links: string[] = [];
  const bodyRows = layout.lastRow - HEADER.row;
  for (let r = 0; r < bodyRows; r++) {
    const link = table.links?.[r] ?? null;
    const at = HEADER.row + 1 + r;
    cells.row(r, at, link);
    if (link !== null)
      links.push(
        `<hyperlink ref="${cols[cells.linkColumn]}${at}" location="${esc(internalLinkTarget(link))}"/>`,
      );
    if (sink.ready) yield* sink.take();
  }
  const drawing = layout.options.drawingRelId;
  sink.utf8(
    `</sheetData>${links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : ''}` +
      `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.75" header="0.3" footer="0.3"/>${page.afterMargins}` +
      `${drawing ? `<drawing r:id="${drawing}"/>` : ''}` +
      `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
  );
  yield* sink.take(true);
}

/**
 * Everything before the body's first row: sheet properties, view, columns (width and the style an empty
 * detail cell has, see BodyCells), the title and the header.
 */
function sheetHead(layout: SheetLayout, columnStyles: readonly number[]): string {
  const { table, strings, styles, page, cols, names, lastRow, widths } = layout;
  const colXml = widths
    .map(
      (w, i) =>
        `<col min="${HEADER.column + i}" max="${HEADER.column + i}" width="${w}" style="${columnStyles[i]}" customWidth="1"/>`,
    )
    .join('');
  const titleStyle = styles.xf({ numFmt: 'General', font: 'title', topBorder: false });
  // A header over amounts sits right, over the amounts' right edge, as in a budget exhibit.
  const headerStyle = (c: number) =>
    (table.columns[c]?.format ?? 'text') === 'text'
      ? ''
      : ` s="${styles.xf({ numFmt: 'General', font: 'normal', topBorder: false, right: true })}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${page.sheetPr}` +
    `<dimension ref="A1:${cols[cols.length - 1]}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER.row}" topLeftCell="A${HEADER.row + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${HEADER.row + 1}" sqref="A${HEADER.row + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${colXml}</cols><sheetData>` +
    `<row r="1"><c r="A1" t="s" s="${titleStyle}"><v>${strings.id(table.title)}</v></c></row>` +
    `<row r="${HEADER.row}">${names.map((n, i) => `<c r="${cols[i]}${HEADER.row}" t="s"${headerStyle(i)}><v>${strings.id(n)}</v></c>`).join('')}</row>`
  );
}

/** A row's cell styles, as the ` s="N"` bytes each cell carries: one look per row kind and row format. */
interface Look {
  styles: number[];
  cells: Uint8Array[];
  link: Uint8Array;
}

const ascii = (text: string) => Buffer.from(text, 'latin1');
const TAG = {
  rowOpen: ascii('<row r="'),
  rowOpenEnd: ascii('">'),
  rowClose: ascii('</row>'),
  empty: ascii('/>'),
  number: ascii('><v>'),
  valueClose: ascii('</v></c>'),
  notANumber: ascii(' t="e"><v>#NUM!</v></c>'),
  boolTrue: ascii(' t="b"><v>1</v></c>'),
  boolFalse: ascii(' t="b"><v>0</v></c>'),
  shared: ascii(' t="s"><v>'),
  inline: ascii(' t="inlineStr"><is><t>'),
  inlineKept: ascii(' t="inlineStr"><is><t xml:space="preserve">'),
  inlineClose: ascii('</t></is></c>'),
};

/**
 * The body's cells, written straight into the sink. Everything that repeats (a column's `<c r="AB`, a style's
 * ` s="7"`) is made into bytes once; a cell costs its reference's row digits and its value. An empty cell of
 * a plain detail row is not written at all: its column carries that style (`<col style>`), so it looks and
 * takes a typed value the same, and CrosswalkMatrix, mostly blanks, costs a fraction of the bytes to write
 * and to open. Empty cells of other rows (a total's top border, an FTE row's format) are written.
 */
class BodyCells {
  readonly linkColumn: number;
  /** The style of each column: a plain detail row's. */
  readonly columnStyles: number[];
  private readonly refs: Uint8Array[];
  private readonly looks = new Map<string, Look>();
  private readonly plain: Look;
  private readonly rowDigits = Buffer.alloc(16);
  /** Whether any column wraps: only then does a row's height depend on its text. */
  private readonly wraps: boolean;
  private rowDigitCount = 0;

  constructor(
    private readonly layout: SheetLayout,
    private readonly sink: ByteSink,
  ) {
    const { table, cols } = layout;
    this.linkColumn = linkColumnOf(table);
    this.refs = cols.map((letters) => ascii(`<c r="${letters}`));
    this.wraps = layout.wrap.some(Boolean);
    this.plain = this.lookFor(null, null, 'detail');
    this.columnStyles = this.plain.styles;
  }

  row(r: number, at: number, link: string | null): void {
    const { table } = this.layout;
    const sink = this.sink;
    const values = table.rows[r] ?? [];
    const kind = table.rowKinds?.[r] ?? 'detail';
    const look = this.lookFor(table.rowFormats?.[r] ?? null, table.valueFormats?.[r] ?? null, kind);
    const plain = look === this.plain;
    this.setRowDigits(at);
    sink.bytes(TAG.rowOpen);
    sink.digits(at);
    const height = this.wraps ? wrappedRowHeight(values, this.layout.wrap, kind !== 'detail') : null;
    if (height !== null) sink.utf8(`" ht="${height}" customHeight="1`);
    sink.bytes(TAG.rowOpenEnd);
    const width = this.refs.length;
    for (let c = 0; c < width; c++) {
      const isLink = link !== null && c === this.linkColumn;
      const value = values[c] ?? null;
      if (value === null && plain && !isLink) continue;
      sink.bytes(this.refs[c] as Uint8Array);
      sink.bytes(this.rowDigits, this.rowDigitCount);
      sink.bytes(isLink ? look.link : (look.cells[c] as Uint8Array));
      this.value(isLink && value === null ? link : value, c);
    }
    sink.bytes(TAG.rowClose);
  }

  /** A value: numbers as numbers, text shared or inline (never a formula), values Excel cannot hold as #NUM!. */
  private value(value: OutputCell, column: number): void {
    const sink = this.sink;
    if (value === null) sink.bytes(TAG.empty);
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return sink.bytes(TAG.notANumber);
      sink.bytes(TAG.number);
      sink.number(value);
      sink.bytes(TAG.valueClose);
    } else if (typeof value === 'boolean') sink.bytes(value ? TAG.boolTrue : TAG.boolFalse);
    else {
      const text = value.length > EXCEL_MAX_TEXT ? value.slice(0, EXCEL_MAX_TEXT) : value;
      if (!this.layout.inline[column]) {
        sink.bytes(TAG.shared);
        sink.digits(this.layout.strings.id(text));
        sink.bytes(TAG.valueClose);
        return;
      }
      sink.bytes(hasEdgeSpace(text) ? TAG.inlineKept : TAG.inline);
      sink.utf8(needsEscape(text) ? esc(text) : text);
      sink.bytes(TAG.inlineClose);
    }
  }

  private setRowDigits(at: number): void {
    const text = String(at);
    for (let i = 0; i < text.length; i++) this.rowDigits[i] = text.charCodeAt(i);
    this.rowDigitCount = text.length;
  }

  /** Styles depend only on the column, the row's kind and its row and value formats: each is looked up once. */
  private lookFor(rowFormat: ColumnFormat | null, valueFormat: ValueFormat | null, kind: RowKind): Look {
    const { table, money, styles } = this.layout;
    const key = `${rowFormat ?? ''}|${valueFormat ? `${valueFormat.format}${valueFormat.decimals}` : ''}|${kind}`;
    let look = this.looks.get(key);
    if (look) return look;
    const font = kind === 'detail' ? 'normal' : 'bold';
    const topBorder = kind === 'total';
    const formatOf = (column: number) =>
      cellNumberFormat(table.columns[column]?.format ?? 'text', rowFormat, valueFormat, money) ?? 'General';
    const attribute = (s: number) => ascii(`" s="${s}"`);
    const wrap = (c: number) => this.layout.wrap[c] === true;
    const cellStyles = table.columns.map((_, c) =>
      styles.xf({ numFmt: formatOf(c), font, topBorder, wrap: wrap(c), top: this.wraps }),
    );
    look = {
      styles: cellStyles,
      cells: cellStyles.map(attribute),
      link: attribute(
        styles.xf({
          numFmt: formatOf(this.linkColumn),
          font: 'link',
          topBorder,
          wrap: wrap(this.linkColumn),
          top: this.wraps,
        }),
      ),
    };
    this.looks.set(key, look);
    return look;
  }
}

/**
 * Which text columns are written inline (`t="inlineStr"`) rather than through the shared strings: those whose
 * texts do not repeat, such as CrosswalkDetail's Source (`Budget!F17`, one per row). Shared strings pay off
 * only for text that repeats; a table of half a million unique cells would otherwise add half a million
 * entries that Excel and LibreOffice must load before the first sheet. Judged on each column's even sample of
 * the rows (see sample): at least INLINE_MIN_SAMPLE texts, more than half of them distinct. Small tables keep
 * shared strings.
 */
export function inlineTextColumns(samples: readonly OutputCell[][]): boolean[] {
  return samples.map((values) => {
    const texts = values.filter((v): v is string => typeof v === 'string');
    return texts.length >= INLINE_MIN_SAMPLE && new Set(texts).size * 2 > texts.length;
  });
}

/** Leading or trailing whitespace, which a reader keeps only when the text says `xml:space="preserve"`. */
function hasEdgeSpace(text: string): boolean {
  return text.length > 0 && (text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32);
}

/** An even sample of a column's values, up to SAMPLE_ROWS of them. */
export function sample(rows: readonly OutputCell[][], column: number): OutputCell[] {
  const step = Math.max(1, Math.floor(rows.length / SAMPLE_ROWS));
  const out: OutputCell[] = [];
  for (let r = 0; r < rows.length; r += step) out.push(rows[r]?.[column] ?? null);
  return out;
}
