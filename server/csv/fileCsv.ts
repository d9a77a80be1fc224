import { parse } from 'csv-parse/sync';
import type { CellValue, GridTable } from '../../models';
import { type FileKind, matchColumns } from '../engine/dataAct/columns';
import { fitsDouble } from '../engine/dataAct/exact';
import { FILE_A_FIELDS, FILE_B_FIELDS, type FieldKind } from '../engine/dataAct/reference/fields';
import { TextInterner } from '../xlsx/package/textInterner';
import { parsePlainCsv, type RecordContext } from './plainCsv';
import { withFields } from '../objects';

/**
 * A DATA Act File A or File B CSV (the broker's file, or USAspending's account download) as the grid the engine
 * gets when a budget officer pastes that CSV at A1 of a sheet named `File A` or `File B`. The header is row 1,
 * so the n-th record of the file is row n of the sheet, and a finding at `File B!A17` is the file's 17th record:
 * its line 17, unless a quoted field earlier in the file spans lines (Excel puts such a field in one cell too).
 *
 * Cells are typed the way Excel types a pasted CSV (numbers as numbers, text as text) except where Excel would
 * lose what the broker reads: codes stay text with their leading zeros (`047`, `0001`, `000`), and an amount with
 * more significant digits than a double holds stays exact text (the engine reads both exactly).
 */

export type DataActSheet = 'File A' | 'File B';

/** A CSV as it arrived: its bytes and the name to call it by in messages (a path or an upload's file name). */
export interface CsvInput {
  name: string;
  bytes: Uint8Array;
}

export interface CsvLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Most non-empty cells accepted in one file (the workbook reader's cell limit, counted the same way). */
  maxCells: number;
}

/** For the command line, which reads the user's own files: generous, but a stray huge file still stops early. */
export const CLI_CSV_LIMITS: CsvLimits = { maxBytes: 512 * 1024 * 1024, maxCells: 20_000_000 };

export type CsvRefusal = 'empty' | 'not-csv' | 'malformed' | 'too-large' | 'conflict';

/** A CSV that cannot stand as File A or File B; the message names the file, and the line when there is one. */
export class CsvInputError extends Error {
  override readonly name = 'CsvInputError';
  constructor(
    readonly reason: CsvRefusal,
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** As Excel opens a CSV: rows of any length, and a stray quote inside an unquoted field kept as text. */
const CSV_OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true } as const;

/** csv-parse with an `on_record` that returns other than text: its typings only allow that with `columns`. */
const parseTyped = parse as unknown as (
  text: string,
  options: typeof CSV_OPTIONS & {
    on_record: (record: string[], context: RecordContext) => CellValue[] | null;
  },
) => CellValue[][];

/** Excel's own limit for a cell's text: a longer field could not have been pasted either. */
const MAX_CELL_TEXT = 32_767;

/**
 * Reads a File A (`sheet` 'File A') or File B CSV into its sheet's grid; refuses a bad file with a CsvInputError.
 * Each record is typed as it is parsed, so a large file's field texts never all live at once beside its cells.
 * A well-formed file is read by the fast reader (`plainCsv.ts`); anything it leaves, by csv-parse.
 */
export function dataActCsvGrid(sheet: DataActSheet, input: CsvInput, limits: CsvLimits): GridTable {
  const { name } = input;
  const text = checkedText(input, limits);
  let typer = new RecordTyper(sheet, name, limits);
  let rows = parsePlainCsv(text, typer.type);
  if (rows === null) {
    typer = new RecordTyper(sheet, name, limits);
    try {
      rows = parseTyped(text, withFields(CSV_OPTIONS, { on_record: typer.type }));
    } catch (e) {
      throw e instanceof CsvInputError ? e : malformed(name, text, e);
    }
  }
  const head: string[] = typer.header ?? [];
  if (head.every((h) => h.trim() === ''))
    throw new CsvInputError('empty', name, `${name} has no header row on line 1.`);
  return { name: sheet, source: 'sheet', sheet, topLeft: 'A1', header: head.map(headerCell), rows };
}

/**
 * The most distinct texts a file keeps one string object for. A File B repeats a few thousand codes and names
 * over many rows: kept once each, 200,000 rows' texts take a few hundred kilobytes instead of about 50 MB, and
 * the engine's maps by TAS, code and combination hash each text once (a string keeps its hash).
 */
const MAX_INTERNED = 100_000;

/** Types a file's records as they are parsed: the first is its header, which says each column's field kind. */
class RecordTyper {
  header: string[] | null = null;
  private kinds: (FieldKind | undefined)[] = [];
  private cells = 0;
  private readonly texts = new TextInterner(MAX_CELL_TEXT, MAX_INTERNED);

  constructor(
    private readonly sheet: DataActSheet,
    private readonly name: string,
    private readonly limits: CsvLimits,
  ) {}

  /** One record as a row of cells; null for the header, which is kept apart. */
  readonly type = (record: string[], context: RecordContext): CellValue[] | null => {
    if (this.header === null) {
      this.header = record;
      this.kinds = columnKinds(this.sheet === 'File A' ? 'A' : 'B', record);
      return null;
    }
    const row = new Array<CellValue>(record.length);
    for (let i = 0; i < record.length; i++) {
      const field = record[i] as string;
      if (field.length > MAX_CELL_TEXT) throw fieldTooLong(this.name, context.records);
      const value = typedCell(field, this.kinds[i]);
      if (value !== null) this.cells++;
      row[i] = typeof value === 'string' ? this.texts.text(value) : value;
    }
    if (this.cells > this.limits.maxCells)
      throw new CsvInputError(
        'too-large',
        this.name,
        `${this.name} holds more than the ${this.limits.maxCells.toLocaleString('en-US')} filled cells allowed in one file.`,
      );
    return row;
  };
}

/** The file as text, once it is known to be a CSV of an acceptable size. */
function checkedText(input: CsvInput, limits: CsvLimits): string {
  const { name, bytes } = input;
  if (bytes.length > limits.maxBytes)
    throw new CsvInputError(
      'too-large',
      name,
      `${name} is ${megabytes(bytes.length)}, larger than the ${megabytes(limits.maxBytes)} allowed for a CSV.`,
    );
  if (bytes.length === 0)
    throw new CsvInputError('empty', name, `${name} is empty (0 bytes): give the CSV with its header row.`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    throw new CsvInputError(
      'not-csv',
      name,
      `${name} is a zip file (perhaps an Excel workbook), not a CSV: save the sheet as CSV, or give the workbook itself.`,
    );
  const text = decodeText(bytes);
  if (text.includes('\u0000'))
    throw new CsvInputError('not-csv', name, `${name} is not a text file, so it cannot be a CSV.`);
  return text;
}

function fieldTooLong(name: string, record: number): CsvInputError {
  return new CsvInputError(
    'malformed',
    name,
    `${name}, record ${record}: a field is longer than the ${MAX_CELL_TEXT.toLocaleString('en-US')} characters a cell can hold (is a quote left open?).`,
    record,
  );
}

/**
 * UTF-8 (with or without a byte-order mark), as the broker and USAspending write; a file that is not valid UTF-8
 * was saved by Excel on Windows as "CSV (Comma delimited)", in the Windows-1252 code page.
 */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** csv-parse's error as a sentence naming the file and the line where the bad record starts. */
function malformed(name: string, text: string, e: unknown): CsvInputError {
  const err = e as { code?: string; records?: number; message?: string };
  const line = lineAfter(text, err.records ?? 0);
  const why =
    err.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted field opens here and is never closed'
      : `the CSV cannot be read here (${(err.message ?? String(e)).replace(/\s+(at|on) line \d+.*$/s, '')})`;
  return new CsvInputError('malformed', name, `${name}, line ${line}: ${why}.`, line);
}

/** The line the record after the first `records` starts on: they parsed before, so they parse again. */
function lineAfter(text: string, records: number): number {
  if (records === 0) return 1;
  const read = parse(text, withFields(CSV_OPTIONS, { to: records, info: true })) as unknown as {
    info: { lines: number };
  }[];
  return (read.at(-1)?.info.lines ?? 0) + 1;
}

/** Each column's field kind, by the engine's own header matching; undefined for a column it does not read. */
export function columnKinds(kind: FileKind, header: readonly string[]): (FieldKind | undefined)[] {
  const fields = kind === 'A' ? FILE_A_FIELDS : FILE_B_FIELDS;
  const kindOf = new Map(fields.map((f) => [f.element, f.kind]));
  const out: (FieldKind | undefined)[] = header.map(() => undefined);
  for (const [element, at] of matchColumns(kind, header).index) out[at] = kindOf.get(element);
  return out;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * One field as Excel would type it, but keeping what the broker reads: an amount is a number when a double holds
 * it exactly; a code or text field stays text; a column the engine does not read is a number only when it looks
 * like one with no leading zero (so an identifier such as `0001` keeps its zeros wherever it is).
 */
export function typedCell(text: string, kind: FieldKind | undefined): CellValue {
  if (text === '') return null;
  if (kind === 'id' || kind === 'text' || !PLAIN_NUMBER.test(text)) return text;
  if (kind === undefined && /^-?0\d/.test(text)) return text;
  return fitsDouble(text) ? Number(text) : text;
}

function headerCell(text: string): CellValue {
  return text === '' ? null : text;
}

function megabytes(bytes: number): string {
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('en-US')} MB`;
}
