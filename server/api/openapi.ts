// GET /api/openapi.json: the OpenAPI 3.1 document, generated from the same route declarations
// and zod schemas that validate the requests and answers (zod-openapi).
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { z } from 'zod';
import { ErrorBodySchema } from './errors.js';
import { HealthSchema } from './health.js';
import type { RouteDef } from './route.js';
import { sessionCookieName } from './session-cookie.js';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
});

export function openApiDocument(
  routes: readonly RouteDef[],
  version: string,
): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {
    '/api/health': {
      get: {
        tags: ['health'],
        summary: 'Is the server up and its database reachable (503 when not)',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: HealthSchema } } },
          '503': {
            description: 'database unreachable',
            content: { 'application/json': { schema: HealthSchema } },
          },
        },
      },
    },
  };
  for (const def of routes) {
    const path = `/api${def.path.replace(/:(\w+)/g, '{$1}')}`;
    const signedIn = def.access !== 'public';
    const operation: ZodOpenApiOperationObject = {
      tags: [def.tag],
      summary: def.summary,
      ...(def.description ? { description: def.description } : {}),
      ...(signedIn ? { security: [{ session: [] }] } : { security: [] }),
      'x-roles':
        def.access === 'public' || def.access === 'signed-in' ? def.access : [...def.access],
      'x-audited': def.audit !== undefined,
      requestParams: {
        ...(def.params ? { path: def.params } : {}),
        ...(def.query ? { query: def.query } : {}),
        ...(def.audit
          ? {
              header: z.object({
                'x-purpose': z
                  .string()
                  .max(200)
                  .optional()
                  .meta({ description: 'why you look (recorded in the audit trail)' }),
              }),
            }
          : {}),
      },
      ...(def.body
        ? { requestBody: { content: { 'application/json': { schema: def.body } } } }
        : {}),
      responses: {
        [String(def.status ?? 200)]: {
          description: 'success',
          content: {
            'application/json': { schema: def.response },
            ...(def.alternative ? { [def.alternative.mediaType]: { schema: z.string() } } : {}),
          },
        },
        ...(def.path.includes(':') ? { '404': errorResponse('no such entity or case') } : {}),
        ...(def.conflicts
          ? { '409': errorResponse('a stale version, or not allowed in the current state') }
          : {}),
        '400': errorResponse('bad input: see error.fields'),
        ...(signedIn ? { '401': errorResponse('not signed in, or the session ended') } : {}),
        ...(Array.isArray(def.access)
          ? { '403': errorResponse('this role may not call the route') }
          : {}),
        '503': errorResponse('database unreachable'),
        '504': errorResponse(
          'the database took longer than the server allows one query (RINGWATCH_API_QUERY_TIMEOUT_SECONDS)',
        ),
      },
    };
    paths[path] = { ...paths[path], [def.method]: operation };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'ringwatch API',
      version,
      description:
        'Rankings, entities, network views and paths over the employer–worker–benefit graph. Sign in with POST /api/auth/login; the session is an httpOnly cookie. Every read of personal data is in the audit trail.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName } },
    },
    paths,
  });
}
