import type { QueryFeature } from './feature.js';

export const directorCompaniesFeature: QueryFeature = {
  name: 'f_director_companies',
  entities: ['Employer'],
  description:
    'other employers directed (any role) by the employer’s directors; hub persons left out',
  unit: 'employers',
  type: 'int',
  computed: 'Cypher in the database: cypher/analytics/features/employer-director-history.cypher',
  queries: {
    Employer: 'analytics/features/employer-director-history',
  },
};
