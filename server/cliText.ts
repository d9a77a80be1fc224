import type { CsvRefusal } from './csv';
import type { UnreadableWorkbookError } from './xlsx';

/**
 * Every text the command line prints of its own (the engine's issue texts live in `engine/messages.ts`).
 * Worded for a terminal: the user gives a path, so nothing here says "choose" or "click".
 */

export const USAGE =
  'Usage: npm run crosswalk -- [<input.xlsx>] [--file-a <a.csv>] [--file-b <b.csv>] [-o <output.xlsx>] [--max-detail-rows <n>] [--json] [--quiet]';

export const HELP = `Throughline: link a budget workbook to its strategic plan and write the performance-budget crosswalk.

${USAGE}

Options:
  -o, --output <file.xlsx>  Where to write the crosswalk workbook (default: <input>-crosswalk.xlsx next to
                            the input). Your workbook is only read; an output that is the input is refused.
      --file-a <a.csv>      DATA Act File A as a CSV (the broker's file or USAspending's download), read as
                            if pasted at A1 of a sheet named File A: a finding at File A!A7 is the file's
                            line 7. Refused if the workbook already has File A rows.
      --file-b <b.csv>      The same for File B. With no workbook, the output is a new workbook of the
                            output sheets (TieOut and Issues show the tie-out); its Issues also say the
                            Goals, Objectives and Crosswalk tables are missing.
      --json                Print one JSON object on stdout: { ok, input, output, summary, issues } after a
                            run, or { ok: false, error: { code, message } } when nothing could be run.
      --max-detail-rows <n> The most rows CrosswalkDetail may have on its sheet (default 100,000, which
                            keeps a department's workbook quick to open; most 1,048,573, what a sheet holds
                            below its header). A longer table is written whole as
                            <output>-CrosswalkDetail.csv beside the workbook, and its sheet says so.
  -q, --quiet               No progress lines on stderr.
  -h, --help                This help.

Exit codes:
  0  The crosswalk was written (warnings and notes allowed).
  1  The workbook has errors. The crosswalk is still written, with every issue on its Issues sheet.
  2  Nothing was run: a usage error, or a file that cannot be read or written.

Example:
  npm run crosswalk -- examples/gsa-fy2018.xlsx -o out/gsa-crosswalk.xlsx
`;

/** Stable codes for `--json` failures; the unreadable and too-large ones are the HTTP API's problem types. */
export type CliErrorCode =
  | 'usage'
  | 'cannot-read-input'
  | 'output-is-input'
  | 'cannot-write-output'
  | 'unreadable-workbook'
  | 'workbook-too-large'
  | 'output-name-conflict'
  | 'unreadable-csv'
  | 'csv-too-large'
  | 'data-act-conflict'
  | 'internal-error';

/** The `--json` code of a refused CSV; the same names as the HTTP API's problem types. */
export const CSV_ERROR_CODES: Record<CsvRefusal, CliErrorCode> = {
  empty: 'unreadable-csv',
  'not-csv': 'unreadable-csv',
  malformed: 'unreadable-csv',
  'too-large': 'csv-too-large',
  conflict: 'data-act-conflict',
};

/** "1 warning", "2 warnings". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function cannotRead(input: string, errno: string | undefined, detail: string): string {
  const why =
    errno === 'ENOENT'
      ? 'no such file'
      : errno === 'EISDIR'
        ? 'it is a folder, not a workbook'
        : errno === 'EACCES' || errno === 'EPERM'
          ? 'permission denied'
          : detail;
  return `Cannot read ${input}: ${why}.`;
}

/**
 * The adapter's sentences are written for the task pane, where the user picks a file; on a terminal the two
 * that say "choose" are reworded, by their stable reason rather than their text.
 */
export function unreadableMessage(input: string, e: UnreadableWorkbookError): string {
  if (e.refusal === 'add-in')
    return `${input} is an Excel add-in (.xlam), not a workbook. Give the path of the .xlsx workbook that holds your budget.`;
  if (e.refusal === undefined && e.reason === 'empty')
    return `${input} is empty (0 bytes). Give the path of the Excel .xlsx workbook that holds your budget.`;
  return `${input}: ${e.message}`;
}

export function csvWritten(table: string, rows: number, path: string): string {
  return `${table} has ${plural(rows, 'row')}, more than its sheet holds: written whole to ${path}.`;
}

export function writtenWithErrors(input: string, errors: number): string {
  return `${input} has ${plural(errors, 'error')}; the crosswalk was written with its Issues sheet.`;
}
