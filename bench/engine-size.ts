import { compute, readWorkbook } from '../server/engine';
import { costPerOutcomeTable } from '../server/engine/tables/costPerOutcome';
import { crosswalkDetail, crosswalkMatrix } from '../server/engine/tables/crosswalk';
import { resourcesByGoal } from '../server/engine/tables/resourcesByGoal';
import { runScenarios } from '../server/engine/scenarios';
import { TextInterner } from '../server/xlsx/package/textInterner';
import type { WorkbookGrids } from '../models';
import { generateWorkbook } from './generate';

/**
 * One engine measurement in a fresh process (so peak memory is this size's own, generated input included):
 * generate N lines, then time the engine's stages: reading and validating, computing (crosswalk, pools, cost
 * per outcome, scenarios), and shaping the output tables. Prints one JSON line. Run by bench/run.ts; `tsx bench/engine-size.ts 100000` by hand.
 */
function main(): void {
  const lines = Number(process.argv[2] ?? '1000');
  const { grids, lines: made } = generateWorkbook(lines);
  shareTexts(grids);
  const inputRssMb = process.memoryUsage().rss / 2 ** 20;
  // CPU time beside wall time: on a shared machine wall time swings with others' load, CPU time far less.
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const read = readWorkbook(grids);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const c = compute(read.model);
  runScenarios(c);
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const enginePeakRssMb = process.resourceUsage().maxRSS / 1024;
  // The output tables as the API returns them (each capped at a sheet's 1,048,576 rows).
  const tables = [resourcesByGoal(c), crosswalkMatrix(c), crosswalkDetail(c), costPerOutcomeTable(c)];
  const t3 = performance.now();
  process.stdout.write(
    `${JSON.stringify({
      lines: made,
      readMs: t1 - t0,
      computeMs: t2 - t1,
      readCpuMs: cpuMs(c0, c1),
      computeCpuMs: cpuMs(c1, c2),
      engineMs: t2 - t0,
      tablesMs: t3 - t2,
      outputRows: tables.reduce((s, t) => s + t.rows.length, 0),
      inputRssMb,
      enginePeakRssMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      issues: read.issues.length + c.issues.length,
    })}\n`,
  );
}

/**
 * The generated grids as the direct reader hands them over: one string per distinct short text (see
 * `TextInterner`). The generator builds titles afresh on every row (`Account 12`, `Activity 0001`), each a
 * new string the engine would have to flatten and hash on first sight, a cost (about 0.6 s at 1M lines) no
 * workbook read from a file carries.
 */
function shareTexts(grids: WorkbookGrids): void {
  const interner = new TextInterner();
  for (const table of grids.tables)
    for (const row of table.rows)
      for (let i = 0; i < row.length; i++) {
        const v = row[i];
        if (typeof v === 'string') row[i] = interner.text(v);
      }
}

/** User plus system CPU time between two readings, in milliseconds (garbage collection threads included). */
function cpuMs(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + to.system - from.system) / 1000;
}

main();
