import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EngineResult } from '../models';
import { issueLocation } from '../models';
import { crosswalkXlsx, type Stage } from './pipeline';
import {
  OutputIsInputError,
  refuseOutputOverInput,
  writeFileAtomically,
  WRITE_STEPS,
  type OnWriteStep,
} from './safeWrite';
import { terminalSafe, terminalSafeJson } from './terminalText';
import { UnreadableWorkbookError, WorkbookTooLargeError, OutputNameConflictError } from './xlsx';

/**
 * `npm run crosswalk -- <input.xlsx> -o <output.xlsx> [--json] [--quiet]`
 * Exit codes: 0 the crosswalk was produced (warnings allowed); 1 the workbook has errors (the output is still
 * written, with its Issues sheet); 2 a usage error or a file that cannot be read. Messages go to stderr as one
 * human line; `--json` puts a machine-readable summary on stdout.
 *
 * The input is only ever read. An output that is the input (by any name) is refused before anything runs,
 * and the output is replaced atomically (`safeWrite.ts`): a kill or a full disk never leaves half a file.
 * Text from the workbook reaches the terminal without control characters (`terminalText.ts`).
 */

export const USAGE = 'Usage: npm run crosswalk -- <input.xlsx> [-o <output.xlsx>] [--json] [--quiet]';

export class UsageError extends Error {}

interface CliOptions {
  input: string;
  output: string;
  json: boolean;
  quiet: boolean;
}

export function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}. ${USAGE}`);
  }
  if (parsed.values.help) return 'help';
  const [input, ...extra] = parsed.positionals;
  if (!input) throw new UsageError(`No input workbook given. ${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}". ${USAGE}`);
  const output =
    parsed.values.output ?? join(dirname(input), `${basename(input, extname(input))}-crosswalk.xlsx`);
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`The output must be an .xlsx file, got "${output}".`);
  return { input, output, json: parsed.values.json ?? false, quiet: parsed.values.quiet ?? false };
}

function humanSummary(result: EngineResult, output: string): string {
  const s = result.summary;
  const lines = [`Wrote ${output}`];
  const unitWord = s.units === 'Dollars' ? 'dollars' : `${s.units.toLowerCase()} of dollars`;
  if (s.costBasis && s.baseSeries !== null) {
    lines.push(`${s.agency || 'Agency'}: ${s.costLabel} by goal, ${s.baseSeries} (${unitWord})`);
    for (const g of s.goals) {
      const amount = g.totals.find((t) => t.series === s.baseSeries)?.amount ?? 0;
      lines.push(
        `  ${g.goalId.padEnd(6)} ${g.name.slice(0, 48).padEnd(48)} ${amount.toLocaleString('en-US').padStart(16)}`,
      );
    }
  }
  if (s.measures.year !== null)
    lines.push(
      `Measures FY${s.measures.year}: ${s.measures.met} met, ${s.measures.notMet} not met, of ${s.measures.total}`,
    );
  if (s.scenarios.length > 0) lines.push('Scenarios (see ScenarioResults and ScenarioComparison):');
  for (const sc of s.scenarios) {
    const change = `${sc.fundingChange >= 0 ? '+' : ''}${sc.fundingChange.toLocaleString('en-US')}`;
    lines.push(
      `  ${sc.name.slice(0, 32).padEnd(32)} FY${sc.year} funding ${change.padStart(12)}   measures meeting target ${sc.metAtBase} -> ${sc.metInScenario} of ${sc.judged}`,
    );
  }
  lines.push(
    `Issues: ${s.issues.error} errors, ${s.issues.warning} warnings, ${s.issues.info} notes${s.issues.error + s.issues.warning > 0 ? ' (see the Issues sheet)' : ''}`,
  );
  for (const i of result.issues.filter((x) => x.severity === 'error').slice(0, 10))
    lines.push(`  ${issueLocation(i) || '(workbook)'}: ${i.message}`);
  return lines.join('\n');
}

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(
  argv: string[],
  streams: Io = { stdout: process.stdout, stderr: process.stderr },
  opts: { onWriteStep?: OnWriteStep } = {},
): Promise<number> {
  // Every human line may quote the workbook; the JSON document is escaped where it is written.
  const io = {
    stdout: { write: (text: string) => streams.stdout.write(terminalSafe(text)) },
    stderr: { write: (text: string) => streams.stderr.write(terminalSafe(text)) },
  };
  let parsed: CliOptions | 'help';
  try {
    parsed = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (parsed === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { input, output, json, quiet } = parsed;
  let bytes: Buffer;
  try {
    bytes = readFileSync(input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr.write(
      `Cannot read ${input}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}\n`,
    );
    return 2;
  }
  try {
    await refuseOutputOverInput(input, output);
  } catch (e) {
    io.stderr.write(
      `${e instanceof OutputIsInputError ? e.message : `Cannot check ${output}: ${(e as Error).message}`}\n`,
    );
    return 2;
  }
  const started = Date.now();
  const progress = (stage: Stage) => {
    if (!quiet)
      io.stderr.write(
        `${stage === 'reading' ? `Reading ${input}` : stage === 'computing' ? 'Computing the crosswalk' : `Writing ${output}`}... (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
  };
  let run;
  try {
    run = await crosswalkXlsx(bytes, { onStage: progress });
  } catch (e) {
    if (
      e instanceof UnreadableWorkbookError ||
      e instanceof WorkbookTooLargeError ||
      e instanceof OutputNameConflictError
    ) {
      io.stderr.write(`${input}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    mkdirSync(dirname(output), { recursive: true });
    await writeFileAtomically(output, run.output, opts.onWriteStep);
  } catch (e) {
    io.stderr.write(`Cannot write ${output}: ${(e as Error).message}\n`);
    return 2;
  }
  const { result } = run;
  if (json) {
    const doc = JSON.stringify(
      { ok: result.ok, input, output, summary: result.summary, issues: result.issues },
      null,
      2,
    );
    streams.stdout.write(`${terminalSafeJson(doc)}\n`);
  } else {
    io.stdout.write(`${humanSummary(result, output)}\n`);
  }
  if (!result.ok)
    io.stderr.write(
      `${input} has ${result.summary.issues.error} error(s); the crosswalk was written with its Issues sheet.\n`,
    );
  return result.ok ? 0 : 1;
}

/**
 * For the write-phase kill test only: with THROUGHLINE_TEST_PAUSE_AT=<step>, the CLI says so on stderr when
 * it reaches that step and waits there, so the test can kill it at exactly that point.
 */
function pauseForTest(env: NodeJS.ProcessEnv): OnWriteStep | undefined {
  const at = env.THROUGHLINE_TEST_PAUSE_AT;
  if (!at || !(WRITE_STEPS as readonly string[]).includes(at)) return undefined;
  return (step) => {
    if (step !== at) return;
    process.stderr.write(`TEST-PAUSED ${step}\n`);
    return new Promise<void>(() => {
      setInterval(() => undefined, 60_000);
    });
  };
}

if (require.main === module) {
  main(process.argv.slice(2), undefined, { onWriteStep: pauseForTest(process.env) }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        terminalSafe(`Throughline failed unexpectedly: ${e instanceof Error ? e.message : String(e)}\n`),
      );
      process.exitCode = 2;
    },
  );
}
