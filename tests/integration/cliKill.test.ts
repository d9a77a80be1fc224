import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRITE_STEPS, type WriteStep } from '../../server/safeWrite';
import { readOutputTable } from '../../server/xlsx';

/**
 * The CLI as a real process, killed with SIGKILL at each point of its write phase. It pauses there because
 * THROUGHLINE_TEST_PAUSE_AT asks it to and says so on stderr, so the kill lands at that exact point every run:
 * no timing is involved. Whatever the point, the destination must be the old output, byte for byte, or the
 * whole new one: never a partial file. Writing straight onto the destination fails this at `partial`.
 */

const root = join(__dirname, '..', '..');
const example = join(root, 'examples', 'gsa-fy2018.xlsx');
const cliPath = join(root, 'server', 'cli.ts');
const OLD = readFileSync(example); // a complete workbook, and not what the CLI writes
const TEMP_NAME = /^\.out\.xlsx\.\d+\.[0-9a-f]+\.tmp$/;

/** Runs the CLI until it pauses at `step`, then kills it; resolves once it is dead. */
function killAt(
  step: WriteStep,
  input: string,
  output: string,
): Promise<{ paused: boolean; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cliPath, input, '-o', output, '-q'], {
      cwd: root,
      env: { ...process.env, THROUGHLINE_TEST_PAUSE_AT: step },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let paused = false;
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      if (!paused && stderr.includes(`TEST-PAUSED ${step}\n`)) {
        paused = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (!paused) reject(new Error(`The CLI never paused at "${step}"; its stderr:\n${stderr}`));
      else resolve({ paused, signal });
    });
  });
}

describe('Given the CLI killed during its write phase', () => {
  test.each(WRITE_STEPS.map((s) => [s]))(
    'When it is killed at "%s", Then the output is the old file or the whole new one, and leftovers are only its temporary file',
    async (step) => {
      const dir = mkdtempSync(join(tmpdir(), 'throughline-kill-'));
      const input = join(dir, 'budget.xlsx');
      const output = join(dir, 'out.xlsx');
      writeFileSync(input, OLD);
      writeFileSync(output, OLD);

      const { signal } = await killAt(step, input, output);
      expect(signal).toBe('SIGKILL');

      const after = readFileSync(output);
      if (step === 'renamed') {
        // Past the rename, the new output is there whole: a workbook with its output sheets.
        expect(after.equals(OLD)).toBe(false);
        expect((await readOutputTable(after, 'Issues')).header[0]).toBe('Severity');
      } else {
        expect(after.equals(OLD)).toBe(true);
      }
      expect(readFileSync(input).equals(OLD)).toBe(true);
      // A kill cannot clean up; what it leaves is a dot-file named as temporary, never another .xlsx.
      const files = readdirSync(dir);
      expect(files.filter((f) => f.endsWith('.xlsx')).sort()).toEqual(['budget.xlsx', 'out.xlsx']);
      for (const f of files.filter((f) => !f.endsWith('.xlsx'))) expect(f).toMatch(TEMP_NAME);
      expect(files.some((f) => TEMP_NAME.test(f))).toBe(step !== 'renamed');
    },
    60_000,
  );
});
