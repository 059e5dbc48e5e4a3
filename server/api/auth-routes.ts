// Sign-in, sign-out and "who am I". Logins — failed ones too, under the name tried — are in the
// audit trail; failed logins are rate-limited per client address, the counters shared by every
// server instance through the database.
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { RoleSchema } from '../auth/roles.js';
import { login, logout, type SessionPolicy } from '../auth/sessions.js';
import type { SessionCache } from '../auth/session-cache.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { AuthSettings } from '../config.js';
import type { Database } from '../db/database.js';
import { UnauthenticatedError } from '../errors.js';
import { ErrorBodySchema } from './errors.js';
import { DatabaseRateLimitStore } from './rate-limit-store.js';
import { route, type RouteDef } from './route.js';
import { signedInViewer } from './signed-in.js';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.js';

export const LoginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const MeSchema = z.object({
  username: z.string(),
  role: RoleSchema,
});

const LoggedInSchema = MeSchema.extend({ expiresAt: z.iso.datetime() });

export function authRoutes(deps: {
  db: Database;
  trail: AuditTrail;
  sessions: SessionCache;
  auth: AuthSettings;
}): RouteDef[] {
  const policy: SessionPolicy = { ttlMs: deps.auth.sessionTtlMs, idleMs: deps.auth.sessionIdleMs };
  const limiter = rateLimit({
    windowMs: deps.auth.loginWindowMs,
    limit: deps.auth.loginAttempts,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new DatabaseRateLimitStore(deps.db, 'login'),
    handler: (_req, res) => {
      res.status(429).json(
        ErrorBodySchema.parse({
          error: {
            status: 429,
            code: 'too_many_requests',
            message: `api: too many failed sign-ins from this address; wait ${Math.ceil(deps.auth.loginWindowMs / 60_000)} minutes or ask an admin`,
          },
        }),
      );
    },
  });
  const record = (user: string, role: string | null, action: string, status: number) =>
    deps.trail.append({
      at: new Date().toISOString(),
      user: user.slice(0, 64),
      role,
      action,
      path: null,
      entities: [],
      entityCount: 0,
      purpose: null,
      status,
    });

  return [
    route({
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary: 'Sign in: sets the httpOnly session cookie',
      access: 'public',
      before: [limiter],
      body: LoginSchema,
      response: LoggedInSchema,
      handler: async ({ body, req, res }) => {
        const session = await login(deps.db, body.username, body.password, policy);
        if (!session) {
          await record(body.username, null, 'login failed', 401);
          throw new UnauthenticatedError(
            'api: wrong user name or password, or the account is disabled',
          );
        }
        await record(session.viewer.username, session.viewer.role, 'login', 200);
        setSessionCookie(req, res, session.token, session.expiresAt);
        return { ...session.viewer, expiresAt: session.expiresAt.toISOString() };
      },
    }),
    route({
      method: 'post',
      path: '/auth/logout',
      tag: 'auth',
      summary: 'Sign out: ends the session and clears the cookie',
      access: 'signed-in',
      response: z.object({ ok: z.literal(true) }),
      handler: async ({ viewer, req, res }) => {
        const token = sessionToken(req);
        if (token) {
          await logout(deps.db, token);
          deps.sessions.forget(token);
        }
        if (viewer) await record(viewer.username, viewer.role, 'logout', 200);
        clearSessionCookie(req, res);
        return { ok: true as const };
      },
    }),
    route({
      method: 'get',
      path: '/auth/me',
      tag: 'auth',
      summary: 'The signed-in user and role',
      access: 'signed-in',
      response: MeSchema,
      handler: ({ viewer }) => Promise.resolve(signedInViewer(viewer)),
    }),
  ];
}
