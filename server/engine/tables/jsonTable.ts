import type { OutputCell, OutputColumn, OutputSheet } from '../../../models';
import { JsonWriter } from './jsonWriter';
import { type AmountFormat, type CellRun, shownDecimals, type TableForm, TableSink } from './shape';

const OPEN_ROW = 0x5b;
const CLOSE_ROW = 0x5d;
const COMMA = 0x2c;
const CLOSE_TABLE = 0x7d;

/**
 * A table written straight into its JSON bytes (`{"name":…,"title":…,"columns":[…],"rows":[[…],…],…}`, byte
 * for byte `JSON.stringify` of the table `TableBuilder` would make), into a writer shared by a whole answer.
 */
export class JsonTableWriter extends TableSink<Uint8Array> {
  private readonly start: number;
  private cells = 0;
  /** The run being written (`startRun`): the row's cells before it, and where its first cell's bytes start. */
  private runCells = 0;
  private runStart = 0;
  /**
   * Where each interned text was first written, quoted, by its number (-1: not yet): most recur (an account on
   * each of its lines), and copying bytes costs a fraction of quoting a text a character at a time again.
   */
  private internedFrom: readonly string[] = [];
  private internedStart = new Int32Array(0);
  private internedEnd = new Int32Array(0);

  constructor(
    private readonly out: JsonWriter,
    name: OutputSheet,
    title: string,
    columns: OutputColumn[],
  ) {
    super(name, title, columns);
    this.start = out.length;
    const head = JSON.stringify({ name, title, columns });
    out.raw(`${head.slice(0, -1)},"rows":[`);
  }

  text(value: string): void {
    this.next();
    this.out.string(value);
  }

  cell(value: OutputCell): void {
    this.next();
    if (typeof value === 'string') this.out.string(value);
    else if (typeof value === 'number') this.out.number(value);
    else if (value === null) this.out.null();
    else this.out.raw(String(value));
  }

  interned(strings: readonly string[], id: number): void {
    this.next();
    if (strings !== this.internedFrom) {
      this.internedFrom = strings;
      this.internedStart = new Int32Array(strings.length).fill(-1);
      this.internedEnd = new Int32Array(strings.length);
    }
    const start = this.internedStart[id] as number;
    if (start >= 0) return this.out.again(start, this.internedEnd[id] as number);
    this.internedStart[id] = this.out.length;
    this.out.string(strings[id] as string);
    this.internedEnd[id] = this.out.length;
  }

  startRun(): void {
    this.runCells = this.cells;
    // The run's bytes start after its first cell's separator (`next`): a comma, or a row's `[` after a comma.
    this.runStart = this.out.length + (this.cells === 0 && this.size > 0 ? 2 : 1);
  }

  endRun(): CellRun {
    const cells = this.cells - this.runCells;
    return { cells, start: this.runStart, end: cells > 0 ? this.out.length : this.runStart, values: null };
  }

  again(run: CellRun): void {
    if (run.cells === 0) return;
    this.next();
    this.cells += run.cells - 1;
    this.out.again(run.start, run.end);
  }

  amounts(minor: Float64Array, from: number, to: number, format: AmountFormat): void {
    if (to <= from) return;
    this.next();
    this.cells += to - from - 1;
    this.out.minors(minor, from, to, shownDecimals(format.type, format.decimals));
  }

  protected cellsInRow(): number {
    return this.cells;
  }

  override endRow(...marks: Parameters<TableSink<Uint8Array>['endRow']>): void {
    super.endRow(...marks);
    this.out.byte(CLOSE_ROW);
    this.cells = 0;
  }

  build(): Uint8Array {
    this.out.byte(CLOSE_ROW);
    for (const [key, value] of Object.entries(this.rowMarks())) {
      this.out.raw(`,${JSON.stringify(key)}:`);
      if (Array.isArray(value)) this.marks(value);
      else this.out.raw(JSON.stringify(value));
    }
    this.out.byte(CLOSE_TABLE);
    return this.out.since(this.start);
  }

  /**
   * A list of row marks as `JSON.stringify` writes it, each distinct mark's bytes copied after its first (a list
   * has a row's worth of a few kinds and formats, made into a string and encoded again by `stringify`).
   */
  private marks(marks: readonly (string | null)[]): void {
    const written = new Map<string, { start: number; end: number }>();
    this.out.byte(OPEN_ROW);
    for (let i = 0; i < marks.length; i++) {
      if (i > 0) this.out.byte(COMMA);
      const mark = marks[i] ?? null;
      if (mark === null) {
        this.out.null();
        continue;
      }
      const span = written.get(mark);
      if (span) {
        this.out.again(span.start, span.end);
        continue;
      }
      const start = this.out.length;
      this.out.string(mark);
      written.set(mark, { start, end: this.out.length });
    }
    this.out.byte(CLOSE_ROW);
  }

  /** Opens the row before its first cell (after a comma from the row before), or puts a comma between cells. */
  private next(): void {
    if (this.cells > 0) this.out.byte(COMMA);
    else {
      if (this.size > 0) this.out.byte(COMMA);
      this.out.byte(OPEN_ROW);
    }
    this.cells++;
  }
}

/**
 * The engine's tables as each one's JSON bytes, all in one writer: the big tables written cell by cell (no row
 * is ever built), the others made as rows and stringified a table at a time.
 */
export function jsonTables(out: JsonWriter): TableForm<Uint8Array> {
  return {
    open: (name, title, columns) => new JsonTableWriter(out, name, title, columns),
    made: (table) => {
      const start = out.length;
      out.raw(JSON.stringify(table));
      return out.since(start);
    },
  };
}
