// The accounts, sessions and login rate-limit queries (cypher/auth/). Times are epoch
// milliseconds. Spread into `queries` (queries.ts).
import { z } from 'zod';
import { RoleSchema } from '../auth/roles.js';
import { query } from './query-def.js';

const username = z.string();
const ms = z.number();
const done = z.object({ done: z.number() });

export const authQueries = {
  'auth/user-add': query(
    z.object({ username, role: RoleSchema, passwordHash: z.string(), now: ms }),
    z.object({ username, role: RoleSchema, created: z.boolean() }),
  ),
  'auth/user-list': query(
    z.object({}),
    z.object({
      username,
      role: RoleSchema,
      disabled: z.boolean(),
      createdAt: ms,
      lastLoginAt: ms.nullable(),
    }),
  ),
  'auth/user-set-disabled': query(
    z.object({ username, disabled: z.boolean() }),
    z.object({ username, disabled: z.boolean() }),
  ),
  'auth/user-set-password': query(
    z.object({ username, passwordHash: z.string() }),
    z.object({ username }),
  ),
  'auth/user-credentials': query(
    z.object({ username }),
    z.object({ username, role: RoleSchema, passwordHash: z.string(), disabled: z.boolean() }),
  ),
  'auth/session-create': query(
    z.object({ id: z.string(), username, now: ms, expiresAt: ms }),
    done,
  ),
  'auth/session-lookup': query(
    z.object({ id: z.string(), now: ms, idleSince: ms }),
    z.object({ username, role: RoleSchema, lastSeen: ms, expiresAt: ms }),
  ),
  'auth/session-touch': query(z.object({ id: z.string(), now: ms }), done),
  'auth/session-delete': query(z.object({ id: z.string() }), done),
  'auth/rate-limit-hit': query(
    z.object({ key: z.string(), now: ms, resetAt: ms }),
    z.object({ hits: z.number(), resetAt: ms }),
  ),
  'auth/rate-limit-undo': query(z.object({ key: z.string() }), done),
  'auth/rate-limit-reset': query(z.object({ key: z.string() }), done),
} as const;
