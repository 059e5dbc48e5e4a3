import { queryFeature, type QueryFeature } from './feature.js';

export const linkedClaimShareFeature: QueryFeature = queryFeature({
  name: 'f_linked_claim_share',
  description: 'f_linked_claims over the claims the official processed (0 when none)',
  unit: 'share (0–1)',
  type: 'float',
  queries: {
    Staff: 'analytics/features/staff-linked-claims',
  },
});
