import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  cannotRead,
  CSV_ERROR_CODES,
  csvWritten,
  HELP,
  unreadableMessage,
  USAGE,
  writtenWithErrors,
  type CliErrorCode,
} from './cliText';
import { CsvInputError, type DataActCsvs } from './csv';
import { humanSummary } from './cliSummary';
import { crosswalkXlsx, type Stage } from './pipeline';
import {
  OutputIsInputError,
  refuseOutputOverInput,
  writeFileAtomically,
  WRITE_STEPS,
  type OnWriteStep,
} from './safeWrite';
import { terminalSafe, terminalSafeJson } from './terminalText';
import {
  oversizedTables,
  OutputNameConflictError,
  SHEET_BODY_ROWS,
  WORKBOOK_DETAIL_ROWS,
  tableCsv,
  UnreadableWorkbookError,
  WorkbookTooLargeError,
} from './xlsx';

/**
 * `npm run crosswalk -- <input.xlsx> -o <output.xlsx> [--json] [--quiet]`; `--help` (in `cliText.ts`) lists
 * the options and exit codes. Progress and human messages go to stderr; the summary, or with `--json` one JSON
 * object (also on failure, so a script always has something to parse), goes to stdout.
 *
 * The input is only ever read. An output that is the input (by any name) is refused before anything runs,
 * and the output is replaced atomically (`safeWrite.ts`): a kill or a full disk never leaves half a file.
 * Text from the workbook reaches the terminal without control characters (`terminalText.ts`).
 */

export { USAGE };

export class UsageError extends Error {}

interface CliOptions {
  /** Null when only File A/File B CSVs are given: the output is then a new workbook. */
  input: string | null;
  fileA?: string;
  fileB?: string;
  output: string;
  json: boolean;
  quiet: boolean;
  /** The most rows CrosswalkDetail may have on its sheet; past it, the table goes to a CSV beside the output. */
  maxDetailRows: number;
}

export function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        'file-a': { type: 'string' },
        'file-b': { type: 'string' },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-detail-rows': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split(/\n|\. /)[0]}. ${USAGE}`);
  }
  if (parsed.values.help) return 'help';
  const [input, ...extra] = parsed.positionals;
  const { 'file-a': fileA, 'file-b': fileB } = parsed.values;
  const named = input ?? fileB ?? fileA;
  if (!named) throw new UsageError(`No input workbook given. ${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}". ${USAGE}`);
  const output =
    parsed.values.output ?? join(dirname(named), `${basename(named, extname(named))}-crosswalk.xlsx`);
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`The output must be an .xlsx file, got "${output}".`);
  return {
    input: input ?? null,
    ...(fileA ? { fileA } : {}),
    ...(fileB ? { fileB } : {}),
    output,
    json: parsed.values.json ?? false,
    quiet: parsed.values.quiet ?? false,
    maxDetailRows: maxDetailRowsOf(parsed.values['max-detail-rows']),
  };
}

function maxDetailRowsOf(given: string | undefined): number {
  if (given === undefined) return WORKBOOK_DETAIL_ROWS;
  const n = Number(given);
  if (!/^[0-9]+$/.test(given) || n < 1 || n > SHEET_BODY_ROWS)
    throw new UsageError(
      `--max-detail-rows must be a whole number from 1 to ${SHEET_BODY_ROWS.toLocaleString('en-US')} (a sheet's rows below its header), got "${given}".`,
    );
  return n;
}

/** Where a table too long for its sheet is written: `<output>-<Table>.csv`, beside the output. */
export function csvPathFor(output: string, table: string): string {
  return join(dirname(output), `${basename(output, extname(output))}-${table}.csv`);
}

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Nothing could be run: the reason on stderr, and with `--json` the same reason as a JSON object on stdout. */
class CliFailure extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
  }
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
  const writeJson = (doc: unknown) =>
    streams.stdout.write(`${terminalSafeJson(JSON.stringify(doc, null, 2))}\n`);
  // Asked for before the arguments are parsed, so a usage error is JSON too.
  const wantsJson = argv.includes('--json');
  try {
    return await run(argv, io, writeJson, opts);
  } catch (e) {
    const failure =
      e instanceof CliFailure
        ? e
        : new CliFailure(
            'internal-error',
            `Throughline failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
          );
    io.stderr.write(`${failure.message}\n`);
    if (wantsJson) writeJson({ ok: false, error: { code: failure.code, message: failure.message } });
    return 2;
  }
}

async function run(
  argv: string[],
  io: Io,
  writeJson: (doc: unknown) => unknown,
  opts: { onWriteStep?: OnWriteStep },
): Promise<number> {
  let parsed: CliOptions | 'help';
  try {
    parsed = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) throw new CliFailure('usage', e.message);
    throw e;
  }
  if (parsed === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  const { input, output, json, quiet, maxDetailRows } = parsed;
  const bytes = input === null ? null : readInput(input);
  const csvs: DataActCsvs = {};
  if (parsed.fileA) csvs.fileA = { name: parsed.fileA, bytes: readInput(parsed.fileA) };
  if (parsed.fileB) csvs.fileB = { name: parsed.fileB, bytes: readInput(parsed.fileB) };
  for (const read of [input, parsed.fileA, parsed.fileB]) if (read) await refuseOutputOver(read, output);
  const started = Date.now();
  const progress = (stage: Stage) => {
    if (!quiet)
      io.stderr.write(
        `${stage === 'reading' ? `Reading ${[input, parsed.fileA, parsed.fileB].filter(Boolean).join(', ')}` : stage === 'computing' ? 'Computing the crosswalk' : `Writing ${output}`}... (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
  };
  let ran;
  try {
    const csvName = (table: string) => basename(csvPathFor(output, table));
    ran = await crosswalkXlsx(bytes, { onStage: progress, csvs, oversize: { maxDetailRows, csvName } });
  } catch (e) {
    if (e instanceof CsvInputError) throw new CliFailure(CSV_ERROR_CODES[e.reason], e.message);
    // Only a workbook raises these, so `input` is its path.
    const workbook = input ?? '';
    if (e instanceof UnreadableWorkbookError)
      throw new CliFailure('unreadable-workbook', unreadableMessage(workbook, e));
    if (e instanceof WorkbookTooLargeError)
      throw new CliFailure('workbook-too-large', `${workbook}: ${e.message}`);
    if (e instanceof OutputNameConflictError)
      throw new CliFailure('output-name-conflict', `${workbook}: ${e.message}`);
    throw e;
  }
  const { result } = ran;
  const tableCsvs = oversizedTables(result.tables, maxDetailRows).map((table) => ({
    table,
    path: csvPathFor(output, table.name),
  }));
  // The CSVs first: the workbook's note points at them, so they are there before it is.
  for (const { table, path } of tableCsvs) {
    for (const read of [input, parsed.fileA, parsed.fileB]) if (read) await refuseOutputOver(read, path);
    await writeOutput(path, tableCsv(table, result.money));
  }
  await writeOutput(output, ran.output, opts.onWriteStep);
  const inputs = {
    input,
    ...(parsed.fileA ? { fileA: parsed.fileA } : {}),
    ...(parsed.fileB ? { fileB: parsed.fileB } : {}),
  };
  const csv = tableCsvs.map(({ table, path }) => ({ table: table.name, rows: table.rows.length, path }));
  if (json)
    writeJson({ ok: result.ok, ...inputs, output, csv, summary: result.summary, issues: result.issues });
  else {
    const notes = csv.map((c) => `${csvWritten(c.table, c.rows, c.path)}\n`);
    io.stdout.write(`${humanSummary(result, output)}\n${notes.join('')}`);
  }
  if (!result.ok)
    io.stderr.write(`${writtenWithErrors(input ?? 'The input', result.summary.issues.error)}\n`);
  return result.ok ? 0 : 1;
}

/** A file the user named, read whole; a file that cannot be read stops the run before anything is written. */
function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CliFailure('cannot-read-input', cannotRead(path, err.code, err.message));
  }
}

async function refuseOutputOver(input: string, output: string): Promise<void> {
  try {
    await refuseOutputOverInput(input, output);
  } catch (e) {
    if (e instanceof OutputIsInputError) throw new CliFailure('output-is-input', e.message);
    throw new CliFailure('cannot-write-output', `Cannot check ${output}: ${(e as Error).message}`);
  }
}

/** Writes one output file atomically; any failure is the CLI's `cannot-write-output`. */
async function writeOutput(
  path: string,
  data: Uint8Array | Iterable<Uint8Array>,
  onStep?: OnWriteStep,
): Promise<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
    await writeFileAtomically(path, data, onStep);
  } catch (e) {
    throw new CliFailure('cannot-write-output', `Cannot write ${path}: ${(e as Error).message}`);
  }
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
