// An error as it crosses from a worker thread to the thread that started it (errors lose their
// class on the way): what the command line and the API look at, and the rebuilt error.
import { DatabaseUnavailableError, RingwatchError } from '../errors.js';

/** An error as it crosses from the thread: what the command line and the API look at. */
export interface CrossingError {
  name: string;
  message: string;
  stack: string | undefined;
  /** Neo4j's status code, when the database refused the work. */
  code: string | undefined;
  /** Whether it was a RingwatchError (a clear message, printed on one line). */
  ringwatch: boolean;
  unavailable: boolean;
}

export function crossingError(error: unknown): CrossingError {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    code: typeof code === 'string' ? code : undefined,
    ringwatch: e instanceof RingwatchError,
    unavailable: e instanceof DatabaseUnavailableError,
  };
}

/** The thread's error, of the same kind where it was one of ours. */
export function rebuilt(crossed: CrossingError): Error {
  const error = crossed.unavailable
    ? new DatabaseUnavailableError(crossed.message)
    : crossed.ringwatch
      ? new RingwatchError(crossed.message)
      : new Error(crossed.message);
  error.name = crossed.name;
  if (crossed.stack !== undefined) error.stack = crossed.stack;
  if (crossed.code !== undefined) Object.assign(error, { code: crossed.code });
  return error;
}
