import { randomInt } from 'node:crypto';
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
import { addUser, setDisabled, setPassword } from '../auth/users.js';
import { loadConfig, type AuthSettings } from '../config.js';
import type { Database } from '../db/database.js';
import { BadInputError } from '../errors.js';
import { createApp } from './app.js';
import { ErrorBodySchema } from './errors.js';

const logger = pino({ level: 'silent' });
const errorCode = (body: unknown) => ErrorBodySchema.parse(body).error.code;
const defaults = loadConfig({}).auth;

describe('sign-in, sessions and accounts', () => {
  let db: Database;
  let users: Record<string, TestUser>;
  const app = (auth: Partial<AuthSettings> = {}) =>
    createApp({ db, logger, version: 'test', auth: { ...defaults, ...auth } });

  beforeAll(async () => {
    db = await openTestDatabase();
    users = await addTestUsers(db, userPrefix('auth'));
  });
  afterAll(async () => {
    await db.close();
  });

  it('signs in with an httpOnly SameSite=Strict cookie, knows the user, and signs out', async () => {
    const a = app();
    const login = await request(a)
      .post('/api/auth/login')
      .send({ username: users.analyst?.username, password: testPassword });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ username: users.analyst?.username, role: 'analyst' });
    const setCookie = (login.headers['set-cookie'] as unknown as string[])[0] ?? '';
    expect(setCookie).toMatch(/^ringwatch_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api');
    const cookie = setCookie.split(';')[0] ?? '';

    const me = await request(a).get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ username: users.analyst?.username, role: 'analyst' });

    expect((await request(a).post('/api/auth/logout').set('Cookie', cookie)).status).toBe(200);
    const after = await request(a).get('/api/auth/me').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(errorCode(after.body)).toBe('unauthenticated');
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const a = app();
    const ip = `198.51.100.${randomInt(1, 250)}`;
    const wrong = await request(a)
      .post('/api/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: users.analyst?.username, password: 'not the password' });
    const unknown = await request(a)
      .post('/api/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ username: 'nobody-here', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a forged or missing cookie with 401', async () => {
    const a = app();
    expect((await request(a).get('/api/auth/me')).status).toBe(401);
    const forged = await request(a)
      .get('/api/auth/me')
      .set('Cookie', 'ringwatch_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.status).toBe(401);
  });

  it('ends sessions at their expiry and after idling', async () => {
    const expired = app({ sessionTtlMs: 0 });
    const cookie = await signIn(expired, users.investigator as TestUser);
    expect((await request(expired).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);

    const idle = app({ sessionIdleMs: 0 });
    const idleCookie = await signIn(idle, users.investigator as TestUser);
    expect((await request(idle).get('/api/auth/me').set('Cookie', idleCookie)).status).toBe(401);
    // The same session is fine for a server with the default idle time.
    expect((await request(app()).get('/api/auth/me').set('Cookie', idleCookie)).status).toBe(200);
  });

  it('ends the sessions of a disabled account at once and refuses its sign-in', async () => {
    const a = app();
    const prefix = userPrefix('dis');
    const user = { username: `${prefix}-u`, role: 'investigator' as const };
    await addUser(db, { ...user, password: testPassword });
    const cookie = await signIn(a, user);
    await setDisabled(db, user.username, true);
    expect((await request(a).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    await expect(signIn(a, user)).rejects.toThrow(/401/);
    await setDisabled(db, user.username, false);
    expect((await signIn(a, user)).length).toBeGreaterThan(20);
  });

  it('ends the sessions of an account whose password changes', async () => {
    const a = app();
    const user = { username: `${userPrefix('pw')}-u`, role: 'analyst' as const };
    await addUser(db, { ...user, password: testPassword });
    const cookie = await signIn(a, user);
    await setPassword(db, user.username, 'a brand new passphrase');
    expect((await request(a).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    const relogin = await request(a)
      .post('/api/auth/login')
      .send({ username: user.username, password: 'a brand new passphrase' });
    expect(relogin.status).toBe(200);
  });

  it('refuses bad account input: taken names, short passwords, unknown names', async () => {
    await expect(
      addUser(db, { username: users.admin?.username ?? '', role: 'admin', password: testPassword }),
    ).rejects.toThrow(/already exists/);
    await expect(
      addUser(db, { username: `${userPrefix('short')}`, role: 'admin', password: 'short' }),
    ).rejects.toBeInstanceOf(BadInputError);
    await expect(
      addUser(db, { username: 'Bad Name!', role: 'admin', password: testPassword }),
    ).rejects.toBeInstanceOf(BadInputError);
    await expect(setDisabled(db, 'no-such-user-here', true)).rejects.toThrow(/no user/);
  });

  it('rate-limits failed sign-ins per client address, shared through the database', async () => {
    // Behind a proxy on loopback, X-Forwarded-For is the client: a fresh address per run.
    const ip = `203.0.113.${randomInt(1, 250)}`;
    const limited = { loginAttempts: 3, loginWindowMs: 60 * 60_000 };
    const first = app(limited);
    const second = app(limited); // another server instance on the same database
    const attempt = (a: ReturnType<typeof app>, password: string) =>
      request(a)
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ username: users.supervisor?.username, password });
    expect((await attempt(first, testPassword)).status).toBe(200); // successes do not count
    expect((await attempt(first, 'wrong one')).status).toBe(401);
    expect((await attempt(second, 'wrong two')).status).toBe(401);
    expect((await attempt(first, 'wrong three')).status).toBe(401);
    const blocked = await attempt(second, testPassword);
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked.body)).toBe('too_many_requests');
    // Another address is not affected.
    const other = await request(first)
      .post('/api/auth/login')
      .set('X-Forwarded-For', `192.0.2.${randomInt(1, 250)}`)
      .send({ username: users.supervisor?.username, password: testPassword });
    expect(other.status).toBe(200);
  });

  it('answers writes that are not JSON with 400, and sets security headers', async () => {
    const a = app();
    const form = await request(a)
      .post('/api/auth/login')
      .type('form')
      .send({ username: 'x', password: 'y' });
    expect(form.status).toBe(400);
    const health = await request(a).get('/api/health');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-powered-by']).toBeUndefined();
    // Answers are never stored, so they carry no ETag to revalidate with.
    expect(health.headers['cache-control']).toBe('no-store');
    expect(health.headers.etag).toBeUndefined();
  });
});
