import { queryFeature, type QueryFeature } from './feature.js';

export const dependentSelfEmployedFeature: QueryFeature = queryFeature({
  name: 'f_dependent_self_employed',
  description:
    'self-employed persons taking at least 80 % of their income from the employer as a client, the relation active at the as-of date or ended within the year before (bogus self-employment)',
  unit: 'persons',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-dependent-self-employed',
  },
});
