import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { withFields } from '../../server/objects';

describe('withFields', () => {
  it('makes what a spread makes: the base fields, then the new ones, the new ones winning', () => {
    const base = { a: 1, b: 'two', c: null };
    const out = withFields(base, { c: 3, d: [4] });
    expect(out).toEqual({ ...base, c: 3, d: [4] });
    expect(Object.keys(out)).toEqual(['a', 'b', 'c', 'd']);
    expect(base).toEqual({ a: 1, b: 'two', c: null });
  });

  it('gives every object made from the same kinds of input one V8 map (what it is for)', () => {
    // V8's own test of maps needs --allow-natives-syntax, so it runs in a child process.
    const script = `
      const { withFields } = require(${JSON.stringify(join(__dirname, '../../server/objects.ts'))});
      const made = [];
      for (let i = 0; i < 40; i++) made.push(withFields({ a: i, b: 'x', c: null }, { d: i, e: [i] }));
      const same = new Function('a', 'b', 'return %HaveSameMap(a, b)');
      process.stdout.write(String(made.filter((o) => !same(made[0], o)).length));
    `;
    const run = spawnSync(
      process.execPath,
      ['--allow-natives-syntax', '--require', require.resolve('tsx/cjs'), '-e', script],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('0');
  });
});
