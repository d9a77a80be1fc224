import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEPARTMENT, generateWorkbook } from './generate';
import { writeGridsXlsx } from './xlsxWriter';

/**
 * The CLI as a budget office runs it, timed from process start to the output file written: a child process,
 * start-up and module loading included, no tuning flags. On a department-shaped workbook (issue 13: 60
 * objectives, dollars and cents) by default. `npm run bench:cli -- [--lines N] [--runs R] [--tsx]`
 */

const ROOT = join(__dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'cli', 'crosswalk.js');
const TIME = '/usr/bin/time';

export interface CliRun {
  lines: number;
  crosswalkRows: number;
  objectives: number;
  inputMb: number;
  outputMb: number;
  runner: 'compiled' | 'tsx';
  wallMs: number[];
  peakRssMb: number[];
}

/** Bundles the CLI the way `npm run crosswalk` does. */
function bundle(): void {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [
      'server/cli.ts',
      '--bundle',
      '--platform=node',
      '--target=node20',
      '--packages=external',
      '--log-level=warning',
      `--outfile=${BUNDLE}`,
    ],
    { cwd: ROOT },
  );
}

/** One run: wall time from spawn to exit (the file is written before exit), and peak RSS when GNU time is there. */
function once(command: string[], output: string): { wallMs: number; peakRssMb: number } {
  const timed = existsSync(TIME);
  const args = timed ? ['-f', '%M', ...command] : command;
  const t = performance.now();
  const r = spawnSync(timed ? TIME : (command[0] as string), timed ? args : command.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const wallMs = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI failed (${r.status}): ${r.stderr}`);
  if (!existsSync(output)) throw new Error(`the CLI wrote no ${output}: ${r.stderr}`);
  const kb = timed ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { wallMs, peakRssMb: kb / 1024 };
}

/**
 * The CLI's command line for one input and output: the compiled bundle (as `npm run crosswalk` runs it) or tsx.
 * The input is a workbook's path, or the CLI's input arguments as a list (`--file-a a.csv --file-b b.csv`).
 */
function cliCommand(input: string | readonly string[], output: string, runner: CliRun['runner']): string[] {
  const args = [...(typeof input === 'string' ? [input] : input), '-o', output, '--quiet'];
  return runner === 'compiled'
    ? [process.execPath, BUNDLE, ...args]
    : [join(ROOT, 'node_modules', '.bin', 'tsx'), 'server/cli.ts', ...args];
}

/**
 * Times the CLI on an existing workbook, `runs` times, each from process start to the output written. The bundle
 * is rebuilt first, so the figure is the current code's.
 */
export function timeCli(
  input: string | readonly string[],
  output: string,
  runs = 1,
  runner: CliRun['runner'] = 'compiled',
): { wallMs: number[]; peakRssMb: number[] } {
  if (runner === 'compiled') bundle();
  const wallMs: number[] = [];
  const peakRssMb: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(output, { force: true });
    const r = once(cliCommand(input, output, runner), output);
    wallMs.push(Math.round(r.wallMs));
    peakRssMb.push(Math.round(r.peakRssMb));
  }
  return { wallMs, peakRssMb };
}

export async function cliBench(
  lines: number,
  runs = 1,
  runner: CliRun['runner'] = 'compiled',
): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  try {
    const { grids, lines: made } = generateWorkbook(lines, DEPARTMENT);
    const input = join(dir, `department-${made}.xlsx`);
    writeFileSync(input, await writeGridsXlsx(grids));
    const output = join(dir, 'out.xlsx');
    const { wallMs, peakRssMb } = timeCli(input, output, runs, runner);
    const rows = (name: string) => grids.tables.find((t) => t.name === name)?.rows.length ?? 0;
    return {
      lines: made,
      crosswalkRows: rows('Crosswalk'),
      objectives: rows('Objectives'),
      inputMb: Math.round(statSync(input).size / 2 ** 17) / 8,
      outputMb: Math.round(statSync(output).size / 2 ** 17) / 8,
      runner,
      wallMs,
      peakRssMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '1' },
      tsx: { type: 'boolean', default: false },
    },
  });
  const r = await cliBench(Number(values.lines), Number(values.runs), values.tsx ? 'tsx' : 'compiled');
  console.log(
    `CLI (${r.runner}), ${r.lines.toLocaleString('en-US')} lines, ${r.objectives} objectives, ${r.crosswalkRows.toLocaleString('en-US')} crosswalk rows, ${r.inputMb} MB in, ${r.outputMb} MB out: wall ${r.wallMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}; peak RSS ${r.peakRssMb.map((mb) => `${mb} MB`).join(', ')}`,
  );
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `cli-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...r }, null, 2)}\n`);
  console.log(`Wrote ${file.slice(ROOT.length + 1)}`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
