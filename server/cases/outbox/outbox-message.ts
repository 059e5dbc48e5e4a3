// What the case core writes into the outbox, inside the case's own write transaction:
//
//   await db.transaction('WRITE', async (run) => {
//     … the case change …
//     await run('cases/outbox-enqueue', outboxMessage('case.created', caseId, { … }));
//   });
//
// The body follows the Standard Webhooks payload structure: `type` (the event), `timestamp`
// (when it happened) and `data`. It is stored as JSON text and POSTed exactly as stored.
import { randomUUID } from 'node:crypto';
import type { QueryParams } from '../../db/queries.js';
import type { OutboxEvent } from './outbox-events.js';

export type OutboxMessageParams = QueryParams<'cases/outbox-enqueue'>;

export function outboxMessage(
  event: OutboxEvent,
  caseId: string,
  data: Record<string, unknown>,
  at: Date = new Date(),
): OutboxMessageParams {
  return {
    id: randomUUID(),
    event,
    caseId,
    payload: JSON.stringify({ type: event, timestamp: at.toISOString(), data }),
  };
}
