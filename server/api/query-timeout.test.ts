// A request whose query runs past the API's time limit (RINGWATCH_API_QUERY_TIMEOUT_SECONDS)
// gets 504 with a message naming the setting, never 500 or a stack trace, and the same server
// answers the next request. The person page's query is replaced by an endless one
// (test/edited-cypher.ts); every other query is the project's.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUsers, signIn, userPrefix, type TestUser } from '../../test/api-users.js';
import { openTestDatabase } from '../../test/database.js';
import { withEditedCypher } from '../../test/edited-cypher.js';
import type { Role } from '../auth/roles.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createApp } from './app.js';
import { ErrorBodySchema } from './errors.js';

const endlessPersonPage = `// params: $id, $cap, $listCap
UNWIND range(1, 4000000000) AS x
WITH x WHERE x = -1 AND $id IS NOT NULL AND $cap > 0 AND $listCap > 0
RETURN apoc.convert.toJson({x: x}) AS json
`;

const appOf = (db: Database) =>
  createApp({
    db,
    logger: pino({ level: 'silent' }),
    version: 'test',
    // Every request checks its session in the database (none is believed from memory).
    auth: { ...loadConfig({}).auth, sessionCacheMs: 0 },
    views: { rankingsCacheMs: 0 },
  });

describe('a request past the time limit for a query', () => {
  let db: Database;
  let users: Record<Role, TestUser>;
  let cookie: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    users = await addTestUsers(db, userPrefix('query-timeout'));
    // Signed in through a server without the limit (the session lives in the database), which
    // also plans the session check: the first planning on a busy, fresh Neo4j can take seconds.
    const unlimited = appOf(db);
    cookie = await signIn(unlimited, users.investigator);
    expect((await request(unlimited).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
  });
  afterAll(async () => {
    await db.close();
  });

  it('gets 504 naming the setting, and the server answers the next request', async () => {
    await withEditedCypher(
      { 'views/entity-person.cypher': endlessPersonPage },
      async (limited) => {
        const app = appOf(limited);
        // The session check passes under the limit: the 504 below is the page's query.
        expect((await request(app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
        const slow = await request(app).get('/api/entities/person/P1').set('Cookie', cookie);
        expect(slow.status).toBe(504);
        const body = ErrorBodySchema.parse(slow.body);
        expect(body.error.code).toBe('database_timeout');
        expect(body.error.message).toMatch(
          /ran past the 2 s .*\(RINGWATCH_API_QUERY_TIMEOUT_SECONDS\)/,
        );
        expect(slow.text).not.toMatch(/at \S+ \(/);
        const after = await request(app).get('/api/auth/me').set('Cookie', cookie);
        expect(after.status).toBe(200);
        expect((after.body as { username?: unknown }).username).toBe(users.investigator.username);
      },
      // One connection: the request after can be answered only if Neo4j freed it.
      { profile: 'interactive', connection: { apiQueryTimeoutMs: 2_000, apiConnections: 1 } },
    );
  }, 60_000);
});
