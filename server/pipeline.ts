import type { EngineResult } from '../models';
import { CLI_CSV_LIMITS, type CsvLimits, type DataActCsvs, withDataActCsvs } from './csv';
import { runEngine } from './engine';
import { readWorkbookGrids, type OversizeOptions, type ReadLimits, writeCrosswalkWorkbook } from './xlsx';

export type Stage = 'reading' | 'computing' | 'writing';

export interface XlsxRun {
  result: EngineResult;
  /** The input workbook with every output sheet written (input sheets untouched); a new workbook without one. */
  output: Buffer;
}

/**
 * The whole job on an .xlsx: read it into grids, run the engine, write the output tables back into a copy.
 * The CLI and the HTTP `/workbook` endpoint both call this, so they give the same workbook for the same input.
 * DATA Act File A and File B CSVs, when given, stand as those sheets (`server/csv`); with no workbook, the
 * output is a new workbook holding only the output tables. A table too long for its sheet gets a note there
 * instead (`oversize`); `result` keeps every row of it, for the caller to write as CSV (see `oversizedTables`
 * and `tableCsv`).
 */
export async function crosswalkXlsx(
  input: Buffer | null,
  opts: {
    limits?: ReadLimits;
    csvLimits?: CsvLimits;
    csvs?: DataActCsvs;
    onStage?: (stage: Stage) => void;
    oversize?: OversizeOptions;
  } = {},
): Promise<XlsxRun> {
  opts.onStage?.('reading');
  const read = input === null ? { tables: [] } : await readWorkbookGrids(input, opts.limits);
  const grids = opts.csvs ? withDataActCsvs(read, opts.csvs, opts.csvLimits ?? CLI_CSV_LIMITS) : read;
  opts.onStage?.('computing');
  const result = runEngine(grids);
  opts.onStage?.('writing');
  const { agency, costLabel } = result.summary;
  const exhibit = { agency, costLabel };
  const output = await writeCrosswalkWorkbook(input, result.tables, result.money, exhibit, opts.oversize);
  return { result, output };
}
