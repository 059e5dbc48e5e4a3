// Which of Neo4j's failures are a time limit's (the real database's codes are checked in
// query-timeout.test.ts); nothing else is reported as one.
import { describe, expect, it } from 'vitest';
import { QueryTimeoutError } from '../errors.js';
import { timeLimitError } from './time-limit.js';

const failure = (code: string) => Object.assign(new Error(code), { code });

describe('timeLimitError', () => {
  it("reports the API server's limit, naming its setting, and keeps the failure as the cause", () => {
    const cause = failure('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration');
    const error = timeLimitError(cause, 15_200, 15_000);
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect(error?.message).toMatch(
      /ran past the 15 s .*\(RINGWATCH_API_QUERY_TIMEOUT_SECONDS\).*narrow the request/,
    );
    expect(error?.cause).toBe(cause);
  });

  it('reports a lock wait stopped at the limit as one, and one stopped before it as it is', () => {
    const stopped = failure('Neo.ClientError.Transaction.LockClientStopped');
    expect(timeLimitError(stopped, 15_000, 15_000)?.message).toMatch(
      /waited past the 15 s .*for a lock that another transaction held.*try again/,
    );
    // Before the limit, someone else stopped it (an administrator terminating the transaction).
    expect(timeLimitError(stopped, 14_999, 15_000)).toBeUndefined();
    expect(timeLimitError(stopped, 60_000, undefined)).toBeUndefined();
  });

  it("names the database's own limit when that stopped the query, with or without the API's", () => {
    const stopped = failure('Neo.ClientError.Transaction.TransactionTimedOut');
    expect(timeLimitError(stopped, 100, 15_000)?.message).toMatch(/db\.transaction\.timeout/);
    expect(timeLimitError(stopped, 100, undefined)?.message).toMatch(/db\.transaction\.timeout/);
  });

  it('leaves every other failure alone', () => {
    for (const code of [
      'Neo.ClientError.Transaction.Terminated',
      'Neo.TransientError.Transaction.DeadlockDetected',
      'Neo.ClientError.Statement.SyntaxError',
    ]) {
      expect(timeLimitError(failure(code), 60_000, 15_000)).toBeUndefined();
    }
    expect(timeLimitError(new Error('no code'), 60_000, 15_000)).toBeUndefined();
    expect(timeLimitError(null, 60_000, 15_000)).toBeUndefined();
  });
});
