import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { main } from '../../server/cli';
import { readOutputTable } from '../../server/xlsx';

const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'gsa-fy2018.xlsx');

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function cli(args: string[]) {
  const out = capture();
  const err = capture();
  const code = await main(args, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A small workbook with an error in it: an objective that does not exist. */
async function workbookWithError(path: string) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Budget').addRows([
    ['Account', 'Amount Type', 'FY2018'],
    ['001-01-0001', 'BA', 1000],
  ]);
  wb.addWorksheet('Goals').addRows([
    ['Goal ID', 'Goal'],
    ['G1', 'Serve'],
  ]);
  wb.addWorksheet('Objectives').addRows([
    ['Objective ID', 'Goal ID', 'Objective'],
    ['1.1', 'G1', 'Serve well'],
  ]);
  wb.addWorksheet('Crosswalk').addRows([
    ['Account', 'Objective ID', 'Share'],
    ['001-01-0001', '9.9', 1],
  ]);
  await wb.xlsx.writeFile(path);
}

describe('Given the crosswalk command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-cli-'));

  test('When run on the GSA example, Then it exits 0, writes the workbook and summarises it on stdout', async () => {
    const output = join(dir, 'gsa.xlsx');
    const r = await cli([example, '-o', output]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${output}`);
    expect(r.stdout).toMatch(/G1\s+Real Estate/);
    expect(r.stderr).toMatch(/Reading .*gsa-fy2018\.xlsx/);
    const issues = await readOutputTable(readFileSync(output), 'Issues');
    expect(issues.header).toEqual(['Severity', 'Code', 'Message', 'Sheet', 'Cell']);
  });

  test('When run with --json, Then stdout is one JSON document with the summary and issues', async () => {
    const r = await cli([example, '-o', join(dir, 'gsa-json.xlsx'), '--json', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { ok: boolean; summary: { agency: string }; issues: unknown[] };
    expect(doc.ok).toBe(true);
    expect(doc.summary.agency).toBe('General Services Administration');
    expect(Array.isArray(doc.issues)).toBe(true);
  });

  test('When the workbook has errors, Then it exits 1 and still writes the output with its Issues sheet', async () => {
    const input = join(dir, 'bad.xlsx');
    const output = join(dir, 'bad-out.xlsx');
    await workbookWithError(input);
    const r = await cli([input, '-o', output]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has 1 error/);
    const issues = await readOutputTable(readFileSync(output), 'Issues');
    const unknown = issues.rows.find((row) => row[1] === 'UNKNOWN_OBJECTIVE');
    expect(unknown?.slice(3)).toEqual(['Crosswalk', 'A2']);
  });

  test('When no -o is given, Then the output goes next to the input as <name>-crosswalk.xlsx', async () => {
    const input = join(dir, 'plain.xlsx');
    writeFileSync(input, readFileSync(example));
    expect((await cli([input, '-q'])).code).toBe(0);
    expect(existsSync(join(dir, 'plain-crosswalk.xlsx'))).toBe(true);
  });

  test.each([
    [[], /No input workbook given/],
    [['a.xlsx', 'b.xlsx'], /Unexpected argument "b.xlsx"/],
    [['a.xlsx', '--bogus'], /Unknown option '--bogus'/],
    [[example, '-o', 'out.csv'], /must be an .xlsx file/],
  ])('When the arguments are %j, Then it exits 2 with one line on stderr', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('When the input does not exist, Then it exits 2 saying so', async () => {
    const r = await cli([join(dir, 'missing.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read .*missing\.xlsx: no such file/);
  });

  test('When the input is a CSV named .xlsx, Then it exits 2 with a plain message and writes nothing', async () => {
    const input = join(dir, 'fake.xlsx');
    writeFileSync(input, 'Account,FY2018\n001,5\n');
    const r = await cli([input, '-o', join(dir, 'fake-out.xlsx'), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not an Excel .xlsx workbook/);
    expect(existsSync(join(dir, 'fake-out.xlsx'))).toBe(false);
  });
});
