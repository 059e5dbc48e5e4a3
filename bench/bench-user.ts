// The benchmarks' signed-in user: created with a fresh random password on each run (reset when
// it exists from an earlier one), then signed in through the API for a session cookie.
import { randomBytes } from 'node:crypto';
import type { Viewer } from '../server/auth/roles.js';
import { addUser, setPassword } from '../server/auth/users.js';
import type { Database } from '../server/db/database.js';
import { BadInputError } from '../server/errors.js';

/** Creates the user or resets its password; the new password. */
export async function benchUser(db: Database, viewer: Viewer): Promise<string> {
  const password = randomBytes(24).toString('base64url');
  try {
    await addUser(db, { ...viewer, password });
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    await setPassword(db, viewer.username, password); // it exists from an earlier run
  }
  return password;
}

/** Signs in at the API; the session cookie as `name=value`. */
export async function benchSignIn(url: string, username: string, password: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(';')[0];
  if (login.status !== 200 || !cookie) throw new Error(`bench: sign-in failed (${login.status})`);
  return cookie;
}
