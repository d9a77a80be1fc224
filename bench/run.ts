import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import autocannon from 'autocannon';
import { runEngine } from '../server/engine';
import { planWrites } from '../addin/excel/planWrites';
import { DEPARTMENT, generateWorkbook } from './generate';
import { cliBench } from './cli';
import { dataActBench, describeDataActRun } from './dataAct';
import { compareWithSpreadsheet, type SpreadsheetRun } from './spreadsheet';
import { closedLoop } from './load';
import { serveEngine } from './servedEngine';
import { YOUNG_GENERATION_MB } from '../server/workers/pool';
import { DEFAULTS } from '../server/http/config';

/**
 * `npm run bench [-- --quick]`: the engine at 1k–1M budget lines, the .xlsx round trip, HTTP /crosswalk under
 * concurrent clients, the add-in's write plan for 100k rows, and the same crosswalk as SUMIFS formulas in
 * LibreOffice. Prints a report, checks it against the targets, and writes bench/results/<date>.json.
 *
 * `npm run bench -- --http [N]`: only the HTTP runs, N rounds (3 by default), each on a fresh server, with the
 * two HTTP p99 targets judged per round, into bench/results/http-<date>.json. The p99s follow the machine's
 * speed from one minute to the next, and one full bench shows a single draw of them.
 */

const quick = process.argv.includes('--quick');
const httpFlag = process.argv.indexOf('--http');
/** `--http [N]`: the HTTP rounds only, N of them (3 by default); null runs the whole bench. */
const httpRounds = httpFlag < 0 ? null : Math.max(1, Number(process.argv[httpFlag + 1]) || 3);
const NODE_OPTIONS = '--max-semi-space-size=64 --max-old-space-size=8192';
/** Issue 13's targets on this 2-core machine. */
const TARGETS = {
  engine1MMs: 2_500,
  engine1MRssMb: 1_024,
  cliVsSpreadsheet: 5,
  cli100kRssMb: 500,
  openOutputMs: 10_000,
  http8P99Ms: 250,
  http8SummaryP99Ms: 100,
  healthP99Ms: 50,
};
/** The small tables a dashboard asks for (`?tables=`): no CrosswalkDetail, no CrosswalkMatrix. */
const SUMMARY_TABLES = 'Summary,ResourcesByGoal,CostPerOutcome,PerformanceTrend';

/**
 * The engine at 1M lines runs this many times, each in a fresh process, and the median run is reported (the
 * range printed beside it): one run of a 2 GB process swings by a second or more with the collector's timing
 * and the machine's other work, and a single draw would make the target a coin toss either way.
 */
const ENGINE_RUNS = 3;
const ENGINE_REPEAT_FROM = 1_000_000;

/** The run whose engine time is the median. */
function medianRun(runs: Record<string, number>[]): Record<string, number> {
  const sorted = [...runs].sort((a, b) => (a.engineMs as number) - (b.engineMs as number));
  return sorted[Math.floor((sorted.length - 1) / 2)] as Record<string, number>;
}

function engineSpread(runs: Record<string, number>[]): string {
  const range = (key: string) => {
    const v = runs.map((r) => r[key] as number);
    return `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}`;
  };
  return `  ${fmt(runs[0]?.lines as number)} lines, ${runs.length} runs (the median is shown): engine ${range('engineMs')} ms (read ${range('readMs')}, compute ${range('computeMs')}), engine peak ${range('enginePeakRssMb')} MB`;
}

const fmt = (n: number, d = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const child = (script: string, arg: string): Record<string, number> => {
  const out = execFileSync('npx', ['tsx', join(__dirname, script), arg], {
    env: { ...process.env, NODE_OPTIONS },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
};

/**
 * `/crosswalk` under 1, 8 and 32 clients for every output table, then 8 clients asking only for the summary tables,
 * against the server as `npm start` runs it (`servedEngine.ts`), with 64 job slots so that no client is turned
 * away busy. The clients are `closedLoop` (`load.ts`), which counts each answer's bytes without keeping them; one
 * more run at 8 clients, all tables, uses autocannon as earlier benches did, for comparison: it turns every
 * answer into a string, and on this 2-core machine that CPU is taken from the server being timed. Each run also
 * reports the CPU a request cost: the server's process (its thread, the engine workers, the collector) and the
 * load generator's apart; on a shared machine latency follows the neighbours' load, CPU per request much less.
 * The last run repeats 8 clients, all tables, with two busy processes competing for the two cores all the while
 * (`COMPETING`): the machine at about half its speed for the server, as in its slowest stretches, to show how
 * much room the all-tables target has. It is reported, not judged.
 */
export async function http(seconds = quick ? 3 : 8): Promise<Record<string, unknown>[]> {
  const body = JSON.stringify({ grids: generateWorkbook(5_000).grids });
  reference ??= new SpeedReference(body);
  // Warmed up before any load, so its first figures time compiled code on a quiet machine.
  await reference.ms();
  const server = await serveEngine(['--max-jobs', '64']);
  const out: Record<string, unknown>[] = [];
  const runs: [number, string, Client, number][] = [
    [1, '', 'closedLoop', 0],
    [8, '', 'closedLoop', 0],
    [32, '', 'closedLoop', 0],
    [8, `?tables=${SUMMARY_TABLES}`, 'closedLoop', 0],
    [8, '', 'autocannon', 0],
    [8, '', 'closedLoop', COMPETING],
  ];
  try {
    for (const [connections, query, client, competing] of runs) {
      const load = {
        url: `${server.url}/api/v1/crosswalk${query}`,
        headers: { 'content-type': 'application/json' },
        body,
        connections,
      };
      // The reference before the warm-up, so the timed run follows the warm-up at once, as it always has.
      await settled(server);
      const referenceBefore = await reference.ms();
      // Untimed warm-up: a fixed number of requests, every answer awaited, so no worker is stopped at its end.
      await closedLoop({ ...load, amount: WARM_UP_REQUESTS });
      const busy = Array.from({ length: competing }, () => busyProcess(seconds * 1000 + 30_000));
      const clients = process.cpuUsage();
      const served = server.cpuMs();
      const r = await timed(client, load, seconds).finally(() => busy.forEach((p) => p.kill()));
      const servedAfter = server.cpuMs();
      const serverCpu = served === null || servedAfter === null ? null : servedAfter - served;
      const clientsCpu = msOf(process.cpuUsage(clients));
      await settled(server);
      const referenceAfter = await reference.ms();
      out.push({
        connections,
        tables: query ? 'summary' : 'all',
        client,
        ...(competing > 0 ? { competing } : {}),
        ...r,
        cpuMsPerRequest: perRequest(serverCpu === null ? null : serverCpu + clientsCpu, r.requests),
        serverCpuMsPerRequest: perRequest(serverCpu, r.requests),
        clientCpuMsPerRequest: perRequest(clientsCpu, r.requests),
        referenceMs: [referenceBefore, referenceAfter].map((ms) => Math.round(ms * 10) / 10),
      });
    }
  } finally {
    await server.close();
  }
  return out;
}

type Client = 'closedLoop' | 'autocannon';

/**
 * Busy processes run beside the server in the last HTTP run: two, on this 2-core machine, so the server's three
 * busy threads (its own and two engine workers) and the clients share the cores with two more that never wait.
 */
const COMPETING = 2;

/**
 * A process that only spins, at the same priority as the server, until it is killed or `ms` have passed (so
 * none is left spinning should the bench itself be stopped).
 */
const busyProcess = (ms: number): ChildProcess =>
  spawn(process.execPath, ['-e', `const end = Date.now() + ${Math.round(ms)}; while (Date.now() < end);`], {
    stdio: 'ignore',
  });

interface BenchThread {
  worker: Worker;
  next: () => Promise<unknown>;
}

/**
 * The machine's speed at a moment, in the server's own work: one 5,000-line all-tables answer (`answerJson`, what
 * an engine worker does for a request, without HTTP) computed on a thread of the bench's own, the median of 15,
 * taken once nothing else runs (`settled`) before each HTTP run's warm-up and after its timed part. This 2-core
 * machine has stretches, some tens of seconds long, in which the same work takes 50-65% longer in every function at once (seen mid-run in one
 * process, the same code, inputs and heap: 15 ms an answer for a minute, then 25 ms for twenty seconds, then 15
 * again) and the guest sees no steal time; a p99 drawn in such a stretch is partly the machine's, and a reference
 * well above its usual figure around a run says the run may have fallen in one. It is only printed: every target
 * is judged on the p99 as measured.
 */
class SpeedReference {
  /** Answers computed once, untimed, so the figures time compiled code (a worker takes 400-500 to get there). */
  private static readonly WARM_UP = 1_000;
  private static readonly TIMED = 15;
  private readonly thread: BenchThread;
  private readonly ready: Promise<unknown>;

  constructor(body: string) {
    // A thread of its own, as an engine worker is (its own heap, the same young generation), so the load
    // generator's garbage is never collected in the middle of a timing.
    this.thread = benchThread(
      REFERENCE,
      {
        body,
        answer: join(__dirname, '../server/http/jsonAnswer.ts'),
        warmUp: SpeedReference.WARM_UP,
        // The served engine's own limits (it runs with the defaults), not a second set written here.
        limits: { maxRows: DEFAULTS.maxRows, maxCells: DEFAULTS.maxCells },
      },
      { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    );
    this.thread.worker.unref();
    this.ready = this.thread.next();
  }

  /** The median of `TIMED` answers, in ms. */
  async ms(): Promise<number> {
    await this.ready;
    const answered = this.thread.next();
    this.thread.worker.postMessage(SpeedReference.TIMED);
    return (await answered) as number;
  }
}

/** The reference's thread: warms up on the body, then answers each message (a count) with the median time. */
const REFERENCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { answerJson } = require(workerData.answer);
const body = Buffer.from(workerData.body);
const once = () => {
  const started = performance.now();
  answerJson('crosswalk', body, undefined, workerData.limits);
  return performance.now() - started;
};
for (let i = 0; i < workerData.warmUp; i++) once();
parentPort.postMessage('ready');
parentPort.on('message', (n) => {
  const times = Array.from({ length: n }, once).sort((a, b) => a - b);
  parentPort.postMessage(times[Math.floor(n / 2)]);
});
`;

let reference: SpeedReference | undefined;

/**
 * Waits until the server and this process have gone quiet (under a tenth of a core each over 200 ms; at most
 * 5 s), so the reference answer times the machine, not the work a run leaves behind: V8 compiling on the server's helper
 * threads after a warm-up, or this process collecting a run's garbage (autocannon's strings above all). Measured
 * without the wait, a reference taken just after a run read up to three times its quiet figure.
 */
async function settled(server: { cpuMs(): number | null }): Promise<void> {
  const WINDOW_MS = 200;
  const QUIET_MS = WINDOW_MS * 0.1;
  const deadline = performance.now() + 5_000;
  while (performance.now() < deadline) {
    const served = server.cpuMs();
    const own = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const servedAfter = server.cpuMs();
    const serverQuiet = served === null || servedAfter === null || servedAfter - served < QUIET_MS;
    if (serverQuiet && msOf(process.cpuUsage(own)) < QUIET_MS) return;
  }
}

/** One timed run with either load generator, in the same terms. */
async function timed(
  client: Client,
  load: { url: string; headers: Record<string, string>; body: string; connections: number },
  seconds: number,
): Promise<{
  p50Ms: number;
  p99Ms: number;
  requestsPerSec: number;
  requests: number;
  non2xx: number;
  errors: number;
}> {
  if (client === 'closedLoop') {
    const { p50Ms, p99Ms, requestsPerSec, requests, non2xx, errors } = await closedLoop({
      ...load,
      durationMs: seconds * 1000,
    });
    return { p50Ms, p99Ms, requestsPerSec, requests, non2xx, errors };
  }
  const r = await autocannon({ ...load, method: 'POST', duration: seconds });
  return {
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requestsPerSec: r.requests.average,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * Requests sent before each timed HTTP run and not counted: the server is timed as it runs in service, warm.
 * autocannon's run ends by hanging up on the requests in flight, and the server stops their tasks by replacing
 * their workers (`closedLoop` waits for its answers instead), so a run after it would otherwise start on freshly
 * loaded workers; this warm-up also waits out their loading. And a worker is not warm after a few requests: V8 compiles the engine's functions as they
 * get hot, in the background, while requests run. Measured on one thread answering the 5,000-line agency's
 * summary 100 requests at a time: the first hundred cost 29 ms of CPU each (18 ms of wall time), compiling went
 * on through the first 400 to 500, and from then on a request cost 12-13 ms (10-12 ms of wall). 1,000 requests
 * shared by the workers bring each to about 500.
 */
const WARM_UP_REQUESTS = 1_000;

const msOf = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;

/** Milliseconds of CPU per request, or null when not measured or no request completed. */
const perRequest = (ms: number | null, requests: number): number | null =>
  ms !== null && requests > 0 ? Math.round(ms / requests) : null;

/**
 * `/health` while the engine computes a 100,000-line workbook: the engine runs in a worker, so the server's own
 * thread must keep answering. Probes `/health` with 4 clients for as long as the big request runs.
 */
export interface HealthWhileBusy {
  bigRequestMs: number;
  probes: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface Probed {
  answer: { status: number; ms: number; text: string };
  probes: number[];
  failed: number;
}

/**
 * The clients, in plain JavaScript for worker threads: an uploader that makes the 100k workbook's request body
 * and posts it, and a prober that asks `/health` until the upload has its answer. Each has a thread of its own,
 * as a health checker and an uploader are different clients: sharing one thread, every probe that was due while
 * the upload was being sent waited for it (measured: Node's `fetch` held its thread 50-90 ms sending the 11 MB
 * body, and the four probes sent as the upload started took 55-167 ms though the server had answered each
 * within a couple of milliseconds). The uploader uses `node:http`, which sends the same body in about a quarter
 * of the time `fetch` takes. As a health checker would be, both are connected before the clock starts (an
 * untimed probe on each connection), and the body is encoded beforehand.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { role, bigUrl, healthUrl, generator, lines } = workerData;
const go = new Promise((resolve) => parentPort.once('message', resolve));
if (role === 'upload') {
  const { generateWorkbook, DEPARTMENT } = require(generator);
  const body = Buffer.from(JSON.stringify({ grids: generateWorkbook(lines, DEPARTMENT).grids }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const send = (url, method, bytes) => new Promise((resolve, reject) => {
    const headers = bytes ? { 'content-type': 'application/json', 'content-length': bytes.length } : {};
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(bytes);
  });
  (async () => {
    await send(healthUrl, 'GET');
    parentPort.postMessage('ready');
    await go;
    const t = performance.now();
    const answer = await send(bigUrl, 'POST', body);
    parentPort.postMessage({ ...answer, ms: performance.now() - t });
  })();
} else {
  (async () => {
    await Promise.all(Array.from({ length: 4 }, async () => (await fetch(healthUrl)).arrayBuffer()));
    parentPort.postMessage('ready');
    await go;
    let done = false;
    parentPort.once('message', () => (done = true));
    const probes = [];
    let failed = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (!done) {
        const p = performance.now();
        const r = await fetch(healthUrl);
        await r.arrayBuffer();
        if (r.ok) probes.push(performance.now() - p); else failed++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }));
    parentPort.postMessage({ probes, failed });
  })();
}
`;

/** A thread of the bench running `source` (which may require the TypeScript sources), and its next message. */
function benchThread(
  source: string,
  workerData: Record<string, unknown>,
  resourceLimits?: WorkerOptions['resourceLimits'],
): BenchThread {
  const worker = new Worker(source, {
    eval: true,
    execArgv: ['--require', require.resolve('tsx/cjs')],
    workerData,
    ...(resourceLimits ? { resourceLimits } : {}),
  });
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  const next = () => Promise.race([new Promise((resolve) => worker.once('message', resolve)), failed]);
  return { worker, next };
}

async function probeWhileBusy(bigUrl: string, healthUrl: string, lines: number): Promise<Probed> {
  const shared = { bigUrl, healthUrl, generator: join(__dirname, 'generate.ts'), lines };
  const upload = benchThread(CLIENT, { ...shared, role: 'upload' });
  const probe = benchThread(CLIENT, { ...shared, role: 'probe' });
  try {
    await Promise.all([upload.next(), probe.next()]);
    const answered = upload.next() as Promise<Probed['answer']>;
    upload.worker.postMessage('go');
    probe.worker.postMessage('go');
    const answer = await answered;
    const probed = probe.next() as Promise<Omit<Probed, 'answer'>>;
    probe.worker.postMessage('stop');
    return { answer, ...(await probed) };
  } finally {
    await Promise.all([upload.worker.terminate(), probe.worker.terminate()]);
  }
}

export async function healthWhileBusy(): Promise<HealthWhileBusy> {
  // Room for the 100k body and its cells, and time for it (the defaults are for an agency's requests).
  const limits = ['--max-json-mb', '512', '--max-cells', '50000000', '--request-timeout', '600'];
  const server = await serveEngine(limits);
  try {
    // A server already running: its engine workers loaded by an earlier request, as in service.
    const warm = await fetch(`${server.url}/api/v1/crosswalk?tables=${SUMMARY_TABLES}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grids: generateWorkbook(1_000, DEPARTMENT).grids }),
    });
    await warm.arrayBuffer();
    // The uploader and the prober run on threads of their own (CLIENT): sending the big body never holds up a probe.
    const { answer, probes, failed } = await probeWhileBusy(
      `${server.url}/api/v1/crosswalk?tables=${SUMMARY_TABLES}`,
      `${server.url}/api/v1/health`,
      100_000,
    );
    if (answer.status !== 200)
      throw new Error(`the 100k request failed: ${answer.status} ${answer.text.slice(0, 300)}`);
    probes.sort((a, b) => a - b);
    const pct = (q: number) => probes[Math.min(probes.length - 1, Math.floor(q * probes.length))] ?? NaN;
    return {
      bigRequestMs: answer.ms,
      probes: probes.length,
      failed,
      p50Ms: pct(0.5),
      p99Ms: pct(0.99),
      maxMs: probes[probes.length - 1] ?? NaN,
    };
  } finally {
    await server.close();
  }
}

function addinPlan(): Record<string, number> {
  const result = runEngine(generateWorkbook(20_000).grids);
  const detail = result.tables.find((t) => t.name === 'CrosswalkDetail');
  if (!detail) throw new Error('no CrosswalkDetail');
  const rows = Array.from(
    { length: 100_000 },
    (_, i) => detail.rows[i % detail.rows.length] as (typeof detail.rows)[number],
  );
  const table = { ...detail, rows, rowFormats: undefined, links: undefined, rowKinds: undefined };
  const t = performance.now();
  const blocks = planWrites(table, result.money);
  return {
    rows: rows.length,
    valueSyncs: blocks.length,
    largestPayloadMb: Math.max(...blocks.map((b) => b.bytes)) / 2 ** 20,
    planMs: performance.now() - t,
  };
}

const HTTP_HEADING =
  "HTTP POST /api/v1/crosswalk, 5,000-line agency, loopback: the server as npm start runs it, in its own process; the clients (bench/load.ts) in the bench's.\nEach run also gives the machine's speed around it: one all-tables answer computed on a thread of the bench's own (no HTTP), before the run's warm-up and after it, once the server and the bench have gone quiet.";

function printHttp(runs: Record<string, unknown>[]): void {
  for (const h of runs)
    console.log(
      `  ${String(h.connections).padStart(2)} clients, ${h.tables} tables${h.client === 'autocannon' ? ' (autocannon, for comparison)' : ''}${h.competing ? `, ${h.competing} busy processes competing for the cores (reported, not judged)` : ''}: p50 ${fmt(h.p50Ms as number)} ms, p99 ${fmt(h.p99Ms as number)} ms, ${fmt(h.requestsPerSec as number, 1)} req/s, ${h.cpuMsPerRequest ?? '-'} ms CPU a request (server ${h.serverCpuMsPerRequest ?? '-'}, clients ${h.clientCpuMsPerRequest ?? '-'}), non-2xx ${h.non2xx}, errors ${h.errors}; reference answer ${(h.referenceMs as number[]).map((ms) => fmt(ms, 1)).join(' and ')} ms before and after`,
    );
}

/** A target judged: what it asks, whether it was met, and the figure. */
type Verdict = [what: string, met: boolean, got: string];

/** The two HTTP p99 targets, judged on the runs of eight `closedLoop` clients (all tables, summary tables). */
function httpVerdicts(runs: Record<string, unknown>[]): Verdict[] {
  const ours = runs.filter((h) => h.client === 'closedLoop' && h.connections === 8 && !h.competing);
  const judged: [Record<string, unknown> | undefined, number, string][] = [
    [ours.find((h) => h.tables === 'all'), TARGETS.http8P99Ms, 'all tables'],
    [ours.find((h) => h.tables === 'summary'), TARGETS.http8SummaryP99Ms, 'summary tables'],
  ];
  return judged.flatMap(([run, under, tables]): Verdict[] =>
    run
      ? [
          [
            `HTTP p99 under ${under} ms at 8 clients, ${tables}`,
            (run.p99Ms as number) < under,
            `${fmt(run.p99Ms as number, 1)} ms (reference answer ${(run.referenceMs as number[]).map((ms) => fmt(ms, 1)).join(' and ')} ms before and after)`,
          ],
        ]
      : [],
  );
}

const printVerdicts = (verdicts: readonly Verdict[]): void => {
  for (const [what, met, got] of verdicts) console.log(`  ${met ? 'MET   ' : 'MISSED'} ${what}: ${got}`);
};

/** Writes a report as `bench/results/<prefix><date>.json` (and as latest.json too, when asked); returns its name. */
function writeReport(prefix: string, report: Record<string, unknown>, latest: boolean): string {
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const name = `${prefix}${(report.date as string).replace(/[:.]/g, '-')}.json`;
  const text = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(join(dir, name), text);
  if (latest) writeFileSync(join(dir, 'latest.json'), text);
  return name;
}

/** `--http N`: the HTTP runs alone, N rounds, each judged against the two HTTP p99 targets. */
async function httpOnly(rounds: number, machine: Record<string, unknown>): Promise<void> {
  const results: { finished: string; runs: Record<string, unknown>[] }[] = [];
  let met = 0;
  for (let round = 1; round <= rounds; round++) {
    const runs = await http();
    const finished = new Date().toISOString();
    results.push({ finished, runs });
    console.log(`\nHTTP round ${round} of ${rounds} (finished ${finished})`);
    printHttp(runs);
    const verdicts = httpVerdicts(runs);
    printVerdicts(verdicts);
    if (verdicts.length === 2 && verdicts.every(([, ok]) => ok)) met++;
  }
  console.log(`\nBoth HTTP p99 targets met in ${met} of ${rounds} rounds`);
  const name = writeReport(
    'http-',
    { date: new Date().toISOString(), quick, machine, rounds: results },
    false,
  );
  console.log(`Wrote bench/results/${name}`);
}

async function main(): Promise<void> {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  console.log(
    `Throughline bench on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}${quick ? ' (quick)' : ''}\n`,
  );
  if (httpRounds !== null) {
    console.log(HTTP_HEADING);
    return httpOnly(httpRounds, machine);
  }

  const engine: Record<string, number>[] = [];
  console.log(
    'Engine (read + validate, then crosswalk + pools + cost per outcome + scenarios; output tables apart)',
  );
  console.log(
    '   lines    read ms  compute ms   engine ms  lines/s    tables ms  output rows  engine MB  peak RSS MB',
  );
  const spreads: string[] = [];
  const repeated: Record<string, number>[][] = [];
  for (const n of quick ? [1_000, 10_000, 100_000] : [1_000, 10_000, 100_000, 1_000_000]) {
    const runs = Array.from({ length: n >= ENGINE_REPEAT_FROM && !quick ? ENGINE_RUNS : 1 }, () =>
      child('engine-size.ts', String(n)),
    );
    const r = medianRun(runs);
    if (runs.length > 1) {
      spreads.push(engineSpread(runs));
      repeated.push(runs);
    }
    engine.push(r);
    console.log(
      `${fmt(r.lines as number).padStart(9)} ${fmt(r.readMs as number).padStart(9)} ${fmt(r.computeMs as number).padStart(11)} ${fmt(r.engineMs as number).padStart(11)} ${fmt(((r.lines as number) / (r.engineMs as number)) * 1000).padStart(9)} ${fmt(r.tablesMs as number).padStart(11)} ${fmt(r.outputRows as number).padStart(12)} ${fmt(r.enginePeakRssMb as number).padStart(10)} ${fmt(r.peakRssMb as number).padStart(12)}`,
    );
  }
  for (const spread of spreads) console.log(spread);
  // Per-line cost from 10k lines up: at 1k, start-up and JIT warm-up dominate and would flatter the trend.
  const perLine = engine
    .filter((r) => (r.lines as number) >= 10_000)
    .map((r) => (r.engineMs as number) / (r.lines as number));
  const growth = perLine.slice(1).map((v, i) => v / (perLine[i] as number));

  console.log('\n.xlsx round trip (read the file, compute, write the crosswalk workbook)');
  console.log('   lines   input MB  output MB    read ms  compute ms   write ms   total ms  peak RSS MB');
  const xlsx: Record<string, number>[] = [];
  for (const n of quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
    const r = child('xlsx-size.ts', String(n));
    xlsx.push(r);
    console.log(
      `${fmt(r.lines as number).padStart(9)} ${fmt(r.inputMb as number, 1).padStart(9)} ${fmt(r.outputMb as number, 1).padStart(10)} ${fmt(r.readMs as number).padStart(10)} ${fmt(r.computeMs as number).padStart(11)} ${fmt(r.writeMs as number).padStart(10)} ${fmt(r.totalMs as number).padStart(10)} ${fmt(r.peakRssMb as number).padStart(12)}`,
    );
  }

  // What a budget office waits for: the CLI from process start to file written, on a department-shaped workbook.
  console.log('\nCLI, process start to file written (department shape: 60 objectives, dollars and cents)');
  const cli = await cliBench(quick ? 10_000 : 100_000);
  console.log(
    `  ${fmt(cli.lines)} lines, ${fmt(cli.crosswalkRows)} crosswalk rows, ${cli.inputMb} MB in, ${cli.outputMb} MB out: ${fmt((cli.wallMs[0] as number) / 1000, 1)} s, peak RSS ${fmt(cli.peakRssMb[0] as number)} MB`,
  );

  console.log('\nDATA Act: File A and File B CSVs beside a workbook, through the CLI (issue 15)');
  const dataAct = await dataActBench(quick ? 20_000 : 200_000);
  console.log(`  ${describeDataActRun(dataAct)}`);

  console.log(`\n${HTTP_HEADING}`);
  const httpRuns = await http();
  printHttp(httpRuns);

  console.log('\nAdd-in write plan for a 100,000-row output table');
  const plan = addinPlan();
  console.log(
    `  ${fmt(plan.valueSyncs as number)} value syncs, largest payload ${fmt(plan.largestPayloadMb as number, 2)} MB (limit 5 MB), planned in ${fmt(plan.planMs as number)} ms`,
  );

  console.log(
    '\n/health while a 100,000-line workbook computes (the bundled server again; 4 clients probing for as long as it runs)',
  );
  const health = await healthWhileBusy();
  console.log(
    `  the big request took ${fmt(health.bigRequestMs / 1000, 1)} s; ${fmt(health.probes)} probes: p50 ${fmt(health.p50Ms, 1)} ms, p99 ${fmt(health.p99Ms, 1)} ms, max ${fmt(health.maxMs, 1)} ms, failed ${health.failed}`,
  );

  console.log(
    "\nSide by side with the spreadsheet, same file (department shape, account-level crosswalk): LibreOffice opens it, recalculates the SUMIFS and saves; the CLI reads it, computes and writes its workbook (both from process start); then LibreOffice opens the CLI's output",
  );
  const sheets = [];
  for (const n of quick ? [10_000] : [10_000, 100_000]) {
    const r = await compareWithSpreadsheet(n);
    sheets.push(r);
    if ('skipped' in r) console.log(`  ${fmt(n)} lines: skipped (${r.skipped})`);
    else
      console.log(
        `  ${fmt(r.lines)} lines, ${r.objectives} objectives, ${fmt(r.crosswalkRows)} crosswalk rows, ${fmt(r.formulas)} formulas: LibreOffice ${fmt(r.sofficeMs / 1000, 1)} s (start-up ${fmt(r.sofficeStartupMs / 1000, 1)} s), CLI ${fmt(r.cliMs / 1000, 1)} s (peak ${fmt(r.cliPeakRssMb)} MB): ${fmt(r.sofficeMs / r.cliMs, 1)}x faster; output ${r.outputMb} MB opens in LibreOffice in ${fmt(r.openOutputMs / 1000, 1)} s; results agree: ${r.agree ? 'yes' : 'NO'}`,
      );
  }

  const oneM = engine.find((r) => (r.lines as number) >= 1_000_000);
  const side = sheets.find((r): r is SpreadsheetRun => !('skipped' in r) && r.lines >= 100_000);
  const engineMb = (r: Record<string, number>) => (r.enginePeakRssMb as number) - (r.inputRssMb as number);
  const verdicts: Verdict[] = [
    side
      ? [
          `100k lines through the CLI at least ${TARGETS.cliVsSpreadsheet}x faster than LibreOffice's SUMIFS, same file, same run`,
          side.agree && side.sofficeMs / side.cliMs >= TARGETS.cliVsSpreadsheet,
          `${fmt(side.sofficeMs / side.cliMs, 1)}x (${fmt(side.cliMs / 1000, 1)} s vs ${fmt(side.sofficeMs / 1000, 1)} s)${side.agree ? '' : ', results DISAGREE'}`,
        ]
      : null,
    side
      ? [
          `100k lines through the CLI under ${TARGETS.cli100kRssMb} MB peak`,
          side.cliPeakRssMb < TARGETS.cli100kRssMb,
          `${fmt(side.cliPeakRssMb)} MB`,
        ]
      : null,
    side
      ? [
          `the 100k output opens in LibreOffice in under ${TARGETS.openOutputMs / 1000} s`,
          side.openOutputMs < TARGETS.openOutputMs,
          `${fmt(side.openOutputMs / 1000, 1)} s`,
        ]
      : null,
    oneM
      ? [
          `engine 1M lines under ${TARGETS.engine1MMs / 1000} s`,
          (oneM.engineMs as number) < TARGETS.engine1MMs,
          `${fmt((oneM.engineMs as number) / 1000, 1)} s`,
        ]
      : null,
    oneM
      ? [
          `engine 1M lines under ${fmt(TARGETS.engine1MRssMb)} MB of its own (peak RSS less the generated input's)`,
          engineMb(oneM) < TARGETS.engine1MRssMb,
          `${fmt(engineMb(oneM))} MB (peak ${fmt(oneM.enginePeakRssMb as number)} MB, input ${fmt(oneM.inputRssMb as number)} MB; ${fmt(oneM.peakRssMb as number)} MB with the output tables)`,
        ]
      : null,
    [
      'cost grows linearly (per-line cost ≤1.3× per 10× lines, from 10k)',
      growth.every((g) => g <= 1.3),
      growth.map((g) => `${fmt(g, 2)}×`).join(', '),
    ],
    ...httpVerdicts(httpRuns),
    [
      `/health p99 under ${TARGETS.healthP99Ms} ms while a 100k workbook computes`,
      health.failed === 0 && health.p99Ms < TARGETS.healthP99Ms,
      `${fmt(health.p99Ms, 1)} ms over ${fmt(health.probes)} probes, ${health.failed} failed`,
    ],
  ].filter((v): v is Verdict => v !== null);
  console.log('\nTargets');
  printVerdicts(verdicts);

  const report = {
    date: new Date().toISOString(),
    quick,
    machine,
    engine,
    engineRuns: repeated,
    perLineGrowth: growth,
    xlsx,
    cli,
    dataAct,
    http: httpRuns,
    healthWhileBusy: health,
    addinPlan: plan,
    spreadsheet: sheets,
    targets: verdicts.map(([what, met, got]) => ({ what, met, got })),
  };
  console.log(`\nWrote bench/results/${writeReport('', report, true)} (and latest.json)`);
}

if (require.main === module) void main();
