import { crc32 } from 'node:zlib';
import { oversizedTables, type EngineResult } from '../models';
import { CLI_CSV_LIMITS, type CsvLimits, type DataActCsvs, withDataActCsvs } from './csv';
import { runEngine } from './engine';
import {
  readWorkbookGrids,
  tableCsv,
  type OversizeOptions,
  type ReadLimits,
  writeCrosswalkWorkbook,
} from './xlsx';
import { deflatePart, writeZipAsync, type StoredPart, type ZipEntry } from './xlsx/ooxml/zipWriter';
import { withFields } from './objects';

export type Stage = 'reading' | 'computing' | 'writing';

export interface XlsxRun {
  result: EngineResult;
  /** The input workbook with every output sheet written (input sheets untouched); a new workbook without one. */
  output: Buffer;
}

export interface XlsxOptions {
  limits?: ReadLimits;
  csvLimits?: CsvLimits;
  csvs?: DataActCsvs;
  onStage?: (stage: Stage) => void;
  oversize?: OversizeOptions;
}

/**
 * The whole job on an .xlsx: read it into grids, run the engine, write the output tables back into a copy.
 * The CLI and the HTTP `/workbook` endpoint both call this, so they give the same workbook for the same input.
 * DATA Act File A and File B CSVs, when given, stand as those sheets (`server/csv`); with no workbook, the
 * output is a new workbook holding only the output tables. A table too long for its sheet gets a note there
 * instead (`oversize`); `result` keeps every row of it, for the caller to write as CSV (see `oversizedTables`
 * and `tableCsv`).
 */
export async function crosswalkXlsx(input: Buffer | null, opts: XlsxOptions = {}): Promise<XlsxRun> {
  const result = await readAndCompute(input, opts);
  opts.onStage?.('writing');
  const { agency, costLabel } = result.summary;
  const exhibit = { agency, costLabel };
  const output = await writeCrosswalkWorkbook(input, result.tables, result.money, exhibit, opts.oversize);
  return { result, output };
}

/**
 * The input's grids and the engine's result. Apart from crosswalkXlsx so that the grids (the workbook's cells,
 * and 200,000 rows of a File B CSV) can be collected while the output is written: a local of the caller would
 * live until it returned.
 */
async function readAndCompute(input: Buffer | null, opts: XlsxOptions): Promise<EngineResult> {
  opts.onStage?.('reading');
  const read = input === null ? { tables: [] } : await readWorkbookGrids(input, opts.limits);
  const grids = opts.csvs ? withDataActCsvs(read, opts.csvs, opts.csvLimits ?? CLI_CSV_LIMITS) : read;
  opts.onStage?.('computing');
  return runEngine(grids);
}

/** The name of a table's CSV beside a workbook: `<workbook name without .xlsx>-<Table>.csv`, as the CLI names it. */
export function csvNameBeside(workbookName: string, table: string): string {
  return `${workbookName.replace(/\.xlsx$/i, '')}-${table}.csv`;
}

/**
 * The job of crosswalkXlsx answered as one zip (the API's `/workbook?csv=true`): the workbook under
 * `workbookName` and, for each table too long for its sheet, its whole table as the CLI's CSV
 * (`csvNameBeside`), which that sheet's note names. The workbook is stored as it is (an .xlsx is already
 * compressed); each CSV is deflated as it is made, so it is never whole in memory uncompressed.
 */
export async function crosswalkZip(
  input: Buffer | null,
  workbookName: string,
  opts: Omit<XlsxOptions, 'oversize'> & { maxDetailRows?: number } = {},
): Promise<XlsxRun> {
  const { maxDetailRows, ...rest } = opts;
  const csvName = (table: string) => csvNameBeside(workbookName, table);
  const run = await crosswalkXlsx(input, withFields(rest, { oversize: { maxDetailRows, csvName } }));
  const entries: ZipEntry[] = [{ name: workbookName, stored: storedAsIs(run.output) }];
  for (const table of oversizedTables(run.result.tables, maxDetailRows))
    entries.push({ name: csvName(table.name), stored: await deflatePart(tableCsv(table, run.result.money)) });
  return { result: run.result, output: await writeZipAsync(entries) };
}

/** Zip method 0: bytes kept as they are. */
const STORED = 0;

/** A part the zip keeps as it is (an .xlsx is compressed already). */
function storedAsIs(data: Buffer): StoredPart {
  return { data, method: STORED, crc32: crc32(data), size: data.length };
}
