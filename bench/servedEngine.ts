import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { bundleServer } from '../server/build/bundle';
import { SERVER_NODE_FLAGS } from '../server/http/config';

/**
 * The HTTP server as `npm start` runs it: the bundle in dist/server (built here first), in a process of its own,
 * on a free port. The load generator stays in the bench's process, so the server's thread never runs the
 * clients' code; they still share the machine's cores, as on one machine they must.
 */
export interface ServedEngine {
  url: string;
  /** The server process's CPU so far (every thread: HTTP, engine workers, collector), or null off Linux. */
  cpuMs(): number | null;
  close(): Promise<void>;
}

/** Clock ticks a second, for /proc's CPU times. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process, from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
function procCpuMs(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1000;
}

let bundled: Promise<string> | undefined;

/** Starts the bundled server with these flags (`--port 0` and a silent log are added) and waits for its URL. */
export async function serveEngine(flags: string[]): Promise<ServedEngine> {
  bundled ??= bundleServer();
  return serveBundle(await bundled, flags);
}

/** Starts a server bundle (`main.js` of `bundleServer`) in a process of its own, as `serveEngine` does. */
export async function serveBundle(main: string, flags: string[]): Promise<ServedEngine> {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, main, '--port', '0', '--log-level', 'silent', '--shutdown-grace', '5', ...flags],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = await listening(child);
  const pid = child.pid as number;
  return {
    url,
    cpuMs: () => procCpuMs(pid),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The URL from the server's banner (`Throughline engine listening on http://…`), or why it did not start. */
function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      said += chunk;
      const found = /listening on (https?:\/\/\S+)/.exec(said);
      if (found) resolve(found[1] as string);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}: ${said.trim()}`)));
  });
}
