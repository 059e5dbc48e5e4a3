import type { QueryFeature } from './feature.js';

export const shortJobsThenClaimsFeature: QueryFeature = {
  name: 'f_short_jobs_then_claims',
  entities: ['Employer'],
  description:
    'persons whose job at the employer lasted at most 120 days and who started an unemployment, sickness or parenthood claim within 60 days after it ended (fictitious employment)',
  unit: 'persons',
  type: 'int',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-short-jobs-then-claims.cypher',
  queries: {
    Employer: 'analytics/features/employer-short-jobs-then-claims',
  },
};
