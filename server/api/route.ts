// A route is declared once, as data: method, path, who may call it, the zod schemas of its
// path parameters, query, body and answer, whether it touches personal data (then every call
// is in the audit trail, naming the entities), and the handler. The same declaration mounts
// the express route (server/api/mount.ts), enforces the roles, and writes the OpenAPI document
// (server/api/openapi.ts), so the three cannot drift apart.
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Role, Viewer } from '../auth/roles.js';
import type { AnswerCache } from './answer-cache.js';

/** Who may call a route: anyone, any signed-in user, or only these roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type AnyObject = z.ZodObject;

export interface RouteInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
}

export interface RouteContext<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
> extends RouteInput<P, Q, B> {
  /** null only on public routes. */
  viewer: Viewer | null;
  req: Request;
  res: Response;
}

export interface RouteDef<
  P extends AnyObject = AnyObject,
  Q extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: Method;
  /** Express style, under /api: `/entities/:type/:id`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Middleware run before the route's own checks (the login rate limit). */
  before?: RequestHandler[];
  /** Success status (200 unless said). */
  status?: number;
  /**
   * Set on every route that reads or changes personal data: the keys (`Employer:E1`) of the
   * entities the answer concerns. Every call — answered, refused or not found — is audited.
   */
  audit?: (answer: z.infer<R>, input: RouteInput<P, Q, B>) => string[];
  /** The route can answer 409 (a stale version, a move the current state does not allow). */
  conflicts?: boolean;
  /**
   * Another representation of the answer (an export as CSV): when `when` holds for the input,
   * the answer — still checked against `response` and audited — is sent as `render` makes it.
   */
  alternative?: {
    mediaType: string;
    when: (input: RouteInput<P, Q, B>) => boolean;
    render: (answer: z.infer<R>) => { body: string; filename?: string };
  };
  /**
   * Answers kept in memory while their data stays the same (answer-cache.ts), under a key made
   * of the input and whatever of the viewer changes the answer. A cached route's handler must
   * not depend on anything else, nor use `req` and `res`: one call answers every request for a
   * key that arrives while it runs. Access, input checks and the audit record are per request.
   */
  cache?: {
    store: AnswerCache;
    key: (input: RouteInput<P, Q, B>, viewer: Viewer) => string;
  };
  handler: (context: RouteContext<P, Q, B>) => Promise<z.input<R>>;
}

/** Declares a route (an identity function, for type inference of the handler). */
export function route<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  R extends z.ZodType,
>(def: RouteDef<P, Q, B, R>): RouteDef {
  return def;
}

export function allows(access: Access, viewer: Viewer | null): boolean {
  if (access === 'public') return true;
  if (viewer === null) return false;
  return access === 'signed-in' || access.includes(viewer.role);
}
