import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { timeCli } from './cli';
import { DATA_ACT_SEED, dataActWorkbook, generateDataActFiles, tableCsv } from './dataActFiles';
import { writeGridsXlsx } from './xlsxWriter';

/**
 * The DATA Act intake as a budget office runs it (issue 15): File A and File B CSVs beside a small workbook
 * (Settings, Goals, Objectives, a Crosswalk by TAS; no Budget, so it is derived from File B), through the CLI
 * from process start to the output written. The files are the 200,000-row test's (bench/dataActFiles.ts: 100
 * rows an account, seeded).
 * `npx tsx bench/dataAct.ts [--rows N] [--runs R] [--keep DIR]` (`--keep` writes the CSVs there and keeps them).
 */

export interface DataActRun {
  rows: number;
  accounts: number;
  seed: number;
  fileAMb: number;
  fileBMb: number;
  outputMb: number;
  wallMs: number[];
  peakRssMb: number[];
}

const megabytes = (path: string) => Math.round(statSync(path).size / 2 ** 17) / 8;
/** 100 File B rows an account, as in the 200,000-row test. */
const accountsFor = (rows: number) => Math.max(1, Math.round(rows / 100));

/** Writes the seeded workbook and File A and File B CSVs of `rows` File B rows into `dir`; returns their paths. */
export async function writeDataActInputs(
  dir: string,
  rows: number,
): Promise<{ workbook: string; fileA: string; fileB: string }> {
  const accounts = accountsFor(rows);
  const files = generateDataActFiles({ rows, accounts, seed: DATA_ACT_SEED });
  const paths = {
    workbook: join(dir, 'workbook.xlsx'),
    fileA: join(dir, 'file-a.csv'),
    fileB: join(dir, 'file-b.csv'),
  };
  writeFileSync(paths.workbook, await writeGridsXlsx(dataActWorkbook(accounts)));
  writeFileSync(paths.fileA, tableCsv(files.fileA));
  writeFileSync(paths.fileB, tableCsv(files.fileB));
  return paths;
}

/**
 * Times the CLI on the generated workbook, File A and File B, `runs` times (the inputs are written first, not
 * timed): `crosswalk workbook.xlsx --file-a file-a.csv --file-b file-b.csv -o out.xlsx`.
 */
export async function dataActBench(rows: number, runs = 1, keep?: string): Promise<DataActRun> {
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  mkdirSync(dir, { recursive: true });
  try {
    const { workbook, fileA, fileB } = await writeDataActInputs(dir, rows);
    const output = join(dir, 'out.xlsx');
    const { wallMs, peakRssMb } = timeCli([workbook, '--file-a', fileA, '--file-b', fileB], output, runs);
    return {
      rows,
      accounts: accountsFor(rows),
      seed: DATA_ACT_SEED,
      fileAMb: megabytes(fileA),
      fileBMb: megabytes(fileB),
      outputMb: megabytes(output),
      wallMs,
      peakRssMb,
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** One line for the bench's report. */
export function describeDataActRun(r: DataActRun): string {
  const seconds = r.wallMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ');
  const peaks = r.peakRssMb.map((mb) => `${mb} MB`).join(', ');
  return `${r.rows.toLocaleString('en-US')} File B rows (${r.fileBMb} MB) + File A (${r.accounts.toLocaleString('en-US')} accounts), ${r.outputMb} MB out: wall ${seconds}; peak RSS ${peaks}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '200000' },
      runs: { type: 'string', default: '1' },
      keep: { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 2)
    throw new Error(`--rows must be a whole number above 1, got "${values.rows}"`);
  const r = await dataActBench(rows, Number(values.runs), values.keep);
  console.log(`DATA Act CLI, ${describeDataActRun(r)}`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `data-act-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...r }, null, 2)}\n`);
  console.log(`Wrote bench/results/${file.slice(dir.length + 1)}`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
