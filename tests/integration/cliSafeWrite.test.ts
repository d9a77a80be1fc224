import {
  chmodSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../server/cli';
import type { OnWriteStep } from '../../server/safeWrite';
import { readOutputTable } from '../../server/xlsx';

const example = join(__dirname, '..', '..', 'examples', 'gsa-fy2018.xlsx');
const original = readFileSync(example);

async function cli(args: string[], onWriteStep?: OnWriteStep) {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        add(String(chunk));
        done();
      },
    });
  const code = await main(
    args,
    { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) },
    { onWriteStep },
  );
  return { code, stdout, stderr };
}

/** A fresh folder holding a copy of the example as `budget.xlsx`. */
function folderWithInput(): { dir: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-safe-write-'));
  const input = join(dir, 'budget.xlsx');
  writeFileSync(input, original);
  return { dir, input };
}

describe('Given -o naming the input workbook', () => {
  test.each([
    ['the same path', (_dir: string, input: string) => input],
    // Not path.join, which would tidy the `..` away before the CLI sees it.
    ['the same file by another spelling', (dir: string) => `${dir}/sub/../budget.xlsx`],
    [
      'a symbolic link to the input',
      (dir: string, input: string) => {
        symlinkSync(input, join(dir, 'link.xlsx'));
        return join(dir, 'link.xlsx');
      },
    ],
    [
      'a hard link to the input',
      (dir: string, input: string) => {
        linkSync(input, join(dir, 'hard.xlsx'));
        return join(dir, 'hard.xlsx');
      },
    ],
  ])('When -o is %s, Then it exits 2 before running and the input is untouched', async (_what, outputFor) => {
    const { dir, input } = folderWithInput();
    mkdirSync(join(dir, 'sub'));
    const output = outputFor(dir, input);
    const before = statSync(input);
    const r = await cli([input, '-o', output]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the input workbook itself/);
    expect(r.stderr).toMatch(/never writes over its input/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(input).equals(original)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('Given an output that already exists', () => {
  const OLD = Buffer.from('the previous output, complete');

  test('When the write fails part way (a full disk), Then it exits 2, the old output is intact and no temporary file is left', async () => {
    const { dir, input } = folderWithInput();
    const output = join(dir, 'out.xlsx');
    writeFileSync(output, OLD);
    const steps: string[] = [];
    const r = await cli([input, '-o', output, '-q'], (step) => {
      steps.push(step);
      if (step === 'partial')
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    expect(steps).toEqual(['created', 'partial']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot write .*out\.xlsx: ENOSPC: no space left on device/);
    expect(readFileSync(output).equals(OLD)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['budget.xlsx', 'out.xlsx']);
  });

  test('When the run succeeds, Then every step is passed in order and the output is replaced whole, keeping its permissions', async () => {
    const { dir, input } = folderWithInput();
    const output = join(dir, 'out.xlsx');
    writeFileSync(output, OLD);
    chmodSync(output, 0o600);
    const steps: string[] = [];
    const r = await cli([input, '-o', output, '-q'], (step) => {
      steps.push(step);
      // Until the rename, the destination is still the old file.
      if (step !== 'renamed') expect(readFileSync(output).equals(OLD)).toBe(true);
    });
    expect(r.code).toBe(0);
    expect(steps).toEqual(['created', 'partial', 'written', 'synced', 'renamed']);
    expect((await readOutputTable(readFileSync(output), 'Issues')).header[0]).toBe('Severity');
    expect(statSync(output).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['budget.xlsx', 'out.xlsx']);
  });

  test('When -o is a symbolic link to another file, Then the file it points to is replaced and the link kept', async () => {
    const { dir, input } = folderWithInput();
    const target = join(dir, 'reports', 'latest.xlsx');
    mkdirSync(join(dir, 'reports'));
    writeFileSync(target, OLD);
    symlinkSync(target, join(dir, 'out.xlsx'));
    const r = await cli([input, '-o', join(dir, 'out.xlsx'), '-q']);
    expect(r.code).toBe(0);
    expect(statSync(join(dir, 'out.xlsx')).ino).toBe(statSync(target).ino);
    expect(readFileSync(target).equals(OLD)).toBe(false);
    expect((await readOutputTable(readFileSync(target), 'Issues')).header[0]).toBe('Severity');
    expect(readFileSync(input).equals(original)).toBe(true);
  });

  test('When -o is a folder, Then it exits 2 and leaves no temporary file', async () => {
    const { dir, input } = folderWithInput();
    mkdirSync(join(dir, 'folder.xlsx'));
    const r = await cli([input, '-o', join(dir, 'folder.xlsx'), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot write/);
    expect(readdirSync(dir).sort()).toEqual(['budget.xlsx', 'folder.xlsx']);
  });
});
