import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Level } from 'pino';
import { withFields } from '../objects';

/**
 * The server's settings. Defaults are safe for one person on their own machine (loopback only, no CORS,
 * no keys); anything reachable by others is configured through the environment or flags. `main.ts` reads
 * them once at startup; tests build a config in code with `serverConfig({...})`.
 */
export interface ServerConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** PEM files; null serves plain HTTP. */
  tls: { certFile: string; keyFile: string } | null;
  /** Browser origins (e.g. the add-in's, when it is served from elsewhere) allowed to call the API. */
  corsOrigins: string[];
  /** Engines, besides this server, that the task pane served here may call (its CSP `connect-src`). */
  engineOrigins: string[];
  /** When non-empty, the API (not /health or /openapi.json) requires one of these keys. */
  apiKeys: string[];
  maxJsonBytes: number;
  maxUploadBytes: number;
  /** Cells (header and body, filled or blank) across all grids in a request; for uploads, filled cells. */
  maxCells: number;
  /** Body rows across all grids in a request. */
  maxRows: number;
  /** What an uploaded .xlsx may unpack to (the zip-bomb guard's budget). */
  maxUnpackedBytes: number;
  /** Workbook uploads processed at once; more get 503 with Retry-After. */
  maxConcurrentJobs: number;
  /** Worker threads the engine runs in, so the server's own thread always answers (`/health` among others). */
  engineWorkers: number;
  requestTimeoutMs: number;
  /** How long shutdown waits for requests in flight before it closes their connections. */
  shutdownGraceMs: number;
  logLevel: Level | 'silent';
  /** The built task pane (`addin/dist`), served at `/` when the folder exists. */
  addinDir: string;
  /** Who may frame the task pane: Office on the web shows it in an iframe from these origins. */
  frameAncestors: string[];
}

const MB = 1024 * 1024;

/** Where Office on the web frames add-ins from (Excel on the web, SharePoint and the Microsoft 365 portals). */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
];

/** The folder holding package.json, found from this file whether it runs from the sources or from dist/. */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string')
      return pkg.version;
  } catch {
    // A missing or unreadable package.json only costs the version number in the OpenAPI document.
  }
  return '0.0.0';
}

export const DEFAULTS: ServerConfig = {
  host: '127.0.0.1',
  port: 3000,
  tls: null,
  corsOrigins: [],
  engineOrigins: [],
  apiKeys: [],
  maxJsonBytes: 25 * MB,
  maxUploadBytes: 25 * MB,
  maxCells: 2_000_000,
  maxRows: 1_000_000,
  maxUnpackedBytes: 200 * MB,
  maxConcurrentJobs: 4,
  engineWorkers: Math.max(1, availableParallelism()),
  requestTimeoutMs: 60_000,
  shutdownGraceMs: 30_000,
  logLevel: 'info',
  addinDir: join(packageRoot(), 'addin', 'dist'),
  frameAncestors: OFFICE_FRAME_ANCESTORS,
};

/** The defaults with some settings replaced (tests, embedding). */
export function serverConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return withFields(DEFAULTS, overrides) as ServerConfig;
}

/** A setting that cannot be used; the message says which and what is expected. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Node's flags for the server's process, which `npm start` passes (and the bench, which times the server as
 * `npm start` runs it). `--initial-old-space-size`: V8 sizes the old generation's first limit from it, and the
 * server's own thread keeps a small heap (about 12 MB) while every request's body arrives as socket buffers
 * allocated outside that heap (a 5,000-line agency's 575 KB in 64 KB chunks). With V8's default the thread ran
 * a full mark-compact about every 100 ms under eight clients (117-248 in a run of 2,300 requests, their marking
 * on V8's helper threads); with 64 MB, none. Measured in three interleaved pairs of runs, eight clients asking
 * for the summary: 13.9, 12.2 and 13.0 ms of the server's CPU a request with the default, 13.3, 10.8 and 11.5
 * with 64 MB. The limit only delays the first collection: memory is taken as the heap grows into it.
 *
 * `--no-turbo-inline-array-builtins`: V8's optimising compiler writes `map`, `filter`, `forEach` and the like
 * inline, and its inline `map` returns a holey array where the builtin returns a packed one. So once a function
 * that maps is compiled, the arrays it makes change kind, and every spread, `for … of` or index over them that
 * was compiled for the other kind is a "wrong map": the code is thrown away and compiled again, one such site at
 * a time. The output tables' functions (`summarySheet`, `resourcesByGoal`, `programInventory`) took 80-150 ms
 * of a helper thread to compile, and were compiled 4-6 times each over a worker's first 5,000 requests: about
 * a tenth of the server's CPU while the bench's HTTP runs time it. Calling the builtins instead costs nothing
 * measurable in the engine (its inner loops are plain loops over typed arrays): see `docs/development.md`.
 *
 * `--expose-gc`: gives V8's `gc` function to the engine workers, which collect their young generation between
 * requests when the next may not fit in it (`workers/youngCollect.ts`), rather than in the middle of one.
 */
export const SERVER_NODE_FLAGS: readonly string[] = [
  '--initial-old-space-size=64',
  '--no-turbo-inline-array-builtins',
  '--expose-gc',
];

export const SERVER_USAGE = `Usage: npm start -- [options]   (or: node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js [options])

  --host <address>          address to listen on (TL_HOST; default 127.0.0.1, this machine only)
  --port <n>                port (TL_PORT or PORT; default 3000)
  --https                   serve HTTPS with the Office dev certificate (~/.office-addin-dev-certs)
  --cert <file> --key <file>  serve HTTPS with this PEM certificate and key (TL_TLS_CERT, TL_TLS_KEY)
  --cors-origins <list>     comma-separated origins allowed to call the API (TL_CORS_ORIGINS)
  --engine-origins <list>   other engines the task pane served here may call (TL_ENGINE_ORIGINS)
  --max-json-mb <n>         largest JSON body (TL_MAX_JSON_MB; default 25)
  --max-upload-mb <n>       largest .xlsx upload (TL_MAX_UPLOAD_MB; default 25)
  --max-unpacked-mb <n>     largest size an upload may unpack to (TL_MAX_UNPACKED_MB; default 200)
  --max-cells <n>           most cells in one request (TL_MAX_CELLS; default 2000000)
  --max-rows <n>            most rows in one request's grids (TL_MAX_ROWS; default 1000000)
  --max-jobs <n>            workbook uploads processed at once (TL_MAX_JOBS; default 4)
  --engine-workers <n>      threads the engine runs in (TL_ENGINE_WORKERS; default: one per core)
  --request-timeout <s>     time limit per request, seconds (TL_REQUEST_TIMEOUT; default 60)
  --shutdown-grace <s>      how long shutdown waits for requests in flight (TL_SHUTDOWN_GRACE; default 30)
  --log-level <level>       fatal, error, warn, info, debug, trace or silent (TL_LOG_LEVEL; default info)
  --addin-dir <folder>      the built task pane to serve at / (TL_ADDIN_DIR; default addin/dist)

API keys are read from the environment only (TL_API_KEYS, comma-separated), never from flags, so they do
not show in the process list. TL_API_KEYS set but empty stops the server from starting.`;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Settings from flags, then the environment, then the defaults. Throws ConfigError, or returns 'help'. */
export function configFromEnvironment(env: Env, argv: string[]): ServerConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        https: { type: 'boolean' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'cors-origins': { type: 'string' },
        'engine-origins': { type: 'string' },
        'max-json-mb': { type: 'string' },
        'max-upload-mb': { type: 'string' },
        'max-unpacked-mb': { type: 'string' },
        'max-cells': { type: 'string' },
        'max-rows': { type: 'string' },
        'max-jobs': { type: 'string' },
        'engine-workers': { type: 'string' },
        'request-timeout': { type: 'string' },
        'shutdown-grace': { type: 'string' },
        'log-level': { type: 'string' },
        'addin-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new ConfigError(`${(e as Error).message.split('\n')[0]}. Run with --help to see the options.`);
  }
  if (values.help) return 'help';
  const pick = (flag: string | undefined, ...names: string[]): [string, string] | undefined => {
    if (flag !== undefined) return [`--${names[0]}`, flag];
    for (const name of names.slice(1)) {
      const value = env[name];
      if (value !== undefined && value.trim() !== '') return [name, value.trim()];
    }
    return undefined;
  };
  const int = (setting: [string, string] | undefined, fallback: number, min: number): number =>
    setting === undefined ? fallback : wholeNumber(setting, min);
  const scaled = (setting: [string, string] | undefined, fallback: number, unit: number): number =>
    setting === undefined ? fallback : Math.round(positiveNumber(setting) * unit);

  const logLevel = pick(values['log-level'], 'log-level', 'TL_LOG_LEVEL');
  if (logLevel && !(LOG_LEVELS as readonly string[]).includes(logLevel[1]))
    throw new ConfigError(`${logLevel[0]} must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel[1]}".`);

  return {
    host: pick(values.host, 'host', 'TL_HOST')?.[1] ?? DEFAULTS.host,
    port: portNumber(pick(values.port, 'port', 'TL_PORT', 'PORT')),
    tls: tlsFiles(
      values.https ?? isTrue(env.TL_HTTPS),
      pick(values.cert, 'cert', 'TL_TLS_CERT'),
      pick(values.key, 'key', 'TL_TLS_KEY'),
    ),
    corsOrigins: origins(pick(values['cors-origins'], 'cors-origins', 'TL_CORS_ORIGINS')),
    engineOrigins: origins(pick(values['engine-origins'], 'engine-origins', 'TL_ENGINE_ORIGINS')),
    apiKeys: apiKeys(env.TL_API_KEYS),
    maxJsonBytes: scaled(
      pick(values['max-json-mb'], 'max-json-mb', 'TL_MAX_JSON_MB'),
      DEFAULTS.maxJsonBytes,
      MB,
    ),
    maxUploadBytes: scaled(
      pick(values['max-upload-mb'], 'max-upload-mb', 'TL_MAX_UPLOAD_MB'),
      DEFAULTS.maxUploadBytes,
      MB,
    ),
    maxUnpackedBytes: scaled(
      pick(values['max-unpacked-mb'], 'max-unpacked-mb', 'TL_MAX_UNPACKED_MB'),
      DEFAULTS.maxUnpackedBytes,
      MB,
    ),
    maxCells: int(pick(values['max-cells'], 'max-cells', 'TL_MAX_CELLS'), DEFAULTS.maxCells, 1),
    maxRows: int(pick(values['max-rows'], 'max-rows', 'TL_MAX_ROWS'), DEFAULTS.maxRows, 1),
    maxConcurrentJobs: int(
      pick(values['max-jobs'], 'max-jobs', 'TL_MAX_JOBS'),
      DEFAULTS.maxConcurrentJobs,
      1,
    ),
    engineWorkers: int(
      pick(values['engine-workers'], 'engine-workers', 'TL_ENGINE_WORKERS'),
      DEFAULTS.engineWorkers,
      1,
    ),
    requestTimeoutMs: scaled(
      pick(values['request-timeout'], 'request-timeout', 'TL_REQUEST_TIMEOUT'),
      DEFAULTS.requestTimeoutMs,
      1000,
    ),
    shutdownGraceMs: scaled(
      pick(values['shutdown-grace'], 'shutdown-grace', 'TL_SHUTDOWN_GRACE'),
      DEFAULTS.shutdownGraceMs,
      1000,
    ),
    logLevel: (logLevel?.[1] as ServerConfig['logLevel'] | undefined) ?? DEFAULTS.logLevel,
    addinDir: resolve(pick(values['addin-dir'], 'addin-dir', 'TL_ADDIN_DIR')?.[1] ?? DEFAULTS.addinDir),
    frameAncestors: DEFAULTS.frameAncestors,
  };
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

function wholeNumber([name, text]: [string, string], min: number): number {
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < min)
    throw new ConfigError(`${name} must be a whole number of at least ${min}; got "${text}".`);
  return n;
}

function positiveNumber([name, text]: [string, string]): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0)
    throw new ConfigError(`${name} must be a number above 0; got "${text}".`);
  return n;
}

function portNumber(setting: [string, string] | undefined): number {
  if (setting === undefined) return DEFAULTS.port;
  const port = wholeNumber(setting, 0);
  if (port > 65535)
    throw new ConfigError(`${setting[0]} must be a port number up to 65535; got "${setting[1]}".`);
  return port;
}

/** The Office dev certificate (`npx office-addin-dev-certs install`) unless a certificate and key are given. */
function tlsFiles(
  https: boolean,
  cert: [string, string] | undefined,
  key: [string, string] | undefined,
): ServerConfig['tls'] {
  if (cert && key) return { certFile: resolve(cert[1]), keyFile: resolve(key[1]) };
  if (cert || key)
    throw new ConfigError(
      `${cert ? cert[0] : key?.[0]} was given without ${cert ? 'a key (--key or TL_TLS_KEY)' : 'a certificate (--cert or TL_TLS_CERT)'}; HTTPS needs both.`,
    );
  if (!https) return null;
  const dir = join(homedir(), '.office-addin-dev-certs');
  return { certFile: join(dir, 'localhost.crt'), keyFile: join(dir, 'localhost.key') };
}

function origins(setting: [string, string] | undefined): string[] {
  if (!setting) return [];
  return setting[1]
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      let url: URL | undefined;
      try {
        url = new URL(o);
      } catch {
        url = undefined;
      }
      // An origin is scheme, host and port only; a wildcard would open the API to every web page.
      if (!url || !/^https?:$/.test(url.protocol) || url.origin === 'null' || `${url.origin}/` !== url.href)
        throw new ConfigError(
          `${setting[0]} holds "${o}", which is not an origin. Give each as scheme://host[:port], e.g. https://addin.example.gov, separated by commas.`,
        );
      return url.origin;
    });
}

const MIN_KEY_LENGTH = 16;

function apiKeys(value: string | undefined): string[] {
  if (value === undefined) return [];
  const keys = value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  // Set but empty is most likely a secret that failed to load: fail closed rather than serve without keys.
  if (keys.length === 0)
    throw new ConfigError(
      'TL_API_KEYS is set but holds no keys, so the server will not start (it would otherwise run without keys). Give at least one key, or unset TL_API_KEYS to run without keys on purpose.',
    );
  const short = keys.findIndex((k) => k.length < MIN_KEY_LENGTH);
  if (short >= 0)
    throw new ConfigError(
      `TL_API_KEYS: key ${short + 1} is shorter than ${MIN_KEY_LENGTH} characters. Use long random keys, e.g. from \`openssl rand -hex 32\`.`,
    );
  return keys;
}
