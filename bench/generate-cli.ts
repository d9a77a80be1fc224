import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { generateWorkbook } from './generate';
import { writeGridsXlsx } from './xlsxWriter';

/**
 * `npm run generate -- --lines N [--seed S] [--simple] [-o out/synthetic.xlsx | out/synthetic.json]`
 * Writes a synthetic agency workbook (.xlsx) or the JSON payload the API takes (`{"grids": ...}`).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '20260101' },
      simple: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
    },
  });
  const lines = Number(values.lines);
  if (!Number.isInteger(lines) || lines < 1)
    throw new Error(`--lines must be a positive whole number, got "${values.lines}"`);
  const out = values.output ?? `out/synthetic-${lines}.xlsx`;
  const { grids, lines: made } = generateWorkbook(lines, {
    seed: Number(values.seed),
    simple: values.simple,
  });
  mkdirSync(dirname(out), { recursive: true });
  if (out.endsWith('.json')) writeFileSync(out, JSON.stringify({ grids }));
  else writeFileSync(out, await writeGridsXlsx(grids));
  process.stderr.write(`Wrote ${out}: ${made.toLocaleString('en-US')} budget lines (seed ${values.seed}).\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
