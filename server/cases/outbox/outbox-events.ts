// The outbox's vocabulary (the case queue's data model, "Transactional outbox"): which case
// events are sent to the other case systems, and the states of a message.
import { z } from 'zod';

export const outboxEvents = ['case.created', 'case.closed', 'measure.requested'] as const;
export const OutboxEventSchema = z.enum(outboxEvents);
export type OutboxEvent = z.infer<typeof OutboxEventSchema>;

/** pending: to be sent (again); delivered: a receiver answered 2xx; failed: gave up, see retry. */
export const outboxStatuses = ['pending', 'delivered', 'failed'] as const;
export const OutboxStatusSchema = z.enum(outboxStatuses);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;
