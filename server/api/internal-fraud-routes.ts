// The internal-fraud unit's routes: only that role and admins may call them (every other role
// gets 403, and the services refuse too).
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { EntityIdSchema } from '../views/entity-types.js';
import { staffLinkedClaims } from '../views/staff-linked-claims.js';
import {
  StaffLinkedClaimsInputSchema,
  StaffLinkedClaimsSchema,
} from '../views/staff-linked-claims-schema.js';
import { graphSubjects } from './audit-entities.js';
import { route, type RouteDef } from './route.js';

export const internalFraudAccess = ['internal_fraud', 'admin'] as const;

export function internalFraudRoutes(db: Database): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/internal/staff/:id/linked-claims',
      tag: 'internal fraud',
      summary:
        'Claims an official processed whose claimants are linked to them, with the linking paths',
      description:
        'Links: the same household, the same address while the claim ran, a shared account, or payment into the official’s own account, up to 3 hops (as the f_staff_proximity feature counts them).',
      access: internalFraudAccess,
      params: z.object({ id: EntityIdSchema }),
      query: StaffLinkedClaimsInputSchema.omit({ staffId: true }),
      response: StaffLinkedClaimsSchema,
      audit: (answer) => graphSubjects(answer.graph),
      handler: ({ params, query, viewer }) =>
        staffLinkedClaims(db, { ...query, staffId: params.id }, viewer!),
    }),
  ];
}
