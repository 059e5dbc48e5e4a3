import { queryFeature, type QueryFeature } from './feature.js';

export const linkedClaimsFeature: QueryFeature = queryFeature({
  name: 'f_linked_claims',
  description:
    'claims the official processed whose claimant is within 3 household, residence or account hops of the official (the official included), or that are paid into the official’s account',
  unit: 'claims',
  type: 'int',
  queries: {
    Staff: 'analytics/features/staff-linked-claims',
  },
});
