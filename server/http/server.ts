import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { EnginePool } from '../workers/pool';
import { createApp } from './app';
import { ConfigError, type ServerConfig } from './config';
import { createLogger } from './logging';
import { withFields } from '../objects';

/** A listening server: where it is, and how to stop it gracefully. */
export interface RunningServer {
  /** e.g. `http://localhost:3000` (loopback and wildcard addresses are shown as localhost). */
  url: string;
  port: number;
  server: http.Server | https.Server;
  /**
   * Stops accepting connections, lets requests in flight finish, then resolves; connections still busy
   * after the grace period are cut. Calling it again returns the same promise.
   */
  close(graceMs?: number): Promise<{ forced: boolean }>;
  /** The engine's worker threads, for their `stats()` (the bench waits for them to settle between runs). */
  engine: EnginePool;
}

// Headers must all arrive within this (or the request time limit, if shorter): a slow-loris client that
// dribbles header lines is dropped long before it can pile up connections.
const HEADERS_TIMEOUT_MS = 20_000;

export async function startServer(
  config: ServerConfig,
  opts: { logger?: Logger } = {},
): Promise<RunningServer> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  // The engine's threads are loaded before the port opens, so the first request does not wait for them.
  const engine = new EnginePool(config.engineWorkers);
  try {
    await engine.ready();
  } catch (e) {
    await engine.close();
    throw e;
  }
  const app = createApp(config, logger, engine);
  const headersTimeout = Math.min(HEADERS_TIMEOUT_MS, config.requestTimeoutMs);
  const options: http.ServerOptions = {
    headersTimeout,
    // The app's own deadline answers first with a problem; Node's request timeout is the backstop that
    // closes a socket whose body is still trickling in after that.
    requestTimeout: config.requestTimeoutMs + 2_000,
    // How often Node checks those two timeouts (its default, 30 s, would let slow clients linger).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 2))),
    keepAliveTimeout: 5_000,
  };
  const server: http.Server | https.Server = config.tls
    ? https.createServer(withFields(options, readTls(config.tls)), app)
    : http.createServer(options, app);

  let draining = false;
  // Registered first so it runs before the app: during shutdown, no connection is kept alive for another request.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e: unknown) => {
    await engine.close();
    throw e;
  });
  const { port } = server.address() as AddressInfo;
  const url = `${config.tls ? 'https' : 'http'}://${shownHost(config.host)}:${port}`;

  let closing: Promise<{ forced: boolean }> | undefined;
  const close = (graceMs = config.shutdownGraceMs) => {
    closing ??= new Promise((resolve) => {
      draining = true;
      let forced = false;
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => {
        forced = true;
        logger.warn({ graceMs }, 'requests still in flight at the end of the grace period; closing them');
        server.closeAllConnections();
      }, graceMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        // Requests are done (or cut): their engine tasks are no longer wanted.
        void engine.close().then(() => resolve({ forced }));
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, port, server, close, engine };
}

function readTls(tls: NonNullable<ServerConfig['tls']>): { cert: Buffer; key: Buffer } {
  const read = (file: string, what: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(
        `Cannot read the TLS ${what} ${file}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}. For local development, run \`npx office-addin-dev-certs install\`, or give --cert and --key.`,
      );
    }
  };
  return { cert: read(tls.certFile, 'certificate'), key: read(tls.keyFile, 'key') };
}

const LOOPBACK_OR_ANY = new Set(['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::', '']);

function shownHost(host: string): string {
  if (LOOPBACK_OR_ANY.has(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
