// The case webhook's transactional outbox (cypher/cases/outbox-*.cypher): enqueued inside the
// case's own write transaction, claimed under a lease, marked delivered or failed, listed and
// retried. Spread into `queries` (queries.ts).
import { z } from 'zod';
import { OutboxEventSchema, OutboxStatusSchema } from '../cases/outbox/outbox-events.js';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const count = z.number().int().nonnegative();
const isoTime = z.iso.datetime({ offset: true });
const owner = z.string().min(1);
/** The stored message as the database returns it (properties, times as ISO strings). */
const stored = z.object({ outbox: z.record(z.string(), z.unknown()) });

export const outboxQueries = {
  'cases/outbox-enqueue': query(
    z.object({
      id: z.string().min(1).max(100),
      event: OutboxEventSchema,
      caseId: z.string().min(1).max(100),
      payload: z.string(),
    }),
    z.object({ id: z.string() }),
  ),
  'cases/outbox-lock': query(z.object({}), z.object({ id: z.string() })),
  'cases/outbox-claim': query(
    z.object({
      now: isoTime,
      leaseUntil: isoTime,
      owner,
      scope: z.string(),
      exclude: z.array(z.string()),
      limit: z.number().int().positive().pipe(integerParam),
    }),
    z.object({
      id: z.string(),
      event: OutboxEventSchema,
      caseId: z.string(),
      payload: z.string(),
      attempts: count,
    }),
  ),
  'cases/outbox-delivered': query(
    z.object({ id: z.string(), owner, now: isoTime, status: z.number().int().pipe(integerParam) }),
    z.object({ id: z.string() }),
  ),
  'cases/outbox-attempt-failed': query(
    z.object({
      id: z.string(),
      owner,
      now: isoTime,
      nextAttemptAt: isoTime,
      status: z.number().int().pipe(integerParam).nullable(),
      error: z.string(),
      maxAttempts: z.number().int().positive().pipe(integerParam),
    }),
    z.object({
      id: z.string(),
      status: OutboxStatusSchema,
      attempts: count,
      nextAttemptAt: z.string(),
    }),
  ),
  'cases/outbox-release': query(
    z.object({ ids: z.array(z.string()), owner }),
    z.object({ released: count }),
  ),
  'cases/outbox-list': query(
    z.object({
      status: OutboxStatusSchema.nullable(),
      caseId: z.string().nullable(),
      event: OutboxEventSchema.nullable(),
      before: z.string().nullable(),
      limit: z.number().int().positive().pipe(integerParam),
    }),
    stored,
  ),
  'cases/outbox-retry': query(
    z.object({ id: z.string(), now: isoTime, by: z.string().min(1) }),
    stored.extend({ was: OutboxStatusSchema }),
  ),
} as const;
