// The HTTP application, separate from listening so tests can run it on any port. It keeps no
// state of its own: sessions, the audit trail and the login counters are in the database, so
// several instances can serve behind one load balancer. What it holds in memory are caches
// with a bound on their age: sessions checked in the last seconds (session-cache.ts) and
// rankings pages of the current scoring run (answer-cache.ts).
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { AuditTrail } from '../audit/audit-trail.js';
import { SessionCache } from '../auth/session-cache.js';
import { loadConfig, type AuthSettings, type CaseSettings, type ViewSettings } from '../config.js';
import type { Database } from '../db/database.js';
import { BadInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import { errorHandler, notFoundRoute } from './errors.js';
import { healthRouter } from './health.js';
import { mountRoutes } from './mount.js';
import { openApiDocument } from './openapi.js';
import { apiRoutes } from './routes.js';
import { hasWebApp, webAppRouter } from './web-app.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  version: string;
  /** Session lifetime and login limits; the environment's defaults when absent. */
  auth?: AuthSettings;
  /** The case queue's settings (the control group's share); the environment's defaults when absent. */
  cases?: CaseSettings;
  /** How long rankings pages are kept; the environment's default when absent. */
  views?: ViewSettings;
  /** The built web explorer to serve beside the API (dist/web); none when absent or unbuilt. */
  webDir?: string | null;
}

export function createApp(deps: AppDeps): Express {
  const defaults = loadConfig({});
  const auth = deps.auth ?? defaults.auth;
  const trail = new AuditTrail(deps.db);
  const sessions = new SessionCache(deps.db, {
    ttlMs: auth.sessionTtlMs,
    idleMs: auth.sessionIdleMs,
    cacheMs: auth.sessionCacheMs,
  });
  const routes = apiRoutes({
    db: deps.db,
    trail,
    sessions,
    auth,
    cases: deps.cases ?? defaults.cases,
    views: deps.views ?? defaults.views,
  });
  const document = openApiDocument(routes, deps.version);

  const app = express();
  app.disable('x-powered-by');
  // No ETag on answers: every API answer is `no-store`, so no client ever revalidates one, and
  // hashing each body cost CPU on every request (an employer's page is 40 KB). The explorer's
  // files keep theirs (web-app.ts).
  app.disable('etag');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // ForceAtlas2 runs in a worker the layout library starts from a blob: URL; the PNG
          // export and sigma's snapshots are blob:/data: images.
          'worker-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.use('/api', jsonOnlyWrites);
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', healthRouter(deps.db, deps.version));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use('/api', mountRoutes(routes, { trail, sessions }));
  app.use('/api', notFoundRoute);
  if (deps.webDir && hasWebApp(deps.webDir)) app.use(webAppRouter(deps.webDir));
  app.use(errorHandler(deps.logger));
  return app;
}

/**
 * A request that changes something and carries a body must say it is JSON: an HTML form on
 * another site cannot, so this (with the SameSite=Strict cookie) closes cross-site forgery.
 */
const jsonOnlyWrites: RequestHandler = (req, _res, next) => {
  const hasBody =
    req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    (hasBody || chunked) &&
    !req.is('application/json')
  ) {
    next(new BadInputError('api: send the body as JSON (Content-Type: application/json)'));
    return;
  }
  next();
};
