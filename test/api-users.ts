// Accounts for API tests: one user per role under a test's own prefix, and signing in through
// the real login route to get the session cookie.
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { addUser } from '../server/auth/users.js';
import { roles, type Role } from '../server/auth/roles.js';
import type { Database } from '../server/db/database.js';

export const testPassword = 'correct horse battery staple';

export interface TestUser {
  username: string;
  role: Role;
}

/** A fresh prefix (lower-case, valid in user names) so tests never share accounts. */
export function userPrefix(name: string): string {
  return `${name}-${randomBytes(3).toString('hex')}`;
}

export async function addTestUsers(db: Database, prefix: string): Promise<Record<Role, TestUser>> {
  const entries = await Promise.all(
    roles.map(async (role) => {
      const username = `${prefix}-${role.replace('_', '-')}`;
      await addUser(db, { username, role, password: testPassword });
      return [role, { username, role }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Role, TestUser>;
}

/** Signs in and returns the `Cookie` header value for the session. */
export async function signIn(app: Express, user: TestUser): Promise<string> {
  const response = await request(app)
    .post('/api/auth/login')
    .send({ username: user.username, password: testPassword });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${user.username} failed: ${response.status} ${response.text}`);
  }
  const setCookie = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = setCookie?.[0]?.split(';')[0];
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie;
}

/**
 * Accounts of every role under a fresh prefix from `name`, with the given roles signed in: their
 * cookies are put in `cookie`.
 */
export async function signInRoles(
  app: Express,
  db: Database,
  name: string,
  signedIn: readonly Role[],
  cookie: Partial<Record<Role, string>>,
): Promise<Record<Role, TestUser>> {
  const users = await addTestUsers(db, userPrefix(name));
  for (const role of signedIn) cookie[role] = await signIn(app, users[role]);
  return users;
}
