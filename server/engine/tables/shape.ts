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
  return type === 'FTE' ? fromMinor(value, FTE_DECIMALS) : fromMinor(value, moneyDecimals);
}

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

/**
 * Collects rows with their kind, format and link, and makes the table. Every row: a table longer than a sheet
 * holds is the writers' to place (the xlsx writer notes it on the sheet and the CLI writes it as CSV).
 */
export class TableBuilder {
  private readonly rows: OutputCell[][] = [];
  private readonly kinds: RowKind[] = [];
  private readonly formats: (ColumnFormat | null)[] = [];
  private readonly links: (string | null)[] = [];

  private linkColumn: number | undefined;

  constructor(
    private readonly name: OutputSheet,
    private readonly title: string,
    private readonly columns: OutputColumn[],
  ) {}

  /** The column whose cell carries each row's link (see `add`); the first when never said. */
  linkIn(columnName: string): this {
    const at = this.columns.findIndex((c) => c.name === columnName);
    if (at < 0) throw new Error(`${this.name}: no column ${columnName} to carry links`);
    this.linkColumn = at;
    return this;
  }

  static columns(specs: readonly OutputColumnSpec[]): OutputColumn[] {
    return specs.map((s) => ({ name: s.name, format: s.format }));
  }

  add(
    row: OutputCell[],
    kind: RowKind = 'detail',
    format: ColumnFormat | null = null,
    link: string | null = null,
  ): void {
    if (row.length !== this.columns.length)
      throw new Error(`${this.name}: row has ${row.length} cells, table has ${this.columns.length} columns`);
    this.rows.push(row);
    this.kinds.push(kind);
    this.formats.push(format);
    this.links.push(link);
  }

  get size(): number {
    return this.rows.length;
  }

  build(): OutputTable {
    const table: OutputTable = { name: this.name, title: this.title, columns: this.columns, rows: this.rows };
    if (this.kinds.some((k) => k !== 'detail')) table.rowKinds = this.kinds;
    if (this.formats.some((f) => f !== null)) table.rowFormats = this.formats;
    if (this.links.some((l) => l !== null)) {
      table.links = this.links;
      if (this.linkColumn !== undefined) table.linkColumn = this.linkColumn;
    }
    return table;
  }
}
