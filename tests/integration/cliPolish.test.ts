import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../server/cli';
import { formatAmount } from '../../server/cliSummary';

/** What a person reads on the terminal, and what a script parses with --json, in every outcome. */

const root = join(__dirname, '..', '..');
const gsa = join(root, 'examples', 'gsa-fy2018.xlsx');
// Cent amounts, obligations, no Measures table: the DATA Act example.
const dataAct = join(root, 'examples', 'data-act', 'data-act-example.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'throughline-cli-polish-'));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await main(args, {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
  });
  return { code, stdout, stderr };
}

type Failure = { ok: boolean; error: { code: string; message: string } };

describe('Given the command line summary', () => {
  test('When the workbook has cents and no measures, Then amounts keep two decimals, counts are singular for one, and no empty measures line is printed', async () => {
    const r = await cli([dataAct, '-o', join(dir, 'data-act.xlsx'), '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('resources (obligations) by goal, FY2024 Actual (dollars)');
    expect(r.stdout).toMatch(/G1 .* 2,250,450\.25\n/);
    expect(r.stdout).toContain('Issues: 0 errors, 0 warnings, 1 note\n');
    expect(r.stdout).not.toContain('Measures');
  });

  test('When the GSA example runs, Then the cost basis and base series are named in words and measures are counted', async () => {
    const r = await cli([gsa, '-o', join(dir, 'gsa.xlsx'), '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'General Services Administration: resources (budget authority) by goal, FY2018 Est. (thousands of dollars)',
    );
    expect(r.stdout).toContain('Measures FY2018: 16 met, 9 not met, of 28 measures');
    expect(r.stdout).toContain('Issues: 0 errors, 2 warnings, 2 notes (see the Issues sheet)');
  });

  test('When amounts are formatted, Then they carry exactly the workbook decimals', () => {
    expect(formatAmount(4_294_716_622.2, 2)).toBe('4,294,716,622.20');
    expect(formatAmount(-5_014, 0)).toBe('-5,014');
    expect(formatAmount(0.5, 0)).toBe('1');
  });
});

describe('Given --json and a run that cannot happen', () => {
  test.each([
    ['a missing file', () => [join(dir, 'missing.xlsx')], 'cannot-read-input', 'no such file'],
    ['a folder', () => [dir], 'cannot-read-input', 'it is a folder'],
    [
      'an empty file',
      () => {
        const p = join(dir, 'empty.xlsx');
        writeFileSync(p, '');
        return [p];
      },
      'unreadable-workbook',
      'is empty',
    ],
    [
      'a CSV named .xlsx',
      () => {
        const p = join(dir, 'csv.xlsx');
        writeFileSync(p, 'Account,FY2018\n001,5\n');
        return [p];
      },
      'unreadable-workbook',
      'text or CSV',
    ],
    ['an unknown option', () => ['--bogus'], 'usage', "Unknown option '--bogus'"],
    ['no input', () => [], 'usage', 'No input workbook given'],
  ])(
    'When given %s, Then it exits 2 and stdout is one JSON object with the error',
    async (_what, args, code, text) => {
      const r = await cli([...args(), '--json']);
      expect(r.code).toBe(2);
      const doc = JSON.parse(r.stdout) as Failure;
      expect(doc.ok).toBe(false);
      expect(doc.error.code).toBe(code);
      expect(doc.error.message).toContain(text);
      expect(r.stderr).toContain(doc.error.message);
    },
  );

  test('When an empty file is given without --json, Then the message is worded for a terminal (a path, not "choose")', async () => {
    const p = join(dir, 'empty2.xlsx');
    writeFileSync(p, '');
    const r = await cli([p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Give the path of the Excel .xlsx workbook');
    expect(r.stderr).not.toMatch(/choose/i);
  });
});

describe('Given --help', () => {
  test('When asked, Then it lists the options, the exit codes and an example, and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const option of ['--output', '--json', '--quiet', '--help']) expect(r.stdout).toContain(option);
    expect(r.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*errors.*\n\s+2 .*read/);
    expect(r.stdout).toContain('npm run crosswalk -- examples/gsa-fy2018.xlsx -o out/gsa-crosswalk.xlsx');
  });
});
