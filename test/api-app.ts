// The API as the HTTP tests use it: the app on a test's database (a silent log, the control
// group off), and GET and POST as a role, with the session cookie `signIn` (test/api-users.ts)
// put in `cookie` for it.
import type { Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../server/api/app.js';
import type { Role } from '../server/auth/roles.js';
import type { Database } from '../server/db/database.js';

/** `db` is read at each request: tests open their database in `beforeAll`. */
export function testApi(db: () => Database) {
  const cookie: Partial<Record<Role, string>> = {};
  const app = (): Express =>
    createApp({
      db: db(),
      logger: pino({ level: 'silent' }),
      version: 'test',
      cases: { controlShare: 0 },
    });
  const as = (role: Role) => ({
    get: (path: string) =>
      request(app())
        .get(path)
        .set('Cookie', cookie[role] ?? ''),
    post: (path: string, body: object) =>
      request(app())
        .post(path)
        .set('Cookie', cookie[role] ?? '')
        .send(body),
  });
  return { app, as, cookie };
}
