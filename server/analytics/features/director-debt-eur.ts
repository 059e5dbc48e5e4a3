import type { QueryFeature } from './feature.js';

export const directorDebtEurFeature: QueryFeature = {
  name: 'f_director_debt_eur',
  entities: ['Employer', 'Person'],
  description: 'contribution debt left by the bankruptcies of f_director_bankruptcies',
  unit: 'euros',
  type: 'float',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-director-history.cypher, cypher/analytics/features/person-director-history.cypher',
  queries: {
    Employer: 'analytics/features/employer-director-history',
    Person: 'analytics/features/person-director-history',
  },
};
