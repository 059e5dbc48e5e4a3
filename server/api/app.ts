// The HTTP application, separate from listening so tests can run it on any port.
import express, { type Express } from 'express';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { errorHandler, notFoundRoute } from './errors.js';
import { healthRouter } from './health.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  version: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '1mb' }));
  app.use('/api', healthRouter(deps.db, deps.version));
  app.use('/api', notFoundRoute);
  app.use(errorHandler(deps.logger));
  return app;
}
