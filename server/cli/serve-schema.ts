// The schema check of `ringwatch serve`: a graph that lacks some of this version's schema steps
// would be served with wrong answers (an employer's page without the jobs loaded before the
// index it reads existed), and a Neo4j without APOC Core could answer no entity page or network
// view (their rows come as JSON text: server/db/query-def.ts), so the server refuses both: at
// start-up, or, when the database does not answer then (it is still starting, or down: the API
// answers 503 meanwhile), as soon as it does.
import { setTimeout as delay } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import { isUnavailable, type Database } from '../db/database.js';
import { assertSchemaCurrent } from '../db/migrate.js';
import { QueryTimeoutError } from '../errors.js';

export type SchemaCheck = { state: 'current' } | { state: 'unchecked'; reason: string };

/**
 * Checks the graph's schema steps, and that the server sends rows as JSON text (APOC Core):
 * throws when some steps are missing or APOC Core is.
 */
export async function checkSchema(db: Database): Promise<SchemaCheck> {
  try {
    await assertSchemaCurrent(db);
    await db.assertJsonRows();
    return { state: 'current' };
  } catch (error) {
    // Not answering, answering "not yet" (a database still starting, a leader changing), or
    // too slowly (the API's time limit for a query).
    if (
      isUnavailable(error) ||
      neo4j.isRetryableError(error) ||
      error instanceof QueryTimeoutError
    ) {
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      return { state: 'unchecked', reason };
    }
    throw error;
  }
}

/**
 * Checks again every `everyMs` until the database answers: 'current' then, or throws when the
 * graph lacks steps; 'stopped' when `signal` aborts first (the server shutting down).
 */
export async function checkSchemaOnceAnswering(
  db: Database,
  signal: AbortSignal,
  everyMs = 5_000,
): Promise<'current' | 'stopped'> {
  for (;;) {
    try {
      await delay(everyMs, undefined, { signal, ref: false });
    } catch {
      return 'stopped';
    }
    if ((await checkSchema(db)).state === 'current') return 'current';
  }
}
