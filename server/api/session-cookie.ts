// The session cookie: httpOnly (scripts cannot read it), SameSite=Strict (never sent on a
// request from another site, which with the JSON-only rule for writes stops cross-site request
// forgery), Secure when the request came over HTTPS, scoped to /api.
import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';

export const sessionCookieName = 'ringwatch_session';

export function sessionToken(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[sessionCookieName];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

export function setSessionCookie(req: Request, res: Response, token: string, expires: Date): void {
  res.cookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/api',
    expires,
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/api',
  });
}
