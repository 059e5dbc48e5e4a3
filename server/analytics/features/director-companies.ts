import { queryFeature, type QueryFeature } from './feature.js';

export const directorCompaniesFeature: QueryFeature = queryFeature({
  name: 'f_director_companies',
  description:
    'other employers directed (any role) by the employer’s directors; hub persons left out',
  unit: 'employers',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-director-history',
  },
});
