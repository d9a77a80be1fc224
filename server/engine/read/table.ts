import type { CellValue, GridTable, Issue, InputTableSpec, Loc, WorkbookGrids } from '../../../models';
import { issueLocation } from '../../../models';
import { issueAt, MESSAGES } from '../messages';
import { cellAddress, columnLetters, parseA1 } from '../../../models/a1';
import { cellText, normalizeName } from './cells';

/**
 * A located input table with its columns matched to the contract. Readers ask it for a row's cell by the
 * contract's column name and for that cell's location; they never deal with header positions themselves.
 */
export class TableView {
  readonly sheet: string;
  /** The header's first cell: 1-based column and row. */
  readonly origin: { column: number; row: number };
  private readonly columns = new Map<string, number>();
  private readonly letters: string[] = [];
  private readonly formulasSaid = new Set<string>();
  /** By grid column: the last string cell `textAt` read, and its text. */
  private readonly lastCell: string[] = [];
  private readonly lastText: string[] = [];
  /** The last row `locAt` placed, and its row number as the sheet shows it. */
  private lastRow = -1;
  private lastRowNumber = '';

  constructor(
    readonly spec: InputTableSpec,
    readonly grid: GridTable,
    readonly issues: Issue[],
  ) {
    this.sheet = grid.sheet;
    this.origin = parseA1(grid.topLeft);
    const wanted = wantedColumns(spec);
    grid.header.forEach((h, i) => {
      const name = wanted.get(normalizeName(cellText(h)));
      if (!name) return;
      if (this.columns.has(name))
        issues.push(issueAt(MESSAGES.columnDuplicate(spec.name, name), this.headerLoc(i)));
      else this.columns.set(name, i);
    });
  }

  has(column: string): boolean {
    return this.columns.has(column);
  }

  /** Reports each required column that is missing; returns false if any is. */
  requireColumns(names?: readonly string[]): boolean {
    let ok = true;
    for (const column of this.spec.columns) {
      const required = names ? names.includes(column.name) : column.required;
      if (required && !this.columns.has(column.name)) {
        this.issues.push(issueAt(MESSAGES.columnMissing(this.spec.name, column.name), this.headerLoc(0)));
        ok = false;
      }
    }
    return ok;
  }

  get rowCount(): number {
    return this.grid.rows.length;
  }

  /** A row with no value in any cell is blank and skipped. */
  isBlank(row: number): boolean {
    return isBlankRow(this.grid.rows[row]);
  }

  /**
   * One past the last row that is not blank (0: every row is blank). Rows below it are blank, so a reader
   * stops there and sizes for no more: a sheet formatted far below its data hands over a long blank tail.
   */
  dataRowEnd(): number {
    let end = this.grid.rows.length;
    while (end > 0 && isBlankRow(this.grid.rows[end - 1])) end--;
    return end;
  }

  /** Indexes of the non-blank rows. */
  dataRows(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.grid.rows.length; i++) if (!this.isBlank(i)) out.push(i);
    return out;
  }

  value(row: number, column: string): CellValue {
    const i = this.columns.get(column);
    return i === undefined ? null : (this.grid.rows[row]?.[i] ?? null);
  }

  /**
   * Text of the cell at a grid column index (see `indexOf`), for readers' inner loops. A column's last string
   * cell and its text are remembered: a table repeats a text row after row (an account over its rules, one
   * basis throughout), and the text is then not worked out again.
   */
  textAt(row: number, index: number): string {
    if (index < 0) return '';
    const v = this.grid.rows[row]?.[index] ?? null;
    if (typeof v === 'string') {
      if (this.lastCell[index] === v) return this.lastText[index] as string;
      const text = cellText(v);
      this.lastCell[index] = v;
      this.lastText[index] = text;
      return text;
    }
    if (v === null) return '';
    if (typeof v === 'object' && 'formula' in v) this.reportFormula(row, index, v.formula);
    return cellText(v);
  }

  /** The cell at a grid column index (see `indexOf`; null when absent), for readers' inner loops. */
  valueAt(row: number, index: number): CellValue {
    return index < 0 ? null : (this.grid.rows[row]?.[index] ?? null);
  }

  text(row: number, column: string): string {
    return this.textAt(row, this.columns.get(column) ?? -1);
  }

  /**
   * A formula Excel never calculated has no text to read, so it reads as blank; without this an ID, an
   * Amount Type or a setting computed by such a formula would silently take its default.
   */
  private reportFormula(row: number, index: number, formula: string): void {
    const loc = this.locAt(row, index);
    if (this.formulasSaid.has(loc.cell)) return;
    this.formulasSaid.add(loc.cell);
    this.issues.push(issueAt(MESSAGES.formulaNotCalculated(formula), loc));
  }

  loc(row: number, column?: string): Loc {
    return this.locAt(row, column === undefined ? 0 : (this.columns.get(column) ?? 0));
  }

  /** Location of a raw column position (for columns outside the contract, such as FY2018). */
  locAt(row: number, columnIndex: number): Loc {
    // Every amount carries its cell, so this runs millions of times on a large budget: letters are cached.
    let letters = this.letters[columnIndex];
    if (letters === undefined) {
      letters = columnLetters(this.origin.column + columnIndex);
      this.letters[columnIndex] = letters;
    }
    // A reader places a row's cells one after another: its number is written once.
    if (row !== this.lastRow) {
      this.lastRow = row;
      this.lastRowNumber = String(this.origin.row + 1 + row);
    }
    return { sheet: this.sheet, cell: letters + this.lastRowNumber };
  }

  /** The grid position of a contract column (or -1), for readers' inner loops. */
  indexOf(column: string): number {
    return this.columns.get(column) ?? -1;
  }

  headerLoc(columnIndex: number): Loc {
    return { sheet: this.sheet, cell: cellAddress(this.origin.row, this.origin.column + columnIndex) };
  }

  /** A readable name for the row in messages: `Crosswalk!A7`. */
  where(row: number): string {
    return issueLocation(this.loc(row));
  }
}

/** A row with no value in any cell (missing, null, or white space only). */
export function isBlankRow(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return true;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v !== null && v !== undefined && !(typeof v === 'string' && isBlankText(v))) return false;
  }
  return true;
}

/**
 * Whether a text is empty or white space only (what `trim` leaves empty). A text that opens with a printable
 * ASCII character other than a space (nearly every cell of a large table) is settled by that one character.
 */
function isBlankText(s: string): boolean {
  const first = s.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return s.trim() === '';
}

/**
 * Worked out once per contract table, not on every read (a server reads thousands of workbooks): its names and
 * its columns' names and aliases, normalised (see `normalizeName`).
 */
const specNames = new WeakMap<InputTableSpec, Set<string>>();
const specColumns = new WeakMap<InputTableSpec, Map<string, string>>();

/** A contract table's columns by normalised name or alias: the column's contract name. */
function wantedColumns(spec: InputTableSpec): Map<string, string> {
  let wanted = specColumns.get(spec);
  if (wanted) return wanted;
  wanted = new Map<string, string>();
  for (const column of spec.columns) {
    for (const name of [column.name, ...(column.aliases ?? [])]) {
      const key = normalizeName(name);
      if (!wanted.has(key)) wanted.set(key, column.name);
    }
  }
  specColumns.set(spec, wanted);
  return wanted;
}

function tableNames(spec: InputTableSpec): Set<string> {
  let names = specNames.get(spec);
  if (!names) {
    names = new Set([spec.name, ...(spec.aliases ?? [])].map(normalizeName));
    specNames.set(spec, names);
  }
  return names;
}

/**
 * Finds a contract table: an Excel table (ListObject) with the name, else a worksheet with the name. Names
 * match ignoring case, spaces and punctuation.
 */
export function findTable(grids: WorkbookGrids, spec: InputTableSpec): GridTable | null {
  const names = tableNames(spec);
  const matches = grids.tables.filter((t) => names.has(normalizeName(t.name)));
  return matches.find((t) => t.source === 'table') ?? matches[0] ?? null;
}

export function openTable(grids: WorkbookGrids, spec: InputTableSpec, issues: Issue[]): TableView | null {
  const grid = findTable(grids, spec);
  if (!grid) {
    if (spec.required) {
      issues.push(
        issueAt(
          MESSAGES.tableMissing(
            spec.name,
            spec.columns.filter((c) => c.required).map((c) => c.name),
          ),
          null,
        ),
      );
    }
    return null;
  }
  return new TableView(spec, grid, issues);
}
