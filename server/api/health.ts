// GET /api/health: is the server up, and can it reach its database (which version, is GDS
// there). 200 when the database answers, 503 when it does not, so load balancers and
// `ringwatch db status` can rely on the status code alone.
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { isUnavailable } from '../db/database.js';
import { QueryTimeoutError } from '../errors.js';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  version: z.string(),
  database: z.discriminatedUnion('reachable', [
    z.object({
      reachable: z.literal(true),
      uri: z.string(),
      version: z.string(),
      edition: z.string(),
      gds: z.string().nullable(),
      latencyMs: z.number(),
    }),
    z.object({ reachable: z.literal(false), uri: z.string(), error: z.string() }),
  ]),
});
export type Health = z.infer<typeof HealthSchema>;

export async function checkHealth(db: Database, appVersion: string): Promise<Health> {
  const started = performance.now();
  try {
    const facts = await db.describe();
    return HealthSchema.parse({
      status: 'ok',
      version: appVersion,
      database: {
        reachable: true,
        uri: db.connection.uri,
        version: facts.version,
        edition: facts.edition,
        gds: facts.gds ?? null,
        latencyMs: Math.round(performance.now() - started),
      },
    });
  } catch (error) {
    // Too slow to answer within the API's time limit counts as not answering.
    if (!isUnavailable(error) && !(error instanceof QueryTimeoutError)) throw error;
    return HealthSchema.parse({
      status: 'unavailable',
      version: appVersion,
      database: {
        reachable: false,
        uri: db.connection.uri,
        error: error instanceof Error ? error.message : String(error),
      },
    });
  }
}

export function healthRouter(db: Database, appVersion: string): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const health = await checkHealth(db, appVersion);
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  return router;
}
