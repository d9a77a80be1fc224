import { parseRange, type RangeBox } from '../../../../models/a1';
import type { XlHyperlink } from '../../../../addin/excel/types';
import { FakeProxy, type FakeRequestContext } from './context';
import { FakeExcelError, type FakeCell, type FakeSheet, type StoredValue } from './state';

/** Where a range is, worked out when the request runs (a table's body moves as the table changes). */
export type RangeTarget = () => { sheet: FakeSheet; box: RangeBox } | null;

/**
 * A range proxy. Writing `values` behaves as Excel documents: a string is taken as if typed, so `=…`, `+…`
 * and `-…` become formulas and number-like text a number, unless the cell is formatted as text (`@`);
 * `null` leaves a cell as it was. Arrays must match the range's size.
 */
export class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeRequestContext,
    readonly target: RangeTarget,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(values: unknown[][]) {
    this.ctx.enqueue({ values }, () => this.eachCell(values, 'values', (cell, v) => typeIn(cell, v)));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.ctx.enqueue({ numberFormat: formats }, () =>
      this.eachCell(formats, 'numberFormat', (cell, f) => {
        cell.numberFormat = String(f);
      }),
    );
  }
  get hyperlink(): XlHyperlink {
    return this.read('hyperlink');
  }
  set hyperlink(link: XlHyperlink) {
    this.ctx.enqueue({ hyperlink: link }, () => this.each((cell) => (cell.hyperlink = { ...link })));
  }

  /** `clear('All')`: values, formulas, number formats, fonts and links go. */
  clear(applyTo: 'All'): void {
    this.ctx.enqueue({ clear: applyTo }, () => {
      const { sheet, box } = this.resolve();
      this.ctx.state.clearCells(sheet, box);
    });
  }

  select(): void {
    this.ctx.enqueue({ select: true }, () => {
      const { sheet, box } = this.resolve();
      this.ctx.state.activeSheetId = sheet.id;
      this.ctx.state.selection = {
        sheet: sheet.name,
        address: this.ctx.state.address(sheet, box).split('!')[1] ?? '',
      };
    });
  }

  resolve(): { sheet: FakeSheet; box: RangeBox } {
    const found = this.target();
    if (!found) throw new FakeExcelError('InvalidObjectPath', 'The range is a null object.');
    return found;
  }

  /** Every cell of the range, created if need be. */
  each(fn: (cell: FakeCell, row: number, column: number) => void): void {
    const { sheet, box } = this.resolve();
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) fn(this.ctx.state.cellForWrite(sheet, r, c), r, c);
  }

  private eachCell(input: unknown[][], what: string, fn: (cell: FakeCell, value: unknown) => void): void {
    const { sheet, box } = this.resolve();
    const rows = box.bottom - box.top + 1;
    const columns = box.right - box.left + 1;
    if (
      !Array.isArray(input) ||
      input.length !== rows ||
      input.some((r) => !Array.isArray(r) || r.length !== columns)
    )
      throw new FakeExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    input.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) fn(this.ctx.state.cellForWrite(sheet, box.top + r, box.left + c), value);
      }),
    );
  }

  snapshot(paths: string[]): { bytes: number; apply: () => void } {
    const found = this.target();
    return this.snapshotWith(paths, (name) => {
      if (name === 'isNullObject') return found === null;
      if (!found) throw new FakeExcelError('InvalidObjectPath', `Cannot read ${name} of a null object.`);
      const { sheet, box } = found;
      const grid = <T>(fn: (cell: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: box.bottom - box.top + 1 }, (_, r) =>
          Array.from({ length: box.right - box.left + 1 }, (_, c) =>
            fn(this.ctx.state.cell(sheet, box.top + r, box.left + c)),
          ),
        );
      switch (name) {
        case 'address':
          return this.ctx.state.address(sheet, box);
        case 'rowCount':
          return box.bottom - box.top + 1;
        case 'columnCount':
          return box.right - box.left + 1;
        case 'values':
          return grid((cell) =>
            cell?.error !== undefined ? cell.error : cell?.formula !== undefined ? 0 : (cell?.value ?? ''),
          );
        case 'valueTypes':
          return grid(valueType);
        case 'numberFormat':
          return grid((cell) => cell?.numberFormat ?? 'General');
        case 'hyperlink':
          return this.ctx.state.cell(sheet, box.top, box.left)?.hyperlink ?? null;
        default:
          throw new FakeExcelError('InvalidArgument', `The fake range has no property ${name}.`);
      }
    });
  }
}

function valueType(cell: FakeCell | undefined): string {
  if (!cell) return 'Empty';
  if (cell.error !== undefined) return 'Error';
  if (cell.formula !== undefined) return 'Double';
  if (cell.value === null || cell.value === '') return 'Empty';
  return typeof cell.value === 'string' ? 'String' : typeof cell.value === 'boolean' ? 'Boolean' : 'Double';
}

const NUMBER_LIKE = /^\s*\(?[$]?[\d,]*\.?\d+(e[+-]?\d+)?%?\)?\s*$/i;
const DATE_LIKE = /^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/;

/** A value written to a cell the way Excel takes a value written through `Range.values`. */
function typeIn(cell: FakeCell, value: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
    return;
  }
  if (typeof value !== 'string') throw new FakeExcelError('InvalidArgument', `Cannot write ${typeof value}.`);
  if (value === '' || cell.numberFormat === '@') {
    cell.value = value === '' ? null : value;
    return;
  }
  if (/^[=+-]/.test(value) && value.length > 1) {
    cell.formula = value;
    cell.value = null;
  } else if (/^#(NUM!|N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!)$/.test(value)) {
    cell.error = value;
    cell.value = null;
  } else if (NUMBER_LIKE.test(value)) {
    cell.value = Number(value.replace(/[$,()%\s]/g, '')) * (value.includes('%') ? 0.01 : 1);
  } else if (DATE_LIKE.test(value)) {
    cell.value = 43374; // some date serial: what matters is that it is no longer the text
  } else {
    cell.value = value;
  }
}

export class FakeRangeFormat {
  readonly font: FakeFont;
  readonly borders: { getItem(index: 'EdgeTop'): { style: string } };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    this.font = new FakeFont(ctx, range);
    this.borders = {
      getItem: (index) => {
        const ctx2 = this.ctx;
        const r = this.range;
        return {
          get style(): string {
            throw new FakeExcelError('PropertyNotLoaded', 'The fake does not read border styles.');
          },
          set style(style: string) {
            ctx2.enqueue({ border: index, style }, () => {
              const { box } = r.resolve();
              r.each((cell, row) => {
                if (row === box.top) cell.borderTop = style;
              });
            });
          },
        };
      },
    };
  }

  get columnWidth(): number {
    throw new FakeExcelError('PropertyNotLoaded', 'The fake does not read column widths; look at the state.');
  }
  set columnWidth(points: number) {
    this.ctx.enqueue({ columnWidth: points }, () => {
      const { sheet, box } = this.range.resolve();
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get wrapText(): boolean {
    throw new FakeExcelError('PropertyNotLoaded', 'The fake does not read wrapText; look at the state.');
  }
  set wrapText(wrap: boolean) {
    this.ctx.enqueue({ wrapText: wrap }, () => this.range.each((cell) => (cell.wrapText = wrap)));
  }
  get horizontalAlignment(): string {
    throw new FakeExcelError('PropertyNotLoaded', 'The fake does not read alignment; look at the state.');
  }
  set horizontalAlignment(to: string) {
    this.ctx.enqueue({ horizontalAlignment: to }, () =>
      this.range.each((cell) => (cell.horizontalAlignment = to)),
    );
  }
  get verticalAlignment(): string {
    throw new FakeExcelError('PropertyNotLoaded', 'The fake does not read alignment; look at the state.');
  }
  set verticalAlignment(to: string) {
    this.ctx.enqueue({ verticalAlignment: to }, () =>
      this.range.each((cell) => (cell.verticalAlignment = to)),
    );
  }
}

type FontKey = 'bold' | 'italic' | 'color' | 'size' | 'underline';

export class FakeFont {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  private set<K extends FontKey>(key: K, value: FakeCell[K]): void {
    this.ctx.enqueue({ [key]: value }, () => this.range.each((cell) => (cell[key] = value)));
  }
  private unread(key: string): never {
    throw new FakeExcelError('PropertyNotLoaded', `The fake does not read font.${key}; look at the state.`);
  }
  get bold(): boolean {
    return this.unread('bold');
  }
  set bold(v: boolean) {
    this.set('bold', v);
  }
  get italic(): boolean {
    return this.unread('italic');
  }
  set italic(v: boolean) {
    this.set('italic', v);
  }
  get color(): string {
    return this.unread('color');
  }
  set color(v: string) {
    this.set('color', v);
  }
  get size(): number {
    return this.unread('size');
  }
  set size(v: number) {
    this.set('size', v);
  }
  get underline(): string {
    return this.unread('underline');
  }
  set underline(v: string) {
    this.set('underline', v);
  }
}

/** A range given by address on a sheet. */
/** Every cell of a sheet: Excel's 1,048,576 rows by 16,384 columns. */
export const WHOLE_SHEET = 'A1:XFD1048576';

export function rangeAt(ctx: FakeRequestContext, sheet: () => FakeSheet, address: string): FakeRange {
  const box = parseRange(address);
  return new FakeRange(ctx, () => ({ sheet: sheet(), box }));
}

export type { StoredValue };
