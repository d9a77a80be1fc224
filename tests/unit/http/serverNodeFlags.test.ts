import { spawnSync } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../../server/http/config';

/**
 * `--no-turbo-inline-array-builtins` is in the server's Node flags for one reason (`server/http/config.ts`): the
 * optimising compiler's inline `map` returns a holey array where the builtin returns a packed one, so arrays
 * made by a function change kind once it is compiled, and code compiled for the other kind is thrown away. This
 * holds that reason on the Node the project runs on: if a Node release drops the flag, or makes both arrays
 * alike, this fails and the flag can be reconsidered rather than carried on faith.
 */
const PROBE = `
const years = [{ label: '2025 actual' }, { label: '2026 est.' }, { label: '2027 est.' }];
function cells() { return years.map(() => null); }
%PrepareFunctionForOptimization(cells);
const kind = (a) => (%HasHoleyElements(a) ? 'holey' : 'packed');
const before = kind(cells());
cells();
%OptimizeFunctionOnNextCall(cells);
const after = kind(cells());
process.stdout.write(JSON.stringify({ before, after, optimized: %ActiveTierIsTurbofan(cells) }));
`;

function kindsWith(flags: readonly string[]): { before: string; after: string; optimized: boolean } {
  const run = spawnSync(process.execPath, [...flags, '--allow-natives-syntax', '-e', PROBE], {
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { before: string; after: string; optimized: boolean };
}

describe("Given the server's Node flags", () => {
  test('When this Node compiles a function that maps, Then without the flag its arrays change kind, and with the server flags they do not', () => {
    const without = kindsWith([]);
    expect(without).toEqual({ before: 'packed', after: 'holey', optimized: true });
    const withFlags = kindsWith(SERVER_NODE_FLAGS);
    expect(withFlags).toEqual({ before: 'packed', after: 'packed', optimized: true });
  });
});
