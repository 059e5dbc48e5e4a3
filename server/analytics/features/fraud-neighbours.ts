import type { QueryFeature } from './feature.js';

export const fraudNeighboursFeature: QueryFeature = {
  name: 'f_fraud_neighbours',
  entities: ['Employer', 'Person'],
  description:
    'linked employers or persons (as for f_bankrupt_neighbours; an employer’s own directors count) with a confirmed-fraud inspection closed by the as-of date',
  unit: 'entities',
  type: 'int',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-neighbours.cypher, cypher/analytics/features/person-neighbours.cypher',
  queries: {
    Employer: 'analytics/features/employer-neighbours',
    Person: 'analytics/features/person-neighbours',
  },
};
