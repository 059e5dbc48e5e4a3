// Serves the built web explorer (dist/web, `npm run build:web`) from the API's origin: hashed
// assets cached for a year, every other GET that asks for HTML answered with index.html so the
// explorer's own addresses (/entities/…, /network?…) can be bookmarked and reloaded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { projectRoot } from '../paths.js';

export const defaultWebDir = path.join(projectRoot, 'dist', 'web');

export function hasWebApp(dir: string): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

/**
 * An application of its own rather than a router: it keeps express's ETags for index.html
 * (answered `no-cache`, so browsers revalidate it), which the API turns off for its answers.
 */
export function webAppRouter(dir: string): Express {
  const router = express();
  router.disable('x-powered-by');
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get(/^\/(?!api(\/|$)).*/, (req, res, next) => {
    if (!req.accepts('html')) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
  return router;
}
