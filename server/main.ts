import { existsSync } from 'node:fs';
import {
  ConfigError,
  configFromEnvironment,
  createLogger,
  isLoopback,
  SERVER_USAGE,
  startServer,
  type RunningServer,
  type ServerConfig,
} from './http';
import { LogFormatError, logFormatFrom, type LogFormat } from './http/logFormat';

/**
 * `npm start`: the Throughline engine as an HTTP server (the API, and the task pane once it is built).
 * Settings come from flags and TL_* environment variables (`--help` lists them); TL_LOG_FORMAT (json or
 * pretty) chooses the log's form, readable by default on a terminal and JSON otherwise. SIGTERM or Ctrl+C stops
 * accepting connections, lets requests in flight finish (up to the grace period), then exits.
 */
async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  let config: ServerConfig | 'help';
  try {
    config = configFromEnvironment(env, argv);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (config === 'help') {
    process.stdout.write(`${SERVER_USAGE}\n`);
    return 0;
  }

  let format: LogFormat;
  try {
    format = logFormatFrom(env, process.stdout.isTTY === true);
  } catch (e) {
    if (!(e instanceof LogFormatError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const logger = createLogger(config.logLevel, format);
  let running: RunningServer;
  try {
    running = await startServer(config, { logger });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      e instanceof ConfigError
        ? e.message
        : code === 'EADDRINUSE'
          ? `Port ${config.port} on ${config.host} is already in use. Stop the other server, or choose another port with --port or TL_PORT.`
          : code === 'EACCES'
            ? `Not allowed to listen on port ${config.port}; choose a port above 1023 with --port or TL_PORT.`
            : `Cannot start the server: ${(e as Error).message}`;
    process.stderr.write(`${reason}\n`);
    return 2;
  }

  logger.info({ url: running.url, host: config.host, port: running.port }, 'listening');
  process.stderr.write(banner(config, running));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: finishing requests in flight');
    void running.close().then(({ forced }) => {
      logger.info({ forced }, 'stopped');
      process.exitCode = forced ? 1 : 0;
    });
    // Whatever else holds the process open, it ends shortly after the grace period.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return undefined;
}

function banner(config: ServerConfig, running: RunningServer): string {
  const { url } = running;
  const open = !isLoopback(config.host);
  const pane = existsSync(config.addinDir)
    ? `${url}/ (the Excel task pane, from ${config.addinDir})`
    : `${url}/ (a page saying what this is; the task pane is served here once addin/dist is built)`;
  const lines = [
    `Throughline engine listening on ${url}${open ? ` (bound to ${config.host})` : ' (this machine only)'}`,
    `  API        ${url}/api/v1   (its endpoints; OpenAPI at ${url}/api/v1/openapi.json)`,
    `  Task pane  ${pane}`,
    `  API keys   ${config.apiKeys.length > 0 ? `required (${config.apiKeys.length} configured in TL_API_KEYS)` : 'off: set TL_API_KEYS to require one'}`,
    `  CORS       ${config.corsOrigins.length > 0 ? config.corsOrigins.join(', ') : 'closed: set TL_CORS_ORIGINS to let other origins call the API'}`,
    `  Try it     curl -F file=@examples/gsa-fy2018.xlsx ${url}/api/v1/workbook --create-dirs -o out/gsa-crosswalk.xlsx`,
    `  Stop       Ctrl+C (requests in flight finish first)`,
  ];
  if (open && config.apiKeys.length === 0)
    lines.push(
      `WARNING: listening on ${config.host} without API keys: anyone who can reach this address can use the API. Set TL_API_KEYS.`,
    );
  if (config.tls === null && open)
    lines.push(
      'WARNING: plain HTTP on a network address: budget data and keys cross the network unencrypted. Use --https with a certificate, or a TLS proxy.',
    );
  return `${lines.join('\n')}\n`;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Throughline failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
