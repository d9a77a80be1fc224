import type { CellValue } from '../../../models';
import { parseRange } from '../../../models/a1';
import { serialDate } from '../cells';
import { xmlDecodeTwice } from './directParts';
import { plainDecimal } from './decimalBytes';
import { expectEnd, nonEmpty, readRun } from './directStrings';
import type { DateStyles } from './directStyles';
import type { TextInterner } from './textInterner';
import { ascii, decodeText, knownValues, Token, unsupported, XmlBytes } from './xmlBytes';

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
  /** One string per distinct short text, workbook-wide. */
  texts: TextInterner;
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
/** The cell types spreadsheet applications write, matched as bytes (any other is decoded as text). */
const CELL_TYPES = knownValues('s', 'str', 'n', 'b', 'e', 'inlineStr');

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const MAX_MERGES = 10_000;

/** A formula cell exceljs leaves without a result but whose `t="str"` marks it as calculated to empty text. */
const CALCULATED_BLANK = Symbol('calculated blank');
type ScannedValue = CellValue | typeof CALCULATED_BLANK;

/** What one `<c>` holds, as exceljs collects it. */
interface RawCell {
  /** The cell's `r`, kept only when the sheet has hyperlinks (the one use of it); empty otherwise. */
  address: string;
  type: string | undefined;
  style: number;
  formula: string | undefined;
  shareType: string | undefined;
  /** `<v>` and inline `<t>` texts, joined; undefined when there was no text at all, or only `run`. */
  value: string | undefined;
  /**
   * The bytes of a lone `<v>` text, not decoded yet (`runStart` -1 when none): most are numbers, read straight
   * from the bytes; `valueText` decodes it when the text is needed.
   */
  runStart: number;
  runEnd: number;
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
    const column = plainColumn(x.bytes, found, row) || cellColumn(x.value(found, 0), row);
    if (column <= previous) unsupported('cells out of order');
    previous = column;
    const style = styleOf(x, found);
    if (style) ctx.styles.checkCellStyle(style);
    if (token === Empty) continue;
    const address = extras.hyperlinks.size > 0 ? (x.value(found, 0) as string) : '';
    const raw = readCell(x, address, x.knownValue(found, 2, CELL_TYPES), style);
    const value = cellValue(raw, x, ctx, extras.hyperlinks);
    if (value === null || merged?.some(([l, r]) => l <= column && column <= r)) continue;
    ctx.addFilled();
    if (value !== CALCULATED_BLANK) cells[column - 1] = value;
  }
}

/**
 * The column of a cell's `r` read from its bytes when it is plain (one to three capitals, then its row's number
 * as `String(row)` writes it, nothing else); 0 otherwise, and `cellColumn` reads the decoded text.
 */
function plainColumn(bytes: Uint8Array, found: Int32Array, row: number): number {
  const start = found[0] as number;
  const end = found[1] as number;
  let p = start;
  let column = 0;
  for (; p < end && p - start < 3; p++) {
    const b = bytes[p] as number;
    if (b < 65 || b > 90) break;
    column = column * 26 + (b - 64);
  }
  // A row number has no leading zero: the first digit must not be one.
  if (p === start || p === end || bytes[p] === 0x30 || column > MAX_COLUMN) return 0;
  let number = 0;
  for (; p < end; p++) {
    const b = bytes[p] as number;
    if (b < 0x30 || b > 0x39 || number > MAX_ROW) return 0;
    number = number * 10 + (b - 0x30);
  }
  return number === row ? column : 0;
}

/** A cell's style index as `parseInt` reads its `s` (0 when absent or empty); plain digits from the bytes. */
function styleOf(x: XmlBytes, found: Int32Array): number {
  const style = x.digits(found, 1);
  if (style >= 0) return style;
  const s = x.value(found, 1);
  return s ? parseInt(s, 10) : 0;
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
  runStart: -1,
  runEnd: -1,
  runs: undefined,
};
const formulaAttrs = new Int32Array(2 * F_ATTRS.length);

function readCell(x: XmlBytes, address: string, type: string | undefined, style: number): RawCell {
  const cell = scratch;
  cell.address = address;
  cell.type = type;
  cell.style = style;
  cell.formula = cell.shareType = cell.value = cell.runs = undefined;
  cell.runStart = -1;
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
      if (open) readValue(x, cell);
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

/** A `<v>` just opened: a lone run of text is kept as bytes (see `RawCell.runStart`), other texts joined. */
function readValue(x: XmlBytes, cell: RawCell): void {
  if (cell.value === undefined && cell.runStart < 0 && x.elementRun(V)) {
    // An empty `<v></v>` adds nothing, as in `joinText`.
    if (x.textEnd > x.textStart) {
      cell.runStart = x.textStart;
      cell.runEnd = x.textEnd;
    }
    return;
  }
  cell.value = joinText(valueText(cell, x), x, V);
}

/** The cell's value text, the undecoded run decoded now (and held as text from then on). */
function valueText(cell: RawCell, x: XmlBytes): string | undefined {
  if (cell.runStart >= 0) {
    cell.value = decodeText(x.bytes, cell.runStart, cell.runEnd);
    cell.runStart = -1;
  }
  return cell.value;
}

/** Whether the cell has any value text (a run is never empty). */
const hasValue = (cell: RawCell): boolean => cell.runStart >= 0 || Boolean(cell.value);

/** The value as `parseFloat` reads its text; a plain decimal straight from its bytes. */
function numberOf(cell: RawCell, x: XmlBytes): number {
  if (cell.runStart >= 0) {
    const number = plainDecimal(x.bytes, cell.runStart, cell.runEnd);
    if (!Number.isNaN(number)) return number;
  }
  return parseFloat(valueText(cell, x) ?? '');
}

/** The value as `parseInt` reads its text (a shared string's index, a boolean); plain integers from the bytes. */
function integerOf(cell: RawCell, x: XmlBytes): number {
  if (cell.runStart >= 0) {
    const number = plainDecimal(x.bytes, cell.runStart, cell.runEnd);
    if (Number.isInteger(number)) return number;
  }
  return parseInt(valueText(cell, x) ?? '', 10);
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
      if (open) cell.value = joinText(valueText(cell, x), x, T);
    } else if (x.is(R)) {
      if (valueText(cell, x) !== undefined) unsupported('runs after text');
      cell.runs = (cell.runs ?? '') + (open ? readRun(x) : '');
    } else if (x.is(PHONETIC_PR)) {
      if (open) x.skipElement();
    } else unsupported('unexpected element in an inline string');
  }
}

/**
 * A cell's grid value, as `gridValueOf` makes it from what exceljs reads: a formula's cached result (typed by
 * `t`, a date when its style is one), else its formula text, or nothing when `t="str"` marks it as calculated to
 * empty text; a value by its type; a hyperlink's text is the value it links from.
 */
function cellValue(cell: RawCell, x: XmlBytes, ctx: SheetContext, hyperlinks: Set<string>): ScannedValue {
  const { formula, shareType, type } = cell;
  if (formula || shareType) {
    if (cell.runs !== undefined) unsupported('formula with rich text');
    const result = hasValue(cell) ? formulaResult(cell, x, type, ctx) : undefined;
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
  if (!hasValue(cell)) return null;
  switch (type) {
    case 's':
      return sharedString(integerOf(cell, x), ctx);
    case 'inlineStr': {
      const text = valueText(cell, x) ?? '';
      return text === '' ? null : ctx.texts.text(text);
    }
    default:
      return typedValue(cell, x, type, cell.style, ctx);
  }
}

/** A value by its `t`: text, boolean, error, else a number (a date when the style shows one). */
function typedValue(
  cell: RawCell,
  x: XmlBytes,
  type: string | undefined,
  style: number,
  ctx: SheetContext,
): CellValue {
  switch (type) {
    case 'str': {
      // A plain run has nothing to decode, once or twice, and is found by its bytes.
      const run = cell.runStart >= 0 ? ctx.texts.run(x.bytes, cell.runStart, cell.runEnd) : undefined;
      if (run !== undefined) return run;
      const text = valueText(cell, x) ?? '';
      return text === '' ? null : ctx.texts.text(xmlDecodeTwice(text));
    }
    case 'b':
      return integerOf(cell, x) !== 0;
    case 'e':
      return { error: valueText(cell, x) ?? '' };
    default: {
      const number = numberOf(cell, x);
      if (ctx.styles.isDate(style)) return serialDate(number, ctx.date1904);
      return Number.isFinite(number) ? number : { error: '#NUM!' };
    }
  }
}

/**
 * A formula's cached result. exceljs turns any result into a date when the cell's style shows one, text and
 * booleans included (JavaScript arithmetic on them): kept, so both readers agree.
 */
function formulaResult(cell: RawCell, x: XmlBytes, type: string | undefined, ctx: SheetContext): CellValue {
  const result = typedValue(cell, x, type === 'str' || type === 'b' || type === 'e' ? type : 'n', 0, ctx);
  if (!ctx.styles.isDate(cell.style)) return result;
  const serial = typeof result === 'object' && result !== null ? NaN : Number(result);
  return serialDate(serial, ctx.date1904);
}

function sharedString(index: number, ctx: SheetContext): CellValue {
  // Without a shared strings part, or past its end, exceljs keeps the index or fails: its call.
  if (!ctx.strings) return unsupported('shared string without a shared strings part');
  const text = ctx.strings[index];
  if (text === undefined) return unsupported('shared string index out of range');
  return text;
}
