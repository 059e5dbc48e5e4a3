import { queryFeature, type QueryFeature } from './feature.js';

export const staffProximityFeature: QueryFeature = queryFeature({
  name: 'f_staff_proximity',
  description:
    'shortest path between the person and an official who processed one of their claims over household, residence and account links (1 household, 2 same address or account, 3 one step further; 0 the official is the claimant), at most 3; null when none',
  unit: 'hops (0–3)',
  type: 'int',
  queries: {
    Person: 'analytics/features/person-staff-proximity',
  },
});
