import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crosswalkXlsx } from '../server/pipeline';
import { generateWorkbook } from './generate';
import { writeGridsXlsx } from './xlsxWriter';

/**
 * One .xlsx round trip in a fresh process: write a generated workbook to a file (not timed), then time what a
 * user waits for: read the file, run the engine, write the crosswalk workbook. Prints one JSON line.
 */
async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? '1000');
  const { grids, lines: made } = generateWorkbook(lines);
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  const file = join(dir, 'input.xlsx');
  writeFileSync(file, await writeGridsXlsx(grids));
  const input = readFileSync(file);
  const marks: Record<string, number> = {};
  const t0 = performance.now();
  const { output, result } = await crosswalkXlsx(input, {
    limits: { maxCells: 50_000_000 },
    onStage: (stage) => {
      marks[stage] = performance.now();
    },
  });
  const t1 = performance.now();
  process.stdout.write(
    `${JSON.stringify({
      lines: made,
      inputMb: input.length / 2 ** 20,
      outputMb: output.length / 2 ** 20,
      readMs: (marks.computing ?? t0) - (marks.reading ?? t0),
      computeMs: (marks.writing ?? t0) - (marks.computing ?? t0),
      writeMs: t1 - (marks.writing ?? t0),
      totalMs: t1 - t0,
      outputRows: result.tables.reduce((s, t) => s + t.rows.length, 0),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
}

void main();
