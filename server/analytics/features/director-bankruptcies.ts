import { queryFeature, type QueryFeature } from './feature.js';

export const directorBankruptciesFeature: QueryFeature = queryFeature({
  name: 'f_director_bankruptcies',
  description:
    'companies directed by the person (for an employer: the other companies directed by its directors) that went bankrupt or into liquidation with contribution debt within the 3 years before the as-of date',
  unit: 'employers',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-director-history',
    Person: 'analytics/features/person-director-history',
  },
});
