import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { withServer } from '../../test/http.js';
import type { Database } from '../db/database.js';
import { createApp } from './app.js';
import { HealthSchema } from './health.js';

const logger = pino({ level: 'silent' });

describe('GET /api/health', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('says ok with the version of the real database', async () => {
    const app = createApp({ db, logger, version: 'test' });
    await withServer(app, async (url) => {
      const response = await fetch(`${url}/api/health`);
      expect(response.status).toBe(200);
      const body = HealthSchema.parse(await response.json());
      expect(body.status).toBe('ok');
      if (!body.database.reachable) throw new Error('expected a reachable database');
      expect(body.database.version).toMatch(/^5\.26\./);
      if (inject('embeddedHome') !== null) expect(body.database.gds).toMatch(/^2\.13\./);
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const app = createApp({ db, logger, version: 'test' });
    await withServer(app, async (url) => {
      const response = await fetch(`${url}/api/does-not-exist`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { status: 404, code: 'not_found', message: 'api: no route GET /does-not-exist' },
      });
    });
  });

  it('answers malformed JSON with a 400 and no stack trace', async () => {
    const app = createApp({ db, logger, version: 'test' });
    await withServer(app, async (url) => {
      const response = await fetch(`${url}/api/health`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"broken',
      });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toContain('"code":"bad_input"');
      expect(text).not.toMatch(/at \S+ \(/);
    });
  });
});
