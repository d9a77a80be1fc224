import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../server/cli';
import { terminalSafe } from '../../server/terminalText';
import { decoded, HOSTILE, hostileTextWorkbook } from '../fixtures/limits/hostileText';

/** C0 but tab and newline, DEL, C1, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

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
  const code = await main(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}

describe('Given a workbook whose names carry terminal control sequences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-terminal-'));
  const input = join(dir, 'hostile.xlsx');
  beforeAll(async () => writeFileSync(input, await hostileTextWorkbook()));

  test('When the CLI summarises it, Then no control character reaches the terminal and the text around them does', async () => {
    const r = await cli([input, '-o', join(dir, 'out.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stdout).toContain('Hostile Agency');
    expect(r.stdout).toContain('Serveylppa the public');
    // The whole escape sequence goes, not just its ESC: no "[2J" or "]0;owned" is left to read.
    expect(r.stdout).not.toMatch(/\[2J|0;owned|31m/);
  });

  test('When it is asked for --json, Then the data is unchanged once parsed, and the raw text has no control character', async () => {
    const r = await cli([input, '-o', join(dir, 'out-json.xlsx'), '--json', '-q']);
    expect(r.stdout).not.toMatch(CONTROL);
    const doc = JSON.parse(r.stdout) as { summary: { agency: string; goals: { name: string }[] } };
    expect(doc.summary.agency).toBe(decoded(HOSTILE.agency));
    expect(doc.summary.goals[0]?.name).toBe(HOSTILE.goal);
  });

  test.each([
    ['a CSI sequence', 'a\x1b[31mred\x1b[0m', 'ared'],
    ['an OSC title ended by BEL', 'x\x1b]0;title\x07y', 'xy'],
    ['an OSC 8 hyperlink ended by ESC \\', '\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['a C1 CSI', 'a\u009b2Jb', 'ab'],
    ['bidi overrides and isolates', 'a\u202eb\u2066c\u2069', 'abc'],
    ['NUL, BS, CR and DEL', 'a\x00b\x08c\rd\x7f', 'abcd'],
    ['tabs and newlines, which stay', 'a\tb\nc', 'a\tb\nc'],
  ])(
    'When terminal text holds %s, Then the controls are removed and the text kept',
    (_what, text, expected) => {
      expect(terminalSafe(text)).toBe(expected);
    },
  );
});
