import { Validator } from '@seriousme/openapi-schema-validator';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { SessionCache } from '../auth/session-cache.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createApp } from './app.js';
import { apiRoutes } from './routes.js';

describe('GET /api/openapi.json', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('is a valid OpenAPI 3.1 document describing every route, its roles and its schemas', async () => {
    const app = createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });
    const response = await request(app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { 'x-roles': unknown; responses: Record<string, unknown> }>
      >;
    };
    expect(document.openapi).toBe('3.1.0');
    const validation = await new Validator().validate(document);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);

    const routes = apiRoutes({
      db,
      trail: new AuditTrail(db),
      sessions: new SessionCache(db, { ttlMs: 0, idleMs: 0, cacheMs: 0 }),
      ...loadConfig({}),
    });
    for (const r of routes) {
      const path = `/api${r.path.replace(/:(\w+)/g, '{$1}')}`;
      const operation = document.paths[path]?.[r.method];
      expect(operation, `${r.method} ${path}`).toBeDefined();
      expect(operation?.['x-roles']).toEqual(
        typeof r.access === 'string' ? r.access : [...r.access],
      );
      expect(Object.keys(operation?.responses ?? {})).toContain('400');
    }
    expect(document.paths['/api/health']?.get).toBeDefined();
  });
});
