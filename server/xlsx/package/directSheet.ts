import type { CellValue } from '../../../models';
import { parseRange, serialDate } from '../cells';
import { xmlDecodeTwice } from './directParts';
import { decodeEscapes, expectEnd, nonEmpty } from './directStrings';
import type { DateStyles } from './directStyles';
import { ascii, Token, unsupported, XmlBytes } from './xmlBytes';

const { Open, Empty, Close, Text, End } = Token;

/**
 * One worksheet part read straight from its bytes, rows streamed into sparse arrays, with the values exceljs
 * gives (see `cellValue`). The parts after the cells (merged ranges, hyperlinks, table parts) are read first, so
 * a merged-over cell is never counted. Anything outside what budget workbooks hold is `Unsupported`.
 */

export interface SheetContext {
  /** Each shared string's grid value; undefined when the workbook has no shared strings part. */
  strings: (string | null)[] | undefined;
  styles: DateStyles;
  date1904: boolean;
  /** The sheet's relationship targets by id (hyperlinks are looked up there, as exceljs does). */
  rels: Map<string, string | undefined>;
  /** Called once per filled cell, before it is kept: the workbook-wide cell limit. */
  addFilled: () => void;
  intern: (text: string) => string;
}

export interface SheetRead {
  /** Rows holding a value, ascending, each a sparse array indexed by column - 1. */
  rows: Map<number, CellValue[]>;
  /** The `r:id` of each table part, in order. */
  tableParts: string[];
}

const WORKSHEET = ascii('worksheet');
const SHEET_DATA = ascii('sheetData');
const ROW = ascii('row');
const C = ascii('c');
const F = ascii('f');
const V = ascii('v');
const IS = ascii('is');
const T = ascii('t');
const R = ascii('r');
const PHONETIC_PR = ascii('phoneticPr');
const MERGE_CELLS = ascii('mergeCells');
const MERGE_CELL = ascii('mergeCell');
const HYPERLINKS = ascii('hyperlinks');
const HYPERLINK = ascii('hyperlink');
const TABLE_PARTS = ascii('tableParts');
const TABLE_PART = ascii('tablePart');
const SHEET_DATA_END = Buffer.from('</sheetData>');

const ATTR_R = ascii('r');
const ATTR_S = ascii('s');
const ATTR_T = ascii('t');
const ATTR_REF = ascii('ref');
const ATTR_RID = ascii('r:id');
const CELL_ATTRS = [ATTR_R, ATTR_S, ATTR_T];
const REF_ATTRS = [ATTR_REF, ATTR_RID];
const F_ATTRS = [ATTR_T];

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const MAX_MERGES = 10_000;

/** A formula cell exceljs leaves without a result but whose `t="str"` marks it as calculated to empty text. */
const CALCULATED_BLANK = Symbol('calculated blank');
type ScannedValue = CellValue | typeof CALCULATED_BLANK;

/** What one `<c>` holds, as exceljs collects it. */
interface RawCell {
  address: string;
  type: string | undefined;
  style: number;
  formula: string | undefined;
  shareType: string | undefined;
  /** `<v>` and inline `<t>` texts, joined; undefined when there was no text at all. */
  value: string | undefined;
  /** Inline rich text runs joined, when the cell has runs. */
  runs: string | undefined;
}

/** Merged-over cells (every cell of a merged range but its top-left) by row, as column spans. */
type Merged = Map<number, [number, number][]>;

interface SheetExtras {
  merges: Range[];
  merged: Merged;
  hyperlinks: Set<string>;
  tableParts: string[];
}

export function readSheet(bytes: Buffer, ctx: SheetContext): SheetRead {
  const extras: SheetExtras = { merges: [], merged: new Map(), hyperlinks: new Set(), tableParts: [] };
  const rows = new Map<number, CellValue[]>();
  const dataEnd = bytes.lastIndexOf(SHEET_DATA_END);
  if (dataEnd >= 0) {
    // The parts after the cells first: merged ranges decide which cells count.
    readChildren(new XmlBytes(bytes, dataEnd + SHEET_DATA_END.length), extras, ctx, null);
  }
  const x = new XmlBytes(bytes);
  let token = x.next();
  while (token === Text && x.blank()) token = x.next();
  if ((token !== Open && token !== Empty) || !x.is(WORKSHEET)) return unsupported('worksheet root');
  if (token === Empty) return { rows, tableParts: [] };
  const sheet = { ctx, extras, rows };
  readChildren(x, extras, ctx, sheet);
  if (dataEnd >= 0 && x.position !== dataEnd + SHEET_DATA_END.length) unsupported('misplaced sheetData end');
  return { rows, tableParts: extras.tableParts };
}

/**
 * The worksheet's children, up to its end tag, or (with `sheet`) up to the end of `<sheetData>` when the rest
 * was read before. exceljs takes these elements only as children of the worksheet; so does this.
 */
function readChildren(
  x: XmlBytes,
  extras: SheetExtras,
  ctx: SheetContext,
  sheet: { ctx: SheetContext; extras: SheetExtras; rows: Map<number, CellValue[]> } | null,
): void {
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === End) unsupported('unclosed worksheet');
    if (token === Close) {
      if (!x.is(WORKSHEET)) unsupported('mismatched end tag');
      expectEnd(x);
      return;
    }
    const open = token === Open;
    if (x.is(SHEET_DATA)) {
      if (!sheet) return unsupported('two sheetData elements');
      if (open) {
        // Whatever follows the cells was read before them.
        readRows(x, sheet.ctx, sheet.extras, sheet.rows);
        return;
      }
    } else if (x.is(MERGE_CELLS)) {
      if (open) readList(x, MERGE_CELLS, MERGE_CELL, (found) => addMerge(extras, x.value(found, 0)));
    } else if (x.is(HYPERLINKS)) {
      if (open) readList(x, HYPERLINKS, HYPERLINK, (found) => addHyperlink(extras, ctx, x, found));
    } else if (x.is(TABLE_PARTS)) {
      if (open)
        readList(x, TABLE_PARTS, TABLE_PART, (found) => extras.tableParts.push(x.value(found, 1) ?? ''));
    } else if (open) x.skipElement();
  }
}

/** The items of a list element just opened (`<mergeCells><mergeCell ref=…/>…`), their `ref` and `r:id`. */
function readList(
  x: XmlBytes,
  list: Uint8Array,
  item: Uint8Array,
  onItem: (found: Int32Array) => void,
): void {
  const found = new Int32Array(2 * REF_ATTRS.length);
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close && x.is(list)) return;
    if ((token !== Open && token !== Empty) || !x.is(item)) unsupported('unexpected list item');
    x.attributes(REF_ATTRS, found);
    onItem(found);
    if (token === Open) x.skipElement();
  }
}

const RANGE = /^[A-Z]{1,3}[1-9][0-9]*(:[A-Z]{1,3}[1-9][0-9]*)?$/;

function addMerge(extras: SheetExtras, ref: string | undefined): void {
  if (ref === undefined || !RANGE.test(ref)) unsupported('merged range');
  const range = parseRange(ref);
  // exceljs refuses overlapping merges (the file is then damaged); that is its call.
  if (extras.merges.length >= MAX_MERGES) unsupported('many merged ranges');
  if (extras.merges.some((m) => intersects(m, range))) unsupported('overlapping merges');
  extras.merges.push(range);
  for (let row = range.top; row <= range.bottom; row++) {
    const left = row === range.top ? range.left + 1 : range.left;
    if (left > range.right) continue;
    const spans = extras.merged.get(row) ?? [];
    spans.push([left, range.right]);
    extras.merged.set(row, spans);
  }
}

type Range = ReturnType<typeof parseRange>;

function intersects(a: Range, b: Range): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function addHyperlink(extras: SheetExtras, ctx: SheetContext, x: XmlBytes, found: Int32Array): void {
  const rId = x.value(found, 1);
  if (!rId) return;
  // exceljs looks the id up and fails on a missing relationship; an empty target is no hyperlink to it.
  if (!ctx.rels.has(rId)) unsupported('hyperlink relationship missing');
  const ref = x.value(found, 0);
  if (ctx.rels.get(rId) && ref !== undefined) extras.hyperlinks.add(ref);
}

function readRows(x: XmlBytes, ctx: SheetContext, extras: SheetExtras, rows: Map<number, CellValue[]>): void {
  const found = new Int32Array(2 * CELL_ATTRS.length);
  let previous = 0;
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close && x.is(SHEET_DATA)) return;
    if ((token !== Open && token !== Empty) || !x.is(ROW))
      return unsupported('unexpected element in sheetData');
    x.attributes(CELL_ATTRS, found);
    const row = rowNumber(x.value(found, 0));
    // exceljs keeps rows by number; out of order or repeated, they would need sorting or merging.
    if (row <= previous) unsupported('rows out of order');
    previous = row;
    const style = x.value(found, 1);
    if (style) ctx.styles.checkRowStyle(parseInt(style, 10));
    if (token === Empty) continue;
    const cells = readCells(x, row, ctx, extras, found);
    if (cells.length > 0) rows.set(row, cells);
  }
}

function rowNumber(r: string | undefined): number {
  if (r === undefined || !/^[1-9][0-9]*$/.test(r)) return unsupported('row without a plain number');
  const row = Number(r);
  if (row > MAX_ROW) unsupported('row past the sheet');
  return row;
}

/** The cells of a row just opened, up to its end tag; every filled one counted. */
function readCells(
  x: XmlBytes,
  row: number,
  ctx: SheetContext,
  extras: SheetExtras,
  found: Int32Array,
): CellValue[] {
  const cells: CellValue[] = [];
  const merged = extras.merged.get(row);
  let previous = 0;
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close && x.is(ROW)) return cells;
    if ((token !== Open && token !== Empty) || !x.is(C)) return unsupported('unexpected element in a row');
    x.attributes(CELL_ATTRS, found);
    const address = x.value(found, 0);
    const column = cellColumn(address, row);
    if (column <= previous) unsupported('cells out of order');
    previous = column;
    const s = x.value(found, 1);
    const style = s ? parseInt(s, 10) : 0;
    if (style) ctx.styles.checkCellStyle(style);
    if (token === Empty) continue;
    const raw = readCell(x, address as string, x.value(found, 2), style);
    const value = cellValue(raw, ctx, extras.hyperlinks);
    if (value === null || merged?.some(([l, r]) => l <= column && column <= r)) continue;
    ctx.addFilled();
    if (value !== CALCULATED_BLANK) cells[column - 1] = value;
  }
}

/** The column of a cell's `r`, which must be a plain address on its own row (what Excel writes). */
function cellColumn(address: string | undefined, row: number): number {
  if (address === undefined) return unsupported('cell without an address');
  let column = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === 0 || i > 3 || column > MAX_COLUMN || address.slice(i) !== String(row))
    unsupported('cell address');
  return column;
}

/** A `<c>` just opened, up to its end tag: its formula, value text and inline text as exceljs gathers them. */
/** One cell at a time is read, so one record (and one attribute buffer) serves them all. */
const scratch: RawCell = {
  address: '',
  type: undefined,
  style: 0,
  formula: undefined,
  shareType: undefined,
  value: undefined,
  runs: undefined,
};
const formulaAttrs = new Int32Array(2 * F_ATTRS.length);

function readCell(x: XmlBytes, address: string, type: string | undefined, style: number): RawCell {
  const cell = scratch;
  cell.address = address;
  cell.type = type;
  cell.style = style;
  cell.formula = cell.shareType = cell.value = cell.runs = undefined;
  const found = formulaAttrs;
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close) {
      if (!x.is(C)) unsupported('mismatched end tag');
      return cell;
    }
    if (token === End) unsupported('unclosed cell');
    const open = token === Open;
    if (x.is(V)) {
      if (open) cell.value = joinText(cell.value, x, V);
    } else if (x.is(F)) {
      if (cell.formula !== undefined || cell.shareType !== undefined) unsupported('two formulas');
      x.attributes(F_ATTRS, found);
      cell.shareType = x.value(found, 0);
      if (open) cell.formula = joinText(undefined, x, F);
    } else if (x.is(IS)) {
      if (open) readInline(x, cell);
    } else unsupported('unexpected element in a cell');
  }
}

/** exceljs appends every text of `<v>` and inline `<t>` to one value, which stays unset without any text. */
function joinText(before: string | undefined, x: XmlBytes, close: Uint8Array): string | undefined {
  const text = x.elementText(close);
  if (text === '') return before;
  return before ? before + text : text;
}

/** An inline string (`<is>`): plain `<t>` texts join the value; runs are rich text. */
function readInline(x: XmlBytes, cell: RawCell): void {
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close) {
      if (!x.is(IS)) unsupported('mismatched end tag');
      return;
    }
    if (token === End) unsupported('unclosed inline string');
    const open = token === Open;
    if (x.is(T)) {
      if (cell.runs !== undefined) unsupported('text after runs');
      if (open) cell.value = joinText(cell.value, x, T);
    } else if (x.is(R)) {
      if (cell.value !== undefined) unsupported('runs after text');
      cell.runs = (cell.runs ?? '') + (open ? readInlineRun(x) : '');
    } else if (x.is(PHONETIC_PR)) {
      if (open) x.skipElement();
    } else unsupported('unexpected element in an inline string');
  }
}

const RPR = ascii('rPr');

/** A rich text run's text (its last `<t>`, escapes decoded); run properties skipped. */
function readInlineRun(x: XmlBytes): string {
  let text = '';
  for (;;) {
    const token = x.next();
    if (token === Text) continue;
    if (token === Close) {
      if (!x.is(R)) unsupported('mismatched end tag');
      return text;
    }
    if (token === End) unsupported('unclosed run');
    if (x.is(T)) text = token === Open ? decodeEscapes(x.elementText(T)) : '';
    else if (x.is(RPR)) {
      if (token === Open) x.skipElement();
    } else unsupported('unexpected element in a run');
  }
}

/**
 * A cell's grid value, as `gridValueOf` makes it from what exceljs reads: a formula's cached result (typed by
 * `t`, a date when its style is one), else its formula text, or nothing when `t="str"` marks it as calculated to
 * empty text; a value by its type; a hyperlink's text is the value it links from.
 */
function cellValue(cell: RawCell, ctx: SheetContext, hyperlinks: Set<string>): ScannedValue {
  const { formula, shareType, value, type } = cell;
  if (formula || shareType) {
    if (cell.runs !== undefined) unsupported('formula with rich text');
    const result = value ? formulaResult(value, type, cell.style, ctx) : undefined;
    if (result !== undefined) return result;
    // exceljs gives a hyperlinked formula its result as text; without one, the cell is blank.
    if (hyperlinks.has(cell.address)) return null;
    // Shared formulas without a result would need exceljs's formula translation.
    if (shareType === 'shared' || !formula) unsupported('shared formula without a result');
    return type === 'str' ? CALCULATED_BLANK : { formula: `=${formula}` };
  }
  if (cell.runs !== undefined) {
    if (type !== 'inlineStr') unsupported('rich text in a cell of another type');
    return nonEmpty(cell.runs);
  }
  if (value === undefined) return null;
  switch (type) {
    case 's':
      return sharedString(value, ctx);
    case 'inlineStr':
      return value === '' ? null : ctx.intern(value);
    default:
      return typedValue(value, type, cell.style, ctx);
  }
}

/** A value by its `t`: text, boolean, error, else a number (a date when the style shows one). */
function typedValue(value: string, type: string | undefined, style: number, ctx: SheetContext): CellValue {
  switch (type) {
    case 'str':
      return value === '' ? null : ctx.intern(xmlDecodeTwice(value));
    case 'b':
      return parseInt(value, 10) !== 0;
    case 'e':
      return { error: value };
    default: {
      const number = parseFloat(value);
      if (ctx.styles.isDate(style)) return serialDate(number, ctx.date1904);
      return Number.isFinite(number) ? number : { error: '#NUM!' };
    }
  }
}

/**
 * A formula's cached result. exceljs turns any result into a date when the cell's style shows one, text and
 * booleans included (JavaScript arithmetic on them): kept, so both readers agree.
 */
function formulaResult(value: string, type: string | undefined, style: number, ctx: SheetContext): CellValue {
  const result = typedValue(value, type === 'str' || type === 'b' || type === 'e' ? type : 'n', 0, ctx);
  if (!ctx.styles.isDate(style)) return result;
  const serial = typeof result === 'object' && result !== null ? NaN : Number(result);
  return serialDate(serial, ctx.date1904);
}

function sharedString(value: string, ctx: SheetContext): CellValue {
  // Without a shared strings part, or past its end, exceljs keeps the index or fails: its call.
  if (!ctx.strings) return unsupported('shared string without a shared strings part');
  const text = ctx.strings[parseInt(value, 10)];
  if (text === undefined) return unsupported('shared string index out of range');
  return text;
}
