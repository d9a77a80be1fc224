import { compute, readWorkbook } from '../server/engine';
import { costPerOutcomeTable } from '../server/engine/tables/costPerOutcome';
import { crosswalkDetail, crosswalkMatrix } from '../server/engine/tables/crosswalk';
import { resourcesByGoal } from '../server/engine/tables/resourcesByGoal';
import { runScenarios } from '../server/engine/scenarios';
import { generateWorkbook } from './generate';

/**
 * One engine measurement in a fresh process (so peak memory is this size's own, generated input included):
 * generate N lines, then time the engine's stages: reading and validating, computing (crosswalk, pools, cost
 * per outcome, scenarios), and shaping the output tables. Prints one JSON line. Run by bench/run.ts; `tsx bench/engine-size.ts 100000` by hand.
 */
function main(): void {
  const lines = Number(process.argv[2] ?? '1000');
  const { grids, lines: made } = generateWorkbook(lines);
  const inputRssMb = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const read = readWorkbook(grids);
  const t1 = performance.now();
  const c = compute(read.model);
  runScenarios(c);
  const t2 = performance.now();
  const enginePeakRssMb = process.resourceUsage().maxRSS / 1024;
  // The output tables as the API returns them (each capped at a sheet's 1,048,576 rows).
  const tables = [resourcesByGoal(c), crosswalkMatrix(c), crosswalkDetail(c), costPerOutcomeTable(c)];
  const t3 = performance.now();
  process.stdout.write(
    `${JSON.stringify({
      lines: made,
      readMs: t1 - t0,
      computeMs: t2 - t1,
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

main();
