// The database goes away under a running server: requests get 503 (never 401 or 500), and
// when the database is back the same server answers 200 again, without a restart. Runs on an
// embedded instance of its own, stopped and started by the test.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addTestUsers, signIn, userPrefix } from '../../test/api-users.js';
import { testEmbeddedSettings } from '../../test/neo4j-test-env.js';
import { loadConfig, type EmbeddedNeo4j } from '../config.js';
import { connectionFor } from '../db/connection.js';
import { Database } from '../db/database.js';
import { startInstance, stopInstance } from '../db/embedded/instance.js';
import { freePort } from '../db/embedded/process-info.js';
import { migrate } from '../db/migrate.js';
import { createApp } from './app.js';
import { ErrorBodySchema } from './errors.js';

const embeddedHome = inject('embeddedHome');

describe.skipIf(embeddedHome === null)('database outage', () => {
  let settings: EmbeddedNeo4j;
  let db: Database;

  beforeAll(async () => {
    settings = {
      ...testEmbeddedSettings(),
      home: embeddedHome ?? '',
      instance: 'outage',
      boltPort: await freePort(),
    };
    await startInstance(settings);
    db = await Database.open(await connectionFor(settings), undefined, 'interactive');
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    if (settings) await stopInstance(settings);
  });

  it('answers 503 while the database is down and recovers by itself when it is back', async () => {
    // Without the caches, every request reaches the database (with them, a session checked in
    // the last seconds would still be believed while it is down).
    const app = createApp({
      db,
      logger: pino({ level: 'silent' }),
      version: 'test',
      auth: { ...loadConfig({}).auth, sessionCacheMs: 0 },
      views: { rankingsCacheMs: 0 },
    });
    const users = await addTestUsers(db, userPrefix('outage'));
    const cookie = await signIn(app, users.supervisor);
    expect((await request(app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);

    await stopInstance(settings);
    const health = await request(app).get('/api/health');
    expect(health.status).toBe(503);
    for (const path of ['/api/auth/me', '/api/audit']) {
      const down = await request(app).get(path).set('Cookie', cookie);
      expect(down.status).toBe(503);
      const body = ErrorBodySchema.parse(down.body);
      expect(body.error.code).toBe('database_unavailable');
      expect(down.text).not.toMatch(/at \S+ \(/);
    }

    await startInstance(settings);
    expect((await request(app).get('/api/health')).status).toBe(200);
    expect((await request(app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    expect((await request(app).get('/api/audit').set('Cookie', cookie)).status).toBe(200);
  }, 300_000); // stopping and starting Neo4j takes a minute or more on a busy machine
});
