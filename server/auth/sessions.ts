// Sessions behind the httpOnly cookie: a random 256-bit token goes to the browser; the database
// keeps only its SHA-256, with an absolute expiry and an idle timeout, so any server instance
// can check a session and nothing usable leaks from a database dump.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { verifyPassword } from './passwords.js';
import type { Viewer } from './roles.js';

export interface SessionPolicy {
  /** A session ends this long after login, however active. */
  ttlMs: number;
  /** …or after this long without a request. */
  idleMs: number;
}

export interface OpenedSession {
  token: string;
  viewer: Viewer;
  expiresAt: Date;
}

/** lastSeen is written at most once a minute per session: reads stay reads. */
const touchEveryMs = 60_000;

/** Checked when the user name does not exist, so a wrong name costs as long as a wrong password. */
const decoyHash =
  'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Opens a session when the name and password match an enabled account; otherwise null. */
export async function login(
  db: Database,
  username: string,
  password: string,
  policy: SessionPolicy,
): Promise<OpenedSession | null> {
  const [account] = await db.read('auth/user-credentials', { username });
  const matches = await verifyPassword(password, account?.passwordHash ?? decoyHash);
  if (!account || !matches || account.disabled) return null;
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = now + policy.ttlMs;
  await db.write('auth/session-create', { id: sessionId(token), username, now, expiresAt });
  return { token, viewer: { username, role: account.role }, expiresAt: new Date(expiresAt) };
}

/** The user of a live session, or null (unknown, expired, idle, or the account disabled). */
export async function sessionViewer(
  db: Database,
  token: string,
  policy: SessionPolicy,
): Promise<Viewer | null> {
  return (await liveSession(db, token, policy))?.viewer ?? null;
}

/** A live session's user and absolute expiry (epoch ms), or null. */
export async function liveSession(
  db: Database,
  token: string,
  policy: SessionPolicy,
): Promise<{ viewer: Viewer; expiresAt: number } | null> {
  const id = sessionId(token);
  const now = Date.now();
  const [row] = await db.read('auth/session-lookup', { id, now, idleSince: now - policy.idleMs });
  if (!row) return null;
  if (now - row.lastSeen > touchEveryMs) await db.write('auth/session-touch', { id, now });
  return { viewer: { username: row.username, role: row.role }, expiresAt: row.expiresAt };
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.write('auth/session-delete', { id: sessionId(token) });
}
