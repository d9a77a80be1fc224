import { existsSync } from 'node:fs';
import express, { Router, type Express } from 'express';
import type { Logger } from 'pino';
import { apiIndex } from './apiIndex';
import type { ServerConfig } from './config';
import { errorHandler } from './errors';
import { landingPage } from './landing';
import { requestDeadline } from './limits';
import { createLogger, requestLogger } from './logging';
import { HttpProblem, problems } from './problems';
import { EnginePool } from '../workers/pool';
import { apiRoutes } from './routes';
import { apiHeaders, corsFor, paneHeaders } from './security';

/**
 * The Express app: request log and id, deadline, then the API under `/api/v1` (its own security headers,
 * CORS, no caching) and the task pane at `/` (its files when built, else a page saying what this is).
 * Building it does no I/O beyond looking for the task pane's folder, so tests can build as many as they like.
 */
export function createApp(
  config: ServerConfig,
  logger: Logger = createLogger(config.logLevel),
  // startServer passes its own pool (and closes it); an app built alone gets one whose idle threads never hold the process.
  engine: EnginePool = new EnginePool(config.engineWorkers),
): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: answers are never cached (no-store), and hashing a 5 MB answer would cost the server's own thread.
  app.set('etag', false);
  app.set('query parser', 'simple');
  const tls = config.tls !== null;

  app.use(requestLogger(logger));
  app.use(requestDeadline(config.requestTimeoutMs));

  const api = Router();
  api.use(apiHeaders(tls), corsFor(config.corsOrigins), (_req, res, next) => {
    // Budget figures must not sit in a browser's or a proxy's cache.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The address the server prints answers with a list of endpoints, not a 404.
  api.get('/v1', apiIndex());
  api.use('/v1', apiRoutes(config, engine));
  api.use((req, _res, next) => next(new HttpProblem(problems.notFound(req.originalUrl.split('?')[0] ?? ''))));
  app.use('/api', api);

  app.use(paneHeaders(tls, config.frameAncestors, config.engineOrigins));
  if (existsSync(config.addinDir)) {
    app.use(express.static(config.addinDir, { dotfiles: 'ignore', index: 'index.html', redirect: false }));
  } else {
    app.get('/', landingPage());
  }
  app.use((req, _res, next) => next(new HttpProblem(problems.notFound(req.originalUrl.split('?')[0] ?? ''))));
  app.use(errorHandler(config));
  return app;
}
