/** The HTTP API: build the Express app, or start a server with it. `server/main.ts` is the command. */
export { createApp } from './app';
export { startServer, isLoopback, type RunningServer } from './server';
export {
  configFromEnvironment,
  serverConfig,
  ConfigError,
  DEFAULTS,
  SERVER_USAGE,
  type ServerConfig,
} from './config';
export { createLogger } from './logging';
export { openApiDocument } from './openapi';
export { PROBLEM_MEDIA_TYPE, problemType } from './problems';
