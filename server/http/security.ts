import { createHash, timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { HttpProblem, problems } from './problems';

/**
 * Who may call the API and what browsers are told: API keys, CORS, and the security headers for the API and
 * for the task pane's pages.
 */

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * With keys configured, a request must carry one as `Authorization: Bearer <key>` or `X-API-Key: <key>`.
 * Keys are compared as SHA-256 digests in constant time, and every key is compared, so neither the time
 * taken nor the key's length tells an attacker how close a guess was.
 */
export function requireApiKey(keys: readonly string[]): RequestHandler {
  const digests = keys.map(digest);
  return (req, _res, next) => {
    if (digests.length === 0) return next();
    const given = presentedKey(req.headers.authorization, req.headers['x-api-key']);
    if (given === undefined) return next(new HttpProblem(problems.unauthorized(false)));
    const candidate = digest(given);
    let match = false;
    for (const d of digests) match = timingSafeEqual(candidate, d) || match;
    next(match ? undefined : new HttpProblem(problems.unauthorized(true)));
  };
}

function presentedKey(
  authorization: string | undefined,
  apiKey: string | string[] | undefined,
): string | undefined {
  const bearer = authorization?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i)?.[1];
  if (bearer) return bearer;
  const header = Array.isArray(apiKey) ? apiKey[0] : apiKey;
  return header?.trim() || undefined;
}

/** The headers a browser may send and read across origins (the add-in served from elsewhere). */
export const EXPOSED_HEADERS = [
  'Content-Disposition',
  'X-Request-Id',
  'X-Throughline-Errors',
  'X-Throughline-Warnings',
  'Retry-After',
];

/**
 * CORS is closed unless origins are configured; then only those origins get `Access-Control-Allow-Origin`.
 * No cookies are used, so credentials are never allowed.
 */
export function corsFor(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Accept', 'Authorization', 'X-API-Key', 'X-Request-Id'],
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
}

/** HSTS only over HTTPS: sent over plain HTTP on localhost it would pin a developer's browser to HTTPS. */
const hsts = (tls: boolean) => (tls ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false);

/** The API returns data, never pages: nothing may be loaded, run or framed from its responses. */
export function apiHeaders(tls: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: hsts(tls),
  });
}

/**
 * The task pane runs inside Office: Office on the web frames it (so `frame-ancestors` names Office's origins
 * and there is no X-Frame-Options, which cannot list them). Office.js is served from here, so scripts come only
 * from this origin; the pane may call this engine and any engines the configuration names.
 * Dialogs opened with Office's dialog API talk to their opener, which a strict opener policy would cut off.
 */
export function paneHeaders(
  tls: boolean,
  frameAncestors: readonly string[],
  engineOrigins: readonly string[] = [],
): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...engineOrigins],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'", ...frameAncestors],
      },
    },
    xFrameOptions: false,
    crossOriginOpenerPolicy: false,
    strictTransportSecurity: hsts(tls),
  });
}
