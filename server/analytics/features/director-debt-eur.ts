import { queryFeature, type QueryFeature } from './feature.js';

export const directorDebtEurFeature: QueryFeature = queryFeature({
  name: 'f_director_debt_eur',
  description: 'contribution debt left by the bankruptcies of f_director_bankruptcies',
  unit: 'euros',
  type: 'float',
  queries: {
    Employer: 'analytics/features/employer-director-history',
    Person: 'analytics/features/person-director-history',
  },
});
