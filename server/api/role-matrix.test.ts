// The role matrix, route by route, against the real server: every route declared in routes.ts
// must appear here with the roles that may call it (written out by hand, not read from the
// declarations), and for each route and role the server must answer 401 without a session,
// 403 to a role not listed, and something other than 401/403 to a role listed.
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTestUsers,
  signIn,
  testPassword,
  userPrefix,
  type TestUser,
} from '../../test/api-users.js';
import { openTestDatabase } from '../../test/database.js';
import { SessionCache } from '../auth/session-cache.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { roles, type Role } from '../auth/roles.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { createApp } from './app.js';
import { apiRoutes } from './routes.js';

type Allowed = 'public' | 'signed-in' | readonly Role[];

const everyone = roles;
const internal = ['internal_fraud', 'admin'] as const;
const caseWorkers = ['investigator', 'internal_fraud', 'supervisor', 'admin'] as const;
const managers = ['supervisor', 'admin'] as const;
const version = () => ({ version: 1 });

/** The matrix: route → an example call and who may make it. */
const matrix: Record<
  string,
  { call: string; body?: (user: TestUser) => object; allowed: Allowed }
> = {
  'POST /auth/login': {
    call: '/api/auth/login',
    body: (user) => ({ username: user.username, password: testPassword }),
    allowed: 'public',
  },
  'POST /auth/logout': { call: '/api/auth/logout', allowed: 'signed-in' },
  'GET /auth/me': { call: '/api/auth/me', allowed: 'signed-in' },
  'GET /rankings': { call: '/api/rankings?limit=1', allowed: everyone },
  'GET /entities/:type/:id': { call: '/api/entities/employer/no-such-employer', allowed: everyone },
  'GET /entities/:type/:id/timeline': {
    call: '/api/entities/employer/no-such-employer/timeline?relation=EMPLOYED_BY',
    allowed: everyone,
  },
  'GET /network/neighbourhood': {
    call: '/api/network/neighbourhood?nodes=Employer:no-such-employer',
    allowed: everyone,
  },
  'GET /network/communities/:id': {
    call: '/api/network/communities/no-such-community',
    allowed: everyone,
  },
  'GET /network/paths': {
    call: '/api/network/paths?from=Employer:no-such-a&to=Employer:no-such-b',
    allowed: everyone,
  },
  'GET /internal/staff': { call: '/api/internal/staff?limit=1', allowed: internal },
  'GET /models': { call: '/api/models', allowed: everyone },
  'GET /audit': { call: '/api/audit?limit=1', allowed: ['supervisor', 'admin'] },
  'GET /cases/deliveries': {
    call: '/api/cases/deliveries?limit=1',
    allowed: ['supervisor', 'admin'],
  },
  'POST /cases/deliveries/:id/retry': {
    call: '/api/cases/deliveries/no-such-delivery/retry',
    allowed: ['supervisor', 'admin'],
  },
  'GET /internal/staff/:id/linked-claims': {
    call: '/api/internal/staff/no-such-official/linked-claims',
    allowed: internal,
  },
  'POST /cases': {
    call: '/api/cases',
    body: () => ({ entities: [{ type: 'employer', id: 'no-such-employer' }] }),
    allowed: caseWorkers,
  },
  'GET /cases': { call: '/api/cases?limit=1', allowed: caseWorkers },
  'GET /cases/export': {
    call: '/api/cases/export?status=closed&region=nowhere',
    allowed: managers,
  },
  'POST /cases/assign': {
    call: '/api/cases/assign',
    body: (user) => ({ cases: [{ id: 'no-such-case', version: 1 }], assignee: user.username }),
    allowed: managers,
  },
  'GET /cases/:id': { call: '/api/cases/no-such-case', allowed: caseWorkers },
  'POST /cases/:id/take': {
    call: '/api/cases/no-such-case/take',
    body: version,
    allowed: caseWorkers,
  },
  'POST /cases/:id/transition': {
    call: '/api/cases/no-such-case/transition',
    body: () => ({ version: 1, to: 'in_progress' }),
    allowed: caseWorkers,
  },
  'POST /cases/:id/comments': {
    call: '/api/cases/no-such-case/comments',
    body: () => ({ text: 'a note' }),
    allowed: caseWorkers,
  },
  'POST /cases/:id/measures': {
    call: '/api/cases/no-such-case/measures',
    body: () => ({ kind: 'visit' }),
    allowed: caseWorkers,
  },
  'POST /cases/:id/close': {
    call: '/api/cases/no-such-case/close',
    body: () => ({ version: 1, outcome: 'unfounded' }),
    allowed: caseWorkers,
  },
};

describe('role matrix', () => {
  let db: Database;
  let cookies: Record<Role, string>;
  let users: Awaited<ReturnType<typeof addTestUsers>>;
  const app = () => createApp({ db, logger: pino({ level: 'silent' }), version: 'test' });

  beforeAll(async () => {
    db = await openTestDatabase();
    users = await addTestUsers(db, userPrefix('matrix'));
    const a = app();
    cookies = Object.fromEntries(
      await Promise.all(roles.map(async (r) => [r, await signIn(a, users[r])] as const)),
    ) as Record<Role, string>;
  });
  afterAll(async () => {
    await db.close();
  });

  it('lists every declared route', () => {
    const config = loadConfig({});
    const declared = apiRoutes({
      db,
      trail: new AuditTrail(db),
      sessions: new SessionCache(db, { ttlMs: 0, idleMs: 0, cacheMs: 0 }),
      ...config,
    }).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(declared.sort()).toEqual(Object.keys(matrix).sort());
  });

  for (const [name, { call, body, allowed }] of Object.entries(matrix)) {
    const method = name.split(' ')[0]?.toLowerCase() as 'get' | 'post';
    const send = (cookie?: string, user?: TestUser) => {
      let r = request(app())[method](call);
      if (cookie) r = r.set('Cookie', cookie);
      return body && user ? r.send(body(user)) : r;
    };

    it(`${name}: ${allowed === 'public' ? 'anyone' : allowed === 'signed-in' ? 'any signed-in user' : allowed.join(', ')}`, async () => {
      if (allowed !== 'public') expect((await send()).status).toBe(401);
      for (const role of everyone) {
        // Logging out ends a session: that route gets a fresh one, the others share theirs.
        const cookie =
          name === 'POST /auth/logout' ? await signIn(app(), users[role]) : cookies[role];
        const status = (await send(cookie, users[role])).status;
        const may = allowed === 'public' || allowed === 'signed-in' || allowed.includes(role);
        if (may)
          expect([401, 403], `${role} should be let in, got ${status}`).not.toContain(status);
        else expect(status, `${role} should get 403`).toBe(403);
      }
    });
  }
});
