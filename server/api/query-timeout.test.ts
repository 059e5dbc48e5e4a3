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
    auth: loadConfig({}).auth,
    views: { rankingsCacheMs: 0 },
  });

describe('a request past the time limit for a query', () => {
  let db: Database;
  let users: Record<Role, TestUser>;
  let cookie: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    users = await addTestUsers(db, userPrefix('query-timeout'));
    // Signed in through a server without the limit: the session lives in the database.
    cookie = await signIn(appOf(db), users.investigator);
  });
  afterAll(async () => {
    await db.close();
  });

  it('gets 504 naming the setting, and the server answers the next request', async () => {
    await withEditedCypher(
      { 'views/entity-person.cypher': endlessPersonPage },
      async (limited) => {
        const app = appOf(limited);
        const slow = await request(app).get('/api/entities/person/P1').set('Cookie', cookie);
        expect(slow.status).toBe(504);
        const body = ErrorBodySchema.parse(slow.body);
        expect(body.error.code).toBe('database_timeout');
        expect(body.error.message).toMatch(
          /ran past the 2 s .*\(RINGWATCH_API_QUERY_TIMEOUT_SECONDS\)/,
        );
        expect(slow.text).not.toMatch(/at \S+ \(/);
        const me = await request(app).get('/api/auth/me').set('Cookie', cookie);
        expect(me.status).toBe(200);
        expect((me.body as { username?: unknown }).username).toBe(users.investigator.username);
      },
      // Two connections: the endless query holds one until Neo4j stops it.
      { profile: 'interactive', connection: { apiQueryTimeoutMs: 2_000, apiConnections: 2 } },
    );
  }, 60_000);
});
