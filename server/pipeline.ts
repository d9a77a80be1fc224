import type { EngineResult } from '../models';
import { runEngine } from './engine';
import { readWorkbookGrids, type ReadLimits, writeCrosswalkWorkbook } from './xlsx';

export type Stage = 'reading' | 'computing' | 'writing';

export interface XlsxRun {
  result: EngineResult;
  /** The input workbook with every output sheet written (input sheets untouched). */
  output: Buffer;
}

/**
 * The whole job on an .xlsx: read it into grids, run the engine, write the output tables back into a copy.
 * The CLI and the HTTP `/workbook` endpoint both call this, so they give the same workbook for the same input.
 */
export async function crosswalkXlsx(
  input: Buffer,
  opts: { limits?: ReadLimits; onStage?: (stage: Stage) => void } = {},
): Promise<XlsxRun> {
  opts.onStage?.('reading');
  const grids = await readWorkbookGrids(input, opts.limits);
  opts.onStage?.('computing');
  const result = runEngine(grids);
  opts.onStage?.('writing');
  const { agency, costLabel } = result.summary;
  const output = await writeCrosswalkWorkbook(input, result.tables, result.money, { agency, costLabel });
  return { result, output };
}
