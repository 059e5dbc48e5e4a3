import type { QueryFeature } from './feature.js';

export const linkedClaimShareFeature: QueryFeature = {
  name: 'f_linked_claim_share',
  entities: ['Staff'],
  description: 'f_linked_claims over the claims the official processed (0 when none)',
  unit: 'share (0–1)',
  type: 'float',
  computed: 'Cypher in the database: cypher/analytics/features/staff-linked-claims.cypher',
  queries: {
    Staff: 'analytics/features/staff-linked-claims',
  },
};
