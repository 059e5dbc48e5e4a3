// Every change of an outbox message's status or lease runs under the outbox's claim lock
// (cypher/cases/outbox-lock.cypher), not only the claim. Neo4j reads are read-committed per
// property, not a snapshot: a claim that read a message's status as 'pending' just before
// another dispatcher committed 'delivered', and its lease just after (cleared), took the
// message again and sent it twice. With every transition behind the same lock, none commits
// while a claim is reading.
import type { Database } from '../../db/database.js';
import type { QueryName, QueryParams, QueryRow } from '../../db/queries.js';

export type OutboxTransition =
  | 'cases/outbox-claim'
  | 'cases/outbox-delivered'
  | 'cases/outbox-attempt-failed'
  | 'cases/outbox-release'
  | 'cases/outbox-retry';

/** Runs one outbox transition in its own write transaction, after taking the claim lock. */
export async function underOutboxLock<N extends OutboxTransition & QueryName>(
  db: Database,
  name: N,
  params: QueryParams<N>,
): Promise<QueryRow<N>[]> {
  return db.transaction('WRITE', async (run) => {
    await run('cases/outbox-lock', {});
    return run(name, params);
  });
}
