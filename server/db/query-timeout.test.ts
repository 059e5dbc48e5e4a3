// The API server's queries have a time limit (config.ts `apiQueryTimeoutMs`, enforced by Neo4j):
// a query past it is stopped and fails as QueryTimeoutError (504), naming the setting, and its
// connection is free again; commands' queries (the batch profile) have no limit. The slow
// queries are stand-ins written over two of the project's files (test/edited-cypher.ts).
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase, runCypher } from '../../test/database.js';
import { withEditedCypher } from '../../test/edited-cypher.js';
import { QueryTimeoutError } from '../errors.js';
import type { Database } from './database.js';

/** Counts to four billion: runs for minutes unless stopped. */
const endless = `// params: none
UNWIND range(1, 4000000000) AS x
WITH x WHERE x = -1
RETURN 'x' AS name, ['x'] AS versions, 'x' AS edition
`;

/** Takes the write lock on this test's own node (waits while another transaction holds it). */
const lockNode = (id: string) => `// params: none
MERGE (t:QueryTimeoutProbe {id: '${id}'})
SET t.at = timestamp()
RETURN apoc.convert.toJson({ok: true}) AS json
`;

const api = { profile: 'interactive', connection: { apiQueryTimeoutMs: 200, apiConnections: 1 } };

describe("the API server's time limit for one query", () => {
  const probe = `probe-${randomUUID()}`;
  afterAll(async () => {
    const db = await openTestDatabase();
    await runCypher(db, 'MATCH (t:QueryTimeoutProbe {id: $probe}) DELETE t', { probe });
    await db.close();
  });

  /** Holds the probe node's write lock until `release` is called. */
  async function holdLock(db: Database) {
    await runCypher(db, 'MERGE (:QueryTimeoutProbe {id: $probe})', { probe });
    const session = db.driver.session({ database: db.connection.database });
    const tx = session.beginTransaction();
    await tx.run('MATCH (t:QueryTimeoutProbe {id: $probe}) SET t.held = true', { probe });
    return async () => {
      await tx.rollback();
      await session.close();
    };
  }

  it('stops a read past it: a QueryTimeoutError naming the setting, the connection free', async () => {
    await withEditedCypher(
      { 'db/components.cypher': endless },
      async (db) => {
        const error = await db.read('db/components', {}).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(QueryTimeoutError);
        expect((error as Error).message).toMatch(
          /ran past the 0\.2 s .*\(RINGWATCH_API_QUERY_TIMEOUT_SECONDS\)/,
        );
        expect(((error as Error).cause as { code?: string }).code).toBe(
          'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
        );
        // The one connection is free for the next query (run without the limit: planning a query
        // on a Neo4j just started can take longer than 0.2 s).
        const next = await db.driver.executeQuery(
          'RETURN 1 AS one',
          {},
          {
            database: db.connection.database,
          },
        );
        expect(next.records[0]?.get('one')).toEqual(neo4j.int(1));
        // A transaction has the same limit.
        const inTransaction = await db
          .transaction('WRITE', (run) => run('db/components', {}))
          .catch((e: unknown) => e);
        expect(inTransaction).toBeInstanceOf(QueryTimeoutError);
      },
      api as Parameters<typeof withEditedCypher>[2],
    );
  }, 30_000);

  it('stops a write that waits on a lock past it', async () => {
    const holder = await openTestDatabase();
    const release = await holdLock(holder);
    try {
      await withEditedCypher(
        { 'db/json-rows.cypher': lockNode(probe) },
        async (db) => {
          const error = await db.writeAutoCommit('db/json-rows', {}).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(QueryTimeoutError);
          // Neo4j reports the lock, not the time limit, for a query stopped while waiting.
          expect(((error as Error).cause as { code?: string }).code).toBe(
            'Neo.ClientError.Transaction.LockClientStopped',
          );
          expect((error as Error).message).toMatch(/waited past the 0\.2 s .* for a lock/);
        },
        api as Parameters<typeof withEditedCypher>[2],
      );
    } finally {
      await release();
      await holder.close();
    }
  }, 30_000);

  it("does not limit commands' queries", async () => {
    const holder = await openTestDatabase();
    const release = await holdLock(holder);
    let released = false;
    try {
      await withEditedCypher(
        { 'db/json-rows.cypher': lockNode(probe) },
        async (db) => {
          const write = db.writeAutoCommit('db/json-rows', {}).then(() => released);
          // Neo4j checks time limits now and then (db.transaction.monitor.check.interval; in the
          // test above, a lock wait was stopped about a second after its 0.2 s): a 0.2 s limit
          // would have stopped the write within 4 s. It waits for the lock instead, and then
          // succeeds. (Should the check run later still, this shows nothing, but cannot fail.)
          await new Promise((resolve) => setTimeout(resolve, 4_000));
          released = true;
          await release();
          expect(await write).toBe(true);
        },
        { profile: 'batch', connection: { apiQueryTimeoutMs: 200 } },
      );
    } finally {
      if (!released) await release();
      await holder.close();
    }
  }, 30_000);
});
