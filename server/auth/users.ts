// Local accounts (`ringwatch users add|list|disable|password`, the demo's one user per role):
// stored as (:User) nodes with a scrypt hash, so every server instance sees the same accounts.
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { hashPassword } from './passwords.js';
import type { Role } from './roles.js';

export const UsernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, '2–40 characters: lower-case letters, digits, . _ -');

/** NIST SP 800-63B: at least 12 characters for a password chosen by the user; at most 256. */
export const PasswordSchema = z
  .string()
  .min(12, 'at least 12 characters')
  .max(256, 'at most 256 characters');

export interface UserSummary {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export async function addUser(
  db: Database,
  input: { username: string; role: Role; password: string },
): Promise<void> {
  const username = parseField(UsernameSchema, input.username, 'username');
  const password = parseField(PasswordSchema, input.password, 'password');
  const [row] = await db.write('auth/user-add', {
    username,
    role: input.role,
    passwordHash: await hashPassword(password),
    now: Date.now(),
  });
  if (!row?.created) {
    throw new BadInputError(
      `users: ${username} already exists; choose another name, or change its password with \`ringwatch users password ${username}\``,
    );
  }
}

export async function listUsers(db: Database): Promise<UserSummary[]> {
  const rows = await db.read('auth/user-list', {});
  return rows.map((r) => ({
    username: r.username,
    role: r.role,
    disabled: r.disabled,
    createdAt: new Date(r.createdAt).toISOString(),
    lastLoginAt: r.lastLoginAt === null ? null : new Date(r.lastLoginAt).toISOString(),
  }));
}

export async function setDisabled(
  db: Database,
  username: string,
  disabled: boolean,
): Promise<void> {
  const rows = await db.write('auth/user-set-disabled', { username, disabled });
  if (rows.length === 0) throw unknownUser(username);
}

export async function setPassword(db: Database, username: string, password: string): Promise<void> {
  const checked = parseField(PasswordSchema, password, 'password');
  const rows = await db.write('auth/user-set-password', {
    username,
    passwordHash: await hashPassword(checked),
  });
  if (rows.length === 0) throw unknownUser(username);
}

function unknownUser(username: string): NotFoundError {
  return new NotFoundError(`users: no user ${username}; \`ringwatch users list\` shows them`);
}

function parseField<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.map((i) => i.message).join('; ');
  throw new BadInputError(`users: ${field}: ${message}`, [{ path: field, message }]);
}
