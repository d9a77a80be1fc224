import { compute, readWorkbook, runEngine } from '../server/engine';
import { runScenarios } from '../server/engine/scenarios';
import { generateWorkbook } from './generate';

/**
 * One engine measurement in a fresh process (so peak memory is this size's own): generate N lines, then time
 * the engine's stages. Prints one JSON line. Run by bench/run.ts; `tsx bench/engine-size.ts 100000` by hand.
 */
function main(): void {
  const lines = Number(process.argv[2] ?? '1000');
  const { grids, lines: made } = generateWorkbook(lines);
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const read = readWorkbook(grids);
  const t1 = performance.now();
  const c = compute(read.model);
  runScenarios(c);
  const t2 = performance.now();
  // The whole engine call as the API makes it, output tables included.
  const full = runEngine(grids);
  const t3 = performance.now();
  const rows = full.tables.reduce((s, t) => s + t.rows.length, 0);
  process.stdout.write(
    `${JSON.stringify({
      lines: made,
      readMs: t1 - t0,
      computeMs: t2 - t1,
      engineMs: t2 - t0,
      withTablesMs: t3 - t2,
      outputRows: rows,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      heapBeforeMb: heapBefore / 2 ** 20,
      issues: full.issues.length,
    })}\n`,
  );
}

main();
