// Mounts declared routes (route.ts) on an express router. For every request, in this order:
// who is asking (the session cookie; 401 without one where a route needs it), may they (the
// route's roles; 403), is the input well formed (zod; 400 with the field errors), the handler,
// the answer checked against its schema, and — for routes touching personal data — an audit
// record committed before the answer leaves (refusals and misses are recorded too).
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Viewer } from '../auth/roles.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { SessionCache } from '../auth/session-cache.js';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors.js';
import type { CachedAnswer } from './answer-cache.js';
import { allows, type RouteDef } from './route.js';
import { sessionToken } from './session-cookie.js';

export interface MountDeps {
  trail: AuditTrail;
  sessions: SessionCache;
}

const empty = z.object({});
const PurposeSchema = z.string().max(200).optional();

export function mountRoutes(routes: readonly RouteDef[], deps: MountDeps): Router {
  const router = Router();
  for (const def of routes) {
    router[def.method](def.path, ...(def.before ?? []), async (req, res) => {
      const viewer = def.access === 'public' ? null : await authenticate(req, deps);
      const purpose = statedPurpose(req);
      const audit = async (status: number, entities: string[]) => {
        if (!def.audit || !viewer) return;
        await deps.trail.append({
          at: new Date().toISOString(),
          user: viewer.username,
          role: viewer.role,
          action: `${def.method.toUpperCase()} /api${def.path}`,
          path: req.originalUrl.slice(0, 1000),
          entities,
          entityCount: entities.length,
          purpose,
          status,
        });
      };
      if (!allows(def.access, viewer)) {
        await audit(403, []);
        throw new ForbiddenError(
          `api: ${viewer?.role ?? 'this role'} may not call ${def.method.toUpperCase()} /api${def.path}`,
        );
      }
      const input = {
        params: (def.params ?? empty).parse(req.params),
        query: (def.query ?? empty).parse(knownOnly(flattenQuery(req.query), def.query ?? empty)),
        body: def.body ? def.body.parse(req.body) : undefined,
      };
      const answerOf = async (): Promise<unknown> =>
        def.response.parse(await def.handler({ ...input, viewer, req, res }));
      // The alternative (a CSV export) is rendered from a fresh answer, never a kept one.
      const cache = viewer && !def.alternative?.when(input) ? def.cache : undefined;
      let answer: unknown;
      let cached: CachedAnswer | null = null;
      try {
        if (cache && viewer) {
          cached = await cache.store.answer(cache.key(input, viewer), async () => {
            const fresh = await answerOf();
            const entities = def.audit ? def.audit(fresh, input) : [];
            return { body: JSON.stringify(fresh), entities };
          });
        } else {
          answer = await answerOf();
        }
      } catch (error) {
        if (error instanceof ForbiddenError) await audit(403, []);
        if (error instanceof NotFoundError) await audit(404, []);
        throw error;
      }
      const status = def.status ?? 200;
      if (cached) {
        await audit(status, cached.entities);
        res.status(status).type('json').send(cached.body);
        return;
      }
      const entities = def.audit ? def.audit(answer, input) : [];
      const alternative = def.alternative;
      if (alternative?.when(input)) {
        await audit(status, entities);
        const { body, filename } = alternative.render(answer);
        res.status(status).type(alternative.mediaType);
        if (filename) res.attachment(filename);
        res.send(body);
        return;
      }
      // Written out before the wait for the audit record (about a third of a request's time
      // under load), so that meanwhile the request holds one string instead of the answer's
      // thousands of objects, which every young-generation collection of the API would copy
      // again: 1-5 % more pages and neighbourhoods a second (bench/api-ab.ts, 2026-12-07).
      const body = JSON.stringify(answer);
      answer = undefined;
      await audit(status, entities);
      res.status(status).type('json').send(body);
    });
  }
  return router;
}

async function authenticate(req: Request, deps: MountDeps): Promise<Viewer> {
  const token = sessionToken(req);
  const viewer = token ? await deps.sessions.viewer(token) : null;
  if (!viewer) {
    throw new UnauthenticatedError(
      'api: sign in first (POST /api/auth/login); the session has ended or is missing',
    );
  }
  return viewer;
}

function statedPurpose(req: Request): string | null {
  const parsed = PurposeSchema.safeParse(req.get('x-purpose'));
  if (!parsed.success) {
    throw new BadInputError('api: the X-Purpose header is too long (at most 200 characters)', [
      { path: 'X-Purpose', message: 'at most 200 characters' },
    ]);
  }
  return parsed.data?.trim() || null;
}

/** A misspelt filter silently ignored would show the wrong list: unknown parameters are 400. */
function knownOnly(query: Record<string, string>, schema: z.ZodObject): Record<string, string> {
  const unknown = Object.keys(query).filter((key) => !(key in schema.shape));
  if (unknown.length > 0) {
    throw new BadInputError(
      `api: unknown query parameter ${unknown.join(', ')}; the route takes ${Object.keys(schema.shape).join(', ') || 'none'}`,
      unknown.map((key) => ({ path: key, message: 'unknown parameter' })),
    );
  }
  return query;
}

/**
 * express parses `?band=red&band=blue` into an array and `?a[b]=c` into an object; every
 * query schema takes plain strings (lists comma-separated), so repeated keys are joined and
 * nested ones refused.
 */
function flattenQuery(query: Request['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      out[key] = value.join(',');
    else
      throw new BadInputError(`api: query parameter ${key} must be a plain value`, [
        { path: key, message: 'a plain value' },
      ]);
  }
  return out;
}
