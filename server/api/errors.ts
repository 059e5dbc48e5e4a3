// The one place where typed errors become HTTP responses: bad input → 400 with the field
// errors, not signed in → 401, forbidden → 403, missing → 404,
// a stale version or an illegal transition → 409, database down → 503, a query past the
// server's time limit → 504, anything else → 500 without a stack trace (the stack goes to the
// log).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import {
  BadInputError,
  ConflictError,
  DatabaseUnavailableError,
  ForbiddenError,
  NotFoundError,
  QueryTimeoutError,
  UnauthenticatedError,
} from '../errors.js';
import type { Logger } from '../logger.js';

export const ErrorBodySchema = z.object({
  error: z.object({
    status: z.number().int(),
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On 409: the current state of what the request tried to change. */
    current: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`api: no route ${req.method} ${req.path}`));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const body = toErrorBody(error);
    if (body.error.status >= 500) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    }
    res.status(body.error.status).json(body);
  };
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof BadInputError) {
    return {
      error: { status: 400, code: 'bad_input', message: error.message, fields: error.fields },
    };
  }
  if (error instanceof z.ZodError) {
    return {
      error: {
        status: 400,
        code: 'bad_input',
        message: 'api: the request does not match the schema; see fields',
        fields: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    };
  }
  if (isBodyParserError(error)) {
    return { error: { status: error.status, code: 'bad_input', message: `api: ${error.message}` } };
  }
  if (error instanceof UnauthenticatedError) {
    return { error: { status: 401, code: 'unauthenticated', message: error.message } };
  }
  if (error instanceof ForbiddenError) {
    return { error: { status: 403, code: 'forbidden', message: error.message } };
  }
  if (error instanceof NotFoundError) {
    return { error: { status: 404, code: 'not_found', message: error.message } };
  }
  if (error instanceof ConflictError) {
    return {
      error: { status: 409, code: error.code, message: error.message, current: error.current },
    };
  }
  if (error instanceof DatabaseUnavailableError) {
    return { error: { status: 503, code: 'database_unavailable', message: error.message } };
  }
  if (error instanceof QueryTimeoutError) {
    return { error: { status: 504, code: 'database_timeout', message: error.message } };
  }
  return {
    error: { status: 500, code: 'internal', message: 'api: internal error; see the server log' },
  };
}

function isBodyParserError(error: unknown): error is Error & { status: number } {
  return (
    error instanceof Error &&
    'type' in error &&
    'status' in error &&
    typeof error.status === 'number' &&
    error.status >= 400 &&
    error.status < 500
  );
}
