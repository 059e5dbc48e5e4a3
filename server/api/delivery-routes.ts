// The case webhook's deliveries for supervisors and admins: which case events reached the other
// case system, which are still being retried and why, which failed for good; and sending a
// failed one again. Both calls are audited (they name cases).
import { z } from 'zod';
import {
  DeliveriesPageSchema,
  DeliveriesQuerySchema,
  DeliverySchema,
  listDeliveries,
  retryDelivery,
} from '../cases/outbox/deliveries.js';
import type { Database } from '../db/database.js';
import { nodeKey } from '../views/graph-shape.js';
import { route, type RouteDef } from './route.js';
import { signedInViewer } from './signed-in.js';

export const deliveryAccess = ['supervisor', 'admin'] as const;

export function deliveryRoutes(db: Database): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/cases/deliveries',
      tag: 'cases',
      summary: 'Case events sent to the other case system, newest first, with state and last error',
      description:
        'Filter by `status` (pending, delivered, failed), `caseId` and `event`; page with `before` (the `nextBefore` of the previous page). The payloads are not shown.',
      access: deliveryAccess,
      query: DeliveriesQuerySchema,
      response: DeliveriesPageSchema,
      audit: (answer) => [...new Set(answer.deliveries.map((d) => nodeKey('Case', d.caseId)))],
      handler: ({ query }) => listDeliveries(db, query),
    }),
    route({
      method: 'post',
      path: '/cases/deliveries/:id/retry',
      conflicts: true,
      tag: 'cases',
      summary: 'Send a failed delivery again',
      description:
        'Back to pending, due at once, with a fresh round of attempts; the attempts before, and who retried when, are kept. 400 when the delivery has not failed.',
      access: deliveryAccess,
      params: z.object({ id: z.string().min(1).max(100) }),
      response: DeliverySchema,
      audit: (answer) => [nodeKey('Case', answer.caseId)],
      handler: ({ params, viewer }) =>
        retryDelivery(db, params.id, signedInViewer(viewer).username),
    }),
  ];
}
