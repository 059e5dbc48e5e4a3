// Typed errors thrown by services. They are mapped to HTTP statuses once (server/api/errors.ts)
// and to one clear line on the command line (server/cli/main.ts). Messages start with the
// module's name and say what to do.

export class RingwatchError extends Error {
  override name = 'RingwatchError';
}

/** Bad input from a caller: 400 with the field errors. */
export class BadInputError extends RingwatchError {
  override name = 'BadInputError';
  constructor(
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** No session, or it has ended: 401, sign in again. */
export class UnauthenticatedError extends RingwatchError {
  override name = 'UnauthenticatedError';
}

export class ForbiddenError extends RingwatchError {
  override name = 'ForbiddenError';
}

export class NotFoundError extends RingwatchError {
  override name = 'NotFoundError';
}

/**
 * The request conflicts with the current state of what it changes: 409. `code` says which
 * conflict (a stale version, a transition the state machine does not allow…), `current` what
 * the state is now, so a client can show it and let its user decide again.
 */
export class ConflictError extends RingwatchError {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly code: string,
    readonly current: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The database cannot be reached or refused the work: 503. */
export class DatabaseUnavailableError extends RingwatchError {
  override name = 'DatabaseUnavailableError';
}

/**
 * The database stopped a query that ran past the API server's time limit for one
 * (RINGWATCH_API_QUERY_TIMEOUT_SECONDS): 504. The query's own error is its `cause`.
 */
export class QueryTimeoutError extends RingwatchError {
  override name = 'QueryTimeoutError';
}

/** The embedded database could not be installed, started or stopped. */
export class EmbeddedDatabaseError extends RingwatchError {
  override name = 'EmbeddedDatabaseError';
}

export interface ConfigProblem {
  variable: string;
  problem: string;
  value: string | undefined;
}

export class ConfigError extends RingwatchError {
  override name = 'ConfigError';
  constructor(readonly problems: ConfigProblem[]) {
    super(
      'config: ' +
        problems
          .map(
            (p) =>
              `${p.variable}${p.value === undefined ? '' : `=${JSON.stringify(p.value)}`}: ${p.problem}`,
          )
          .join('; ') +
        ' (fix the environment variable and run again; see README, "Configuration")',
    );
  }
}
