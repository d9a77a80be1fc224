import type { CellValue, GridTable, Issue, Loc } from '../../../models';
import { issueAt } from '../messages';
import { columnLetters, parseA1 } from '../../../models/a1';
import { cellText } from '../read/cells';
import { quickNonZero, readAmountCell } from './amounts';
import { objectClassCode } from './codes';
import { type FileColumns, type FileKind, headerNames, matchColumns } from './columns';
import { add, type Exact, ZERO } from './exact';
import { DATA_ACT_MESSAGES } from './messages';
import { parseSubmissionPeriod, type SubmissionPeriod } from './period';
import { DOWNWARD_ADJUSTMENTS as DOWNWARD, F, FILE_B_FIELDS } from './reference/fields';
import { padCode, parseTas, renderTas } from './tas';

/**
 * A File A or File B table as read: its grid, which column holds which field, and one record per non-blank row.
 * Every record keeps its grid row, so a finding lands on the row it is about (`File B!A7`: a CSV pasted at A1
 * keeps its line numbers).
 */
export interface DataActFile<R> {
  kind: FileKind;
  name: 'File A' | 'File B';
  grid: GridTable;
  columns: FileColumns;
  rows: R[];
  /** Fields whose column is missing: the rules that need them are not run (the missing column is reported). */
  missing: ReadonlySet<string>;
  /** False for a USAspending download, which has no PYA column: every row is this year's activity. */
  hasPya: boolean;
}

interface RowBase {
  /** Position in the grid's rows. */
  index: number;
  /** The TAS as Treasury displays it; '' when the row's TAS is unknown (reported). */
  tas: string;
  /** USAspending's account title, when the file is a download. */
  title: string;
  period: SubmissionPeriod | null;
}

export interface FileARow extends RowBase {
  grossOutlays: Exact;
  obligations: Exact;
  deobligations: Exact;
}

export interface FileBRow extends RowBase {
  paCode: string;
  paName: string;
  park: string;
  /** As the broker reads it (`2520`, `252`; USAspending's `25.2` as `252`); '' when blank. */
  objectClass: string;
  /** Upper-cased, as the broker compares them. */
  flag: string;
  defc: string;
  pya: string;
  /** True when any balance the broker looks at is not $0 (rules B11.4 and A30.2). */
  balances: boolean;
  obligations: Exact;
  grossOutlays: Exact;
  deobligations: Exact;
  /** USSGL 4871 + 4971 + 4872 + 4972: what the broker adds up for A35. */
  downward: Exact;
}

export type FileA = DataActFile<FileARow>;
export type FileB = DataActFile<FileBRow>;

/** The sheet row of a grid row: the header sits on the top-left cell's row. */
export function sheetRow(file: DataActFile<unknown>, index: number): number {
  return parseA1(file.grid.topLeft).row + 1 + index;
}

/** The rows of each TAS, in file order: checks that compare rows compare them within their TAS. */
export function groupedByTas<R extends { tas: string }>(rows: readonly R[]): Iterable<R[]> {
  const byTas = new Map<string, R[]>();
  for (const row of rows) {
    const group = byTas.get(row.tas);
    if (group) group.push(row);
    else byTas.set(row.tas, [row]);
  }
  return byTas.values();
}

/** The cell a finding points at: the field's own cell when the file has that column, else the row's first cell. */
export function cellOf(file: DataActFile<unknown>, index: number, element?: string): Loc {
  const origin = parseA1(file.grid.topLeft);
  const column = (element !== undefined ? file.columns.index.get(element) : undefined) ?? 0;
  return {
    sheet: file.grid.sheet,
    cell: `${columnLetters(origin.column + column)}${origin.row + 1 + index}`,
  };
}

/** A field's column in this file, found once: `at` is -1 when the file lacks it. */
interface Column {
  readonly element: string;
  readonly at: number;
  readonly flipped: boolean;
}

/**
 * Reads one table's cells by field, reporting bad amounts at their cells. Columns are looked up once per file and
 * a TAS is rendered once per distinct set of components: a File B repeats a few hundred TAS over many rows.
 */
class RowReader {
  private readonly periods = new Map<string, SubmissionPeriod | null>();
  private readonly rendered = new Map<string, string>();
  private readonly tasParts: readonly Column[];
  private readonly tasText: Column;
  private readonly periodColumn: Column;

  constructor(
    readonly file: DataActFile<unknown>,
    private readonly issues: Issue[],
  ) {
    this.tasParts = [F.ata, F.aid, F.bpoa, F.epoa, F.availability, F.main, F.sub].map((e) => this.column(e));
    this.tasText = this.column(F.tasText);
    this.periodColumn = this.column(F.period);
  }

  column(element: string): Column {
    const columns = this.file.columns;
    return { element, at: columns.index.get(element) ?? -1, flipped: columns.flipped.has(element) };
  }

  raw(row: readonly CellValue[], c: Column): CellValue {
    return c.at < 0 ? null : (row[c.at] ?? null);
  }

  text(row: readonly CellValue[], c: Column): string {
    return c.at < 0 ? '' : cellText(row[c.at] ?? null);
  }

  code(row: readonly CellValue[], c: Column, width: number): string {
    return padCode(this.text(row, c), width);
  }

  amount(row: readonly CellValue[], index: number, c: Column): Exact {
    if (c.at < 0) return ZERO;
    const read = readAmountCell(row[c.at] ?? null, c.flipped, c.element);
    if (read.ok) return read.value;
    this.issues.push(issueAt(read.msg, cellOf(this.file, index, c.element)));
    return ZERO;
  }

  /** The row's TAS from its components, else from USAspending's written-out symbol; '' (reported) if neither. */
  tas(row: readonly CellValue[], index: number): string {
    let key = '';
    for (let i = 0; i <= this.tasParts.length; i++) {
      const v = this.raw(row, this.tasParts[i] ?? this.tasText);
      // Error values and dates are not cached: their text is not their identity.
      if (v !== null && typeof v === 'object') {
        key = '';
        break;
      }
      key += v === null ? '\u0001' : v + '\u0001';
    }
    let tas = key ? this.rendered.get(key) : undefined;
    if (tas === undefined) {
      tas = this.renderTas(row);
      if (key) this.rendered.set(key, tas);
    }
    if (tas === '' && tasReadable(this.file.columns))
      this.issues.push(issueAt(DATA_ACT_MESSAGES.tasMissing(this.file.name), cellOf(this.file, index)));
    return tas;
  }

  private renderTas(row: readonly CellValue[]): string {
    const [ata, aid, bpoa, epoa, availability, main, sub] = this.tasParts as [
      Column,
      Column,
      Column,
      Column,
      Column,
      Column,
      Column,
    ];
    const agency = this.code(row, aid, 3);
    const account = this.code(row, main, 4);
    if (agency && account) {
      return renderTas({
        ata: this.code(row, ata, 3),
        aid: agency,
        bpoa: this.text(row, bpoa),
        epoa: this.text(row, epoa),
        availability: this.text(row, availability),
        main: account,
        sub: this.code(row, sub, 3),
      });
    }
    const parts = parseTas(this.text(row, this.tasText));
    return parts ? renderTas(parts) : '';
  }

  period(row: readonly CellValue[], index: number): SubmissionPeriod | null {
    const text = this.text(row, this.periodColumn);
    if (!text) return null;
    let p = this.periods.get(text);
    if (p === undefined) {
      p = parseSubmissionPeriod(text);
      this.periods.set(text, p);
      if (!p)
        this.issues.push(issueAt(DATA_ACT_MESSAGES.periodInvalid(text), cellOf(this.file, index, F.period)));
    }
    return p;
  }
}

function tasReadable(columns: FileColumns): boolean {
  return (columns.index.has(F.aid) && columns.index.has(F.main)) || columns.index.has(F.tasText);
}

function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}

function open<R>(kind: FileKind, grid: GridTable): DataActFile<R> {
  const columns = matchColumns(kind, grid.header);
  return {
    kind,
    name: kind === 'A' ? 'File A' : 'File B',
    grid,
    columns,
    rows: [],
    missing: new Set<string>(),
    hasPya: kind === 'B' && (columns.index.has(F.pya) || !columns.download),
  };
}

/** Reports each needed column the file lacks, saying what is not done without it. */
function reportMissing(
  file: DataActFile<unknown>,
  needed: readonly (readonly [string, string])[],
  issues: Issue[],
): Set<string> {
  const missing = new Set<string>();
  const header: Loc = { sheet: file.grid.sheet, cell: file.grid.topLeft };
  if (!tasReadable(file.columns)) {
    missing.add('TAS');
    issues.push(
      issueAt(
        DATA_ACT_MESSAGES.columnMissing(
          file.name,
          'AgencyIdentifier and MainAccountCode',
          [...headerNames(file.kind, F.aid), ...headerNames(file.kind, F.main), 'treasury_account_symbol'],
          'Without them no row has a Treasury Account Symbol, so nothing in this file can be tied out.',
        ),
        header,
      ),
    );
  }
  for (const [element, effect] of needed) {
    if (file.columns.index.has(element)) continue;
    missing.add(element);
    issues.push(
      issueAt(
        DATA_ACT_MESSAGES.columnMissing(file.name, element, headerNames(file.kind, element), effect),
        header,
      ),
    );
  }
  return missing;
}

export function readFileA(grid: GridTable, issues: Issue[]): FileA {
  const file = open<FileARow>('A', grid);
  file.missing = reportMissing(
    file,
    [
      [F.aGrossOutlays, 'Rule A18 is not run.'],
      [F.aObligations, 'Rule A19 is not run.'],
      [F.aDeobligations, 'Rule A35 is not run.'],
    ],
    issues,
  );
  const r = new RowReader(file, issues);
  const [title, grossOutlays, obligations, deobligations] = [
    F.tasName,
    F.aGrossOutlays,
    F.aObligations,
    F.aDeobligations,
  ].map((e) => r.column(e)) as [Column, Column, Column, Column];
  grid.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    file.rows.push({
      index,
      tas: r.tas(row, index),
      title: r.text(row, title),
      period: r.period(row, index),
      grossOutlays: r.amount(row, index, grossOutlays),
      obligations: r.amount(row, index, obligations),
      deobligations: r.amount(row, index, deobligations),
    });
  });
  return file;
}

/** The amounts a File B record keeps; every other balance is only asked whether it is $0. */
const KEPT = new Set<string>([F.bObligations, F.bGrossOutlays, F.bDeobligations, ...DOWNWARD]);

export function readFileB(grid: GridTable, issues: Issue[]): FileB {
  const file = open<FileBRow>('B', grid);
  const needed: [string, string][] = [
    [F.objectClass, 'Rules B11.3, B11.4 and B19.1 are not run, and Budget lines have no object class.'],
    [F.bObligations, 'Rule A19 is not run, and the Budget has no Obligations lines.'],
    [F.bGrossOutlays, 'Rule A18 is not run, and the Budget has no Gross Outlays lines.'],
  ];
  if (!DOWNWARD.some((e) => file.columns.index.has(e)))
    needed.push([
      F.bDeobligations,
      'Rule A35 is not run (nor are the USSGL 4871, 4971, 4872 and 4972 columns there).',
    ]);
  if (file.hasPya)
    needed.push([F.pya, "Rule B29 is not run, and every row is read as this year's activity (PYA X)."]);
  file.missing = reportMissing(file, needed, issues);
  if (!file.hasPya)
    issues.push(issueAt(DATA_ACT_MESSAGES.pyaAssumed(file.name), { sheet: grid.sheet, cell: '' }));

  const r = new RowReader(file, issues);
  const [title, paCode, paName, park, objectClass, flag, defc, pya, obligationsAt, grossOutlaysAt, deobligationsAt] =
    [
      F.tasName, F.paCode, F.paName, F.park, F.objectClass, F.directReimbursable, F.defc, F.pya,
      F.bObligations, F.bGrossOutlays, F.bDeobligations,
    ].map((e) => r.column(e)) as Column[] as [Column, Column, Column, Column, Column, Column, Column, Column, Column, Column, Column]; // prettier-ignore
  const downwardColumns = DOWNWARD.map((e) => r.column(e)).filter((x) => x.at >= 0);
  const balances = FILE_B_FIELDS.filter((f) => f.balance && !KEPT.has(f.element))
    .map((f) => r.column(f.element))
    .filter((x) => x.at >= 0);
  const hasPyaColumn = pya.at >= 0;
  grid.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const obligations = r.amount(row, index, obligationsAt);
    const grossOutlays = r.amount(row, index, grossOutlaysAt);
    const deobligations = r.amount(row, index, deobligationsAt);
    let downward = ZERO;
    let nonZero = obligations.units !== 0n || grossOutlays.units !== 0n || deobligations.units !== 0n;
    for (const column of downwardColumns) {
      const value = r.amount(row, index, column);
      downward = add(downward, value);
      nonZero ||= value.units !== 0n;
    }
    for (const column of balances) {
      // Plain values need no exact reading; anything else is read in full, so a bad value is always reported.
      const quick = quickNonZero(r.raw(row, column));
      if (quick === undefined) nonZero = r.amount(row, index, column).units !== 0n || nonZero;
      else nonZero ||= quick;
    }
    file.rows.push({
      index,
      tas: r.tas(row, index),
      title: r.text(row, title),
      period: r.period(row, index),
      paCode: r.code(row, paCode, 4),
      paName: r.text(row, paName),
      park: r.text(row, park),
      objectClass: objectClassCode(r.text(row, objectClass)),
      flag: r.text(row, flag).toUpperCase(),
      defc: r.text(row, defc).toUpperCase(),
      pya: hasPyaColumn ? r.text(row, pya).toUpperCase() : 'X',
      balances: nonZero,
      obligations,
      grossOutlays,
      deobligations,
      downward,
    });
  });
  return file;
}
