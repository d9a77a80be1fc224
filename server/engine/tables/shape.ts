import type {
  AmountType,
  ColumnFormat,
  OutputCell,
  OutputColumn,
  OutputTable,
  RowKind,
} from '../../../models';
import type { OutputColumnSpec, OutputSheet } from '../../../models';
import { fromMinor } from '../money';
import { FTE_DECIMALS } from '../read/budget';

/** Minor units to the number shown: money in Units at the workbook's decimals, FTE to one decimal. */
export function shownAmount(value: number, type: AmountType, moneyDecimals: number): number {
  return fromMinor(value, shownDecimals(type, moneyDecimals));
}

/** The decimals an amount of this type is held and shown in: FTE its own, money the workbook's. */
export const shownDecimals = (type: AmountType, moneyDecimals: number): number =>
  type === 'FTE' ? FTE_DECIMALS : moneyDecimals;

export const rowFormatFor = (type: AmountType): ColumnFormat | null => (type === 'FTE' ? 'fte' : null);

/**
 * What a cost figure is, in a title: "full cost" is SFFAS 4's accrual term, so only Expenses earn it; budgetary
 * amounts are "resources", named by their basis.
 */
export function basisPhrase(basis: AmountType | null): string {
  if (basis === null) return 'resources';
  if (basis === 'Expenses') return 'full cost (expenses)';
  return `resources (${basis === 'FTE' ? 'FTE' : basis.toLowerCase()})`;
}

export const unitsPhrase = (units: string) =>
  units === 'Dollars' ? 'dollars' : `dollars in ${units.toLowerCase()}`;

/** How a row's money figures are shown: its amount type and the workbook's money decimals. */
export interface AmountFormat {
  type: AmountType;
  decimals: number;
}

/**
 * Cells written once and given again (`TableSink.startRun`), in the form of the sink that wrote them: the JSON
 * form's bytes (`start` to `end` of its writer), or the rows form's cells (`values`).
 */
export interface CellRun {
  readonly cells: number;
  readonly start: number;
  readonly end: number;
  readonly values: readonly OutputCell[] | null;
}

/** The fields after a table's rows: each row's kind, format and link, given only when some row needs them. */
type RowMarkFields = Pick<OutputTable, 'rowKinds' | 'rowFormats' | 'links' | 'linkColumn'>;

/**
 * A table being made a cell at a time, whatever it is made into: rows of cells (`TableBuilder`) or the table's
 * JSON bytes (`JsonTableWriter`, for an HTTP answer, with no row ever built). The big tables are written once,
 * against this, so both forms hold the same cells; each row ends with `endRow`, which says its kind, format
 * and link.
 */
export abstract class TableSink<T> {
  /**
   * Each row's kind, format and link, each list made only when a row first needs other than the default (a
   * detail row, no format, no link): most tables never do, and a list pushed to for every row cost as much as
   * writing a row's cells to JSON.
   */
  private kinds: RowKind[] | null = null;
  private formats: (ColumnFormat | null)[] | null = null;
  private links: (string | null)[] | null = null;
  private ended = 0;
  private linkColumn: number | undefined;

  constructor(
    protected readonly name: OutputSheet,
    protected readonly title: string,
    protected readonly columns: OutputColumn[],
  ) {}

  /** The column whose cell carries each row's link (see `endRow`); the first when never said. */
  linkIn(columnName: string): this {
    const at = this.columns.findIndex((c) => c.name === columnName);
    if (at < 0) throw new Error(`${this.name}: no column ${columnName} to carry links`);
    this.linkColumn = at;
    return this;
  }

  /** A cell of text. */
  abstract text(value: string): void;

  /** A cell of any kind. */
  abstract cell(value: OutputCell): void;

  /** A cell of interned text: `strings[id]` (the Budget's columns hold their texts so). */
  abstract interned(strings: readonly string[], id: number): void;

  /**
   * Starts a run of cells that recurs: the cells written from here to `endRun`, within one row, which `again`
   * writes again on this row or a later one. The JSON form copies their bytes rather than writing each cell
   * afresh: CrosswalkDetail gives a budget line's own cells to each of the line's rows, and a target's cells,
   * share and rule to every line that reaches it.
   */
  abstract startRun(): void;

  /** The cells written since `startRun`. */
  abstract endRun(): CellRun;

  /** The cells of a run written before, again. */
  abstract again(run: CellRun): void;

  /**
   * Figures in minor units, `minor[from]` up to `minor[to]`, each as shown (see `shownAmount`), or a blank for
   * zero and for NaN (a sum past the exact range).
   */
  abstract amounts(minor: Float64Array, from: number, to: number, format: AmountFormat): void;

  /** The table, once every row has ended. */
  abstract build(): T;

  /** How many cells the row being made has: the sink ends the row only when it has one for every column. */
  protected abstract cellsInRow(): number;

  /** Ends the row being made, with its kind, its money format (FTE rows: `fte`) and its link. */
  endRow(kind: RowKind = 'detail', format: ColumnFormat | null = null, link: string | null = null): void {
    const cells = this.cellsInRow();
    if (cells !== this.columns.length)
      throw new Error(`${this.name}: row has ${cells} cells, table has ${this.columns.length} columns`);
    if (this.kinds || kind !== 'detail') (this.kinds ??= this.defaults<RowKind>('detail')).push(kind);
    if (this.formats || format !== null) (this.formats ??= this.defaults(null)).push(format);
    if (this.links || link !== null) (this.links ??= this.defaults(null)).push(link);
    this.ended++;
  }

  get size(): number {
    return this.ended;
  }

  /** A list of marks for the rows ended so far, each the default (a mark list is made when first needed). */
  private defaults<M>(mark: M): M[] {
    return new Array<M>(this.ended).fill(mark);
  }

  /** The fields that follow the rows, in the order the table's JSON has them: a list only when some row needs it. */
  protected rowMarks(): RowMarkFields {
    const fields: RowMarkFields = {};
    if (this.kinds) fields.rowKinds = this.kinds;
    if (this.formats) fields.rowFormats = this.formats;
    if (this.links) {
      fields.links = this.links;
      if (this.linkColumn !== undefined) fields.linkColumn = this.linkColumn;
    }
    return fields;
  }
}

/** Opens a table to be made: as rows (`TableBuilder.open`) or as JSON (`jsonTable.ts`). */
export type OpenTable<T> = (name: OutputSheet, title: string, columns: OutputColumn[]) => TableSink<T>;

/**
 * What the engine makes its tables into: `open` for the tables written a cell at a time, `made` for those
 * made as rows (an `OutputTable`) whatever the form.
 */
export interface TableForm<T> {
  open: OpenTable<T>;
  made: (table: OutputTable) => T;
}

/**
 * Collects rows with their kind, format and link, and makes the table. Every row: a table longer than a sheet
 * holds is the writers' to place (the xlsx writer notes it on the sheet and the CLI writes it as CSV).
 */
export class TableBuilder extends TableSink<OutputTable> {
  private readonly rows: OutputCell[][] = [];
  // Built by push, never `new Array(n)`: a row with holes is a slower kind of array to V8, and JSON.stringify
  // of an answer takes half again as long over such rows.
  private row: OutputCell[] = [];

  static readonly open: OpenTable<OutputTable> = (name, title, columns) =>
    new TableBuilder(name, title, columns);

  static columns(specs: readonly OutputColumnSpec[]): OutputColumn[] {
    return specs.map((s) => ({ name: s.name, format: s.format }));
  }

  /** A whole row at once. */
  add(
    row: OutputCell[],
    kind: RowKind = 'detail',
    format: ColumnFormat | null = null,
    link: string | null = null,
  ): void {
    this.row = row;
    this.endRow(kind, format, link);
  }

  text(value: string): void {
    this.row.push(value);
  }

  cell(value: OutputCell): void {
    this.row.push(value);
  }

  interned(strings: readonly string[], id: number): void {
    this.row.push(strings[id] as string);
  }

  /** Where the run being written starts in the row. */
  private runFrom = 0;

  startRun(): void {
    this.runFrom = this.row.length;
  }

  endRun(): CellRun {
    const values = this.row.slice(this.runFrom);
    return { cells: values.length, start: -1, end: -1, values };
  }

  again(run: CellRun): void {
    for (const value of run.values ?? []) this.row.push(value);
  }

  amounts(minor: Float64Array, from: number, to: number, format: AmountFormat): void {
    for (let i = from; i < to; i++) {
      const value = minor[i] as number;
      this.row.push(
        value === 0 || Number.isNaN(value) ? null : shownAmount(value, format.type, format.decimals),
      );
    }
  }

  protected cellsInRow(): number {
    return this.row.length;
  }

  override endRow(kind?: RowKind, format?: ColumnFormat | null, link?: string | null): void {
    super.endRow(kind, format, link);
    this.rows.push(this.row);
    this.row = [];
  }

  build(): OutputTable {
    return { name: this.name, title: this.title, columns: this.columns, rows: this.rows, ...this.rowMarks() };
  }
}

/** Tables as rows: what the CLI, the xlsx writer and the add-in take. */
export const ROWS: TableForm<OutputTable> = { open: TableBuilder.open, made: (table) => table };
