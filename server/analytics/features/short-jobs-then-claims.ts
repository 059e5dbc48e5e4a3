import { queryFeature, type QueryFeature } from './feature.js';

export const shortJobsThenClaimsFeature: QueryFeature = queryFeature({
  name: 'f_short_jobs_then_claims',
  description:
    'persons whose job at the employer lasted at most 120 days and who started an unemployment, sickness or parenthood claim within 60 days after it ended (fictitious employment)',
  unit: 'persons',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-short-jobs-then-claims',
  },
});
