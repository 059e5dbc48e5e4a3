// Which failures are Neo4j stopping a query at a time limit, and what to tell the caller: the
// API server's limit for one query (RINGWATCH_API_QUERY_TIMEOUT_SECONDS, sent with each query;
// database.ts), or the database's own for every transaction (db.transaction.timeout).
import { QueryTimeoutError } from '../errors.js';

/** Past the limit the client sent with the query. */
const clientLimit = 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration';
/** Past the database's own limit (db.transaction.timeout). */
const serverLimit = 'Neo.ClientError.Transaction.TransactionTimedOut';
/**
 * A query stopped while it waited on a lock, whoever stopped it (a time limit, or an
 * administrator terminating the transaction): Neo4j 5 reports the lock, not the reason.
 */
const lockStopped = 'Neo.ClientError.Transaction.LockClientStopped';

const setting = 'RINGWATCH_API_QUERY_TIMEOUT_SECONDS';

/**
 * The error to throw for `error`, a failure `elapsedMs` after its query (or, in a managed
 * transaction, its transaction) began under `limitMs` (none for commands); undefined when it is
 * not a time limit's.
 */
export function timeLimitError(
  error: unknown,
  elapsedMs: number,
  limitMs: number | undefined,
): QueryTimeoutError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === serverLimit) {
    return new QueryTimeoutError(
      'db: the database stopped a query at its own time limit for a transaction (its setting db.transaction.timeout); narrow the request, or raise that limit',
      { cause: error },
    );
  }
  if (limitMs === undefined) return undefined;
  const seconds = `${limitMs / 1000} s`;
  if (code === clientLimit) {
    return new QueryTimeoutError(
      `db: a query ran past the ${seconds} the API server gives one (${setting}) and the ` +
        'database stopped it; narrow the request (a filter, a smaller page or depth), or raise ' +
        'the limit',
      { cause: error },
    );
  }
  if (code === lockStopped && elapsedMs >= limitMs) {
    return new QueryTimeoutError(
      `db: a query waited past the ${seconds} the API server gives one (${setting}) for a lock ` +
        'that another transaction held, and the database stopped it; try again, or raise the limit',
      { cause: error },
    );
  }
  return undefined;
}
