// The deliveries as supervisors see them (GET /api/cases/deliveries, `ringwatch cases
// deliveries`): every outbox message with its state, attempts and last error, newest first,
// never its payload (it may name an official, whom a supervisor may not see). And the way back
// from 'failed': retryDelivery puts a failed message back to pending, due at once, with a fresh
// round of attempts; the history (attempts in all, retries, who retried and when) is kept.
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { BadInputError, ConflictError, NotFoundError } from '../../errors.js';
import { OutboxEventSchema, OutboxStatusSchema } from './outbox-events.js';
import { underOutboxLock } from './outbox-lock.js';

const time = z.string().transform((s) => new Date(s).toISOString());
const count = z.number().int().nonnegative();

export const DeliverySchema = z.object({
  id: z.string().meta({ description: 'the outbox id, sent as the webhook-id header' }),
  event: OutboxEventSchema,
  caseId: z.string(),
  status: OutboxStatusSchema,
  attempts: count.meta({ description: 'attempts in the current round (a retry starts a new one)' }),
  attemptsTotal: count.meta({ description: 'attempts in all rounds' }),
  createdAt: z.string(),
  nextAttemptAt: z
    .string()
    .nullable()
    .meta({ description: 'when a pending message is tried next; null otherwise' }),
  lastAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable().meta({
    description: "the receiver's HTTP status at the last attempt; null if it never answered",
  }),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  retries: count.meta({ description: 'times a person sent it again after it failed' }),
  retriedAt: z.string().nullable(),
  retriedBy: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** An outbox node's properties as stored (absent = never set). */
const StoredOutboxSchema = z
  .object({
    id: z.string(),
    event: OutboxEventSchema,
    case_id: z.string(),
    status: OutboxStatusSchema,
    attempts: count,
    attempts_total: count.optional(),
    created_at: time,
    next_attempt_at: time,
    last_attempt_at: time.optional(),
    last_status: z.number().int().optional(),
    last_error: z.string().optional(),
    delivered_at: time.optional(),
    failed_at: time.optional(),
    retries: count.optional(),
    retried_at: time.optional(),
    retried_by: z.string().optional(),
  })
  .transform((o): Delivery => ({
    id: o.id,
    event: o.event,
    caseId: o.case_id,
    status: o.status,
    attempts: o.attempts,
    attemptsTotal: o.attempts_total ?? o.attempts,
    createdAt: o.created_at,
    nextAttemptAt: o.status === 'pending' ? o.next_attempt_at : null,
    lastAttemptAt: o.last_attempt_at ?? null,
    lastStatus: o.last_status ?? null,
    lastError: o.last_error ?? null,
    deliveredAt: o.delivered_at ?? null,
    failedAt: o.failed_at ?? null,
    retries: o.retries ?? 0,
    retriedAt: o.retried_at ?? null,
    retriedBy: o.retried_by ?? null,
  }));

export const DeliveriesQuerySchema = z.object({
  status: OutboxStatusSchema.optional().meta({ description: 'only deliveries in this state' }),
  caseId: z.string().max(100).optional().meta({ description: 'only this case’s deliveries' }),
  event: OutboxEventSchema.optional().meta({ description: 'only this event' }),
  before: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'cursor: the deliveries after (older than) this delivery id' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type DeliveriesQuery = z.input<typeof DeliveriesQuerySchema>;

export const DeliveriesPageSchema = z.object({
  deliveries: z.array(DeliverySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type DeliveriesPage = z.infer<typeof DeliveriesPageSchema>;

export async function listDeliveries(
  db: Database,
  input: DeliveriesQuery,
): Promise<DeliveriesPage> {
  const parsed = DeliveriesQuerySchema.safeParse(input);
  if (!parsed.success) {
    throw new BadInputError(
      `cases: bad deliveries filter (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const query = parsed.data;
  const rows = await db.read('cases/outbox-list', {
    status: query.status ?? null,
    caseId: query.caseId ?? null,
    event: query.event ?? null,
    before: query.before ?? null,
    limit: query.limit,
  });
  const deliveries = rows.map((r) => StoredOutboxSchema.parse(r.outbox));
  const last = deliveries[deliveries.length - 1];
  return { deliveries, nextBefore: deliveries.length === query.limit && last ? last.id : null };
}

/** Sends a failed delivery again; `by` is who asked (a user name, or `cli:<os user>`). */
export async function retryDelivery(
  db: Database,
  id: string,
  by: string,
  now: Date = new Date(),
): Promise<Delivery> {
  const [row] = await underOutboxLock(db, 'cases/outbox-retry', { id, now: now.toISOString(), by });
  if (row === undefined) {
    throw new NotFoundError(
      `cases: no delivery ${id}; list them with \`ringwatch cases deliveries\` or GET /api/cases/deliveries`,
    );
  }
  const delivery = StoredOutboxSchema.parse(row.outbox);
  if (row.was !== 'failed') {
    throw new ConflictError(
      `cases: delivery ${id} is ${row.was}, not failed; only a failed delivery can be sent again${row.was === 'pending' ? ` (it is tried next at ${delivery.nextAttemptAt})` : ''}`,
      'not_failed',
      { status: row.was },
    );
  }
  return delivery;
}
