import { queryFeature, type QueryFeature } from './feature.js';

export const approvalRateRatioFeature: QueryFeature = queryFeature({
  name: 'f_approval_rate_ratio',
  description:
    'the official’s share of granted claims over the mean share of the officials of their unit; null when they processed none',
  unit: 'ratio',
  type: 'float',
  queries: {
    Staff: 'analytics/features/staff-approval-rate',
  },
});
