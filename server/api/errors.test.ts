// Typed errors become HTTP statuses in one place; the database's failures among them.
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, QueryTimeoutError } from '../errors.js';
import { toErrorBody } from './errors.js';

describe('toErrorBody', () => {
  it('answers an unreachable database with 503 and a query past the time limit with 504', () => {
    expect(toErrorBody(new DatabaseUnavailableError('db: down'))).toEqual({
      error: { status: 503, code: 'database_unavailable', message: 'db: down' },
    });
    expect(toErrorBody(new QueryTimeoutError('db: too slow'))).toEqual({
      error: { status: 504, code: 'database_timeout', message: 'db: too slow' },
    });
  });

  it('keeps anything else to a 500 without its message', () => {
    expect(toErrorBody(new Error('secret detail'))).toEqual({
      error: { status: 500, code: 'internal', message: 'api: internal error; see the server log' },
    });
  });
});
