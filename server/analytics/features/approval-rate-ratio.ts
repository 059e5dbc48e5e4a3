import type { QueryFeature } from './feature.js';

export const approvalRateRatioFeature: QueryFeature = {
  name: 'f_approval_rate_ratio',
  entities: ['Staff'],
  description:
    'the official’s share of granted claims over the mean share of the officials of their unit; null when they processed none',
  unit: 'ratio',
  type: 'float',
  computed: 'Cypher in the database: cypher/analytics/features/staff-approval-rate.cypher',
  queries: {
    Staff: 'analytics/features/staff-approval-rate',
  },
};
