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
import { nodeKey } from '../views/graph-shape.js';
import { RankingsQuerySchema, RankingsSchema, rankings } from '../views/rankings.js';
import { graphSubjects } from './audit-entities.js';
import { route, type RouteDef } from './route.js';
import { signedInViewer } from './signed-in.js';

export const internalFraudAccess = ['internal_fraud', 'admin'] as const;

export function internalFraudRoutes(db: Database): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/internal/staff',
      tag: 'internal fraud',
      summary: 'Officials ranked by internal-fraud risk, with counts per band',
      description: 'The rankings of `/api/rankings?type=staff`, behind the internal-fraud roles.',
      access: internalFraudAccess,
      query: RankingsQuerySchema.omit({ type: true, sector: true }),
      response: RankingsSchema,
      audit: (answer) => answer.items.map((i) => nodeKey('Staff', i.id)),
      handler: ({ query, viewer }) =>
        rankings(db, { ...query, type: 'staff' }, signedInViewer(viewer)),
    }),
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
        staffLinkedClaims(db, { ...query, staffId: params.id }, signedInViewer(viewer)),
    }),
  ];
}
