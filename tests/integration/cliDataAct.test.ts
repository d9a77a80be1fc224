import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main, parseCli } from '../../server/cli';
import { readOutputTable } from '../../server/xlsx';

/** `--file-a` / `--file-b`: DATA Act CSVs beside a workbook, or on their own. */

const DIR = join(__dirname, '..', '..', 'examples', 'data-act');
const example = join(DIR, 'data-act-example.xlsx');
const tmp = mkdtempSync(join(tmpdir(), 'tl-cli-data-act-'));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (add: (t: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await main(args, {
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
  });
  return { code, stdout, stderr };
}

const table = (path: string, name: string) => readOutputTable(readFileSync(path), name);
const goalObligations = async (path: string) =>
  (await table(path, 'ResourcesByGoal')).rows
    .filter((r) => r[0] === 'Goal' && r.includes('Obligations'))
    .map((r) => r.filter((v) => typeof v === 'number' && v > 1));

describe('crosswalk --file-a/--file-b', () => {
  it('Given the example workbook without File A and File B, and the two CSVs, then the same crosswalk as the example workbook that holds them', async () => {
    const workbook = join(DIR, 'data-act-crosswalk.xlsx');
    const out = join(tmp, 'with-csvs.xlsx');
    const run = await cli([workbook, '--file-a', join(DIR, 'file-a.csv'), '--file-b', join(DIR, 'file-b.csv'), '-o', out, '--quiet']);
    expect(run.code).toBe(0);
    const reference = join(tmp, 'reference.xlsx');
    expect((await cli([example, '-o', reference, '--quiet'])).code).toBe(0);
    expect(await goalObligations(reference)).toEqual([[2250450.25], [6285300.75]]);
    expect(await goalObligations(out)).toEqual(await goalObligations(reference));
    expect((await table(out, 'TieOut')).rows).toEqual([]);
  }); // prettier-ignore

  it("Given USAspending's downloads of the same pair instead of the broker's files, then the same ResourcesByGoal and no findings", async () => {
    const workbook = join(DIR, 'data-act-crosswalk.xlsx');
    const [broker, download] = [join(tmp, 'broker.xlsx'), join(tmp, 'download.xlsx')];
    const run = (a: string, b: string, out: string) =>
      cli([workbook, '--file-a', join(DIR, a), '--file-b', join(DIR, b), '-o', out, '--quiet']);
    expect((await run('file-a.csv', 'file-b.csv', broker)).code).toBe(0);
    expect((await run('file-a-usaspending.csv', 'file-b-usaspending.csv', download)).code).toBe(0);
    expect(await table(download, 'ResourcesByGoal')).toEqual(await table(broker, 'ResourcesByGoal'));
    expect((await table(download, 'TieOut')).rows).toEqual([]);
  });

  it('Given a workbook that has File B rows and a File B CSV, then nothing is run and --json says why', async () => {
    const out = join(tmp, 'conflict.xlsx');
    const run = await cli([example, '--file-b', join(DIR, 'file-b.csv'), '-o', out, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'data-act-conflict' } });
    expect(run.stderr).toContain('The workbook already has File B rows (sheet "File B")');
    expect(existsSync(out)).toBe(false);
  });

  it('Given only the findings CSVs, then a new workbook whose TieOut has the 13 findings at the CSV lines', async () => {
    const out = join(tmp, 'findings.xlsx');
    const run = await cli(['--file-a', join(DIR, 'file-a-findings.csv'), '--file-b', join(DIR, 'file-b-findings.csv'), '-o', out, '--json']);
    // No Goals, Objectives or Crosswalk: errors, but the tie-out is written.
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { input: unknown; fileB: string };
    expect(doc.input).toBeNull();
    expect(doc.fileB).toBe(join(DIR, 'file-b-findings.csv'));
    const tieOut = await table(out, 'TieOut');
    expect(tieOut.rows).toHaveLength(13);
    expect(tieOut.rows.map((r) => `${String(r[0])} ${String(r[2])}!${String(r[3])}`)).toContain('B29 File B!13');
  }); // prettier-ignore

  it('Given a malformed CSV, then nothing is written and the message names the file and its line', async () => {
    const bad = join(tmp, 'bad-b.csv');
    writeFileSync(bad, 'AgencyIdentifier,MainAccountCode\n047,4542\n047,"4542\n');
    const out = join(tmp, 'bad.xlsx');
    const run = await cli(['--file-b', bad, '-o', out, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      error: {
        code: 'unreadable-csv',
        message: `${bad}, line 3: a quoted field opens here and is never closed.`,
      },
    });
    expect(existsSync(out)).toBe(false);
  });

  it('Given only CSVs and no -o, then the output sits beside File B; a missing CSV is a read error', async () => {
    expect(parseCli(['--file-a', 'q/a.csv', '--file-b', 'q/b.csv'])).toMatchObject({
      input: null,
      fileA: 'q/a.csv',
      fileB: 'q/b.csv',
      output: join('q', 'b-crosswalk.xlsx'),
    });
    const missing = join(tmp, 'none.csv');
    const run = await cli(['--file-a', missing, '-o', join(tmp, 'x.xlsx')]);
    expect([run.code, run.stderr.trim()]).toEqual([2, `Cannot read ${missing}: no such file.`]);
  });
});
