import { queryFeature, type QueryFeature } from './feature.js';

export const fraudNeighboursFeature: QueryFeature = queryFeature({
  name: 'f_fraud_neighbours',
  description:
    'linked employers or persons (as for f_bankrupt_neighbours; an employer’s own directors count) with a confirmed-fraud inspection closed by the as-of date',
  unit: 'entities',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-neighbours',
    Person: 'analytics/features/person-neighbours',
  },
});
