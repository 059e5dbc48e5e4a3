import type { Feature } from './feature.js';

export const fraudNeighboursFeature: Feature = {
  name: 'f_fraud_neighbours',
  entities: ['Person', 'Employer'],
  description:
    'linked employers or persons (as for f_bankrupt_neighbours; an employer’s own directors count) with a confirmed-fraud inspection closed by the as-of date',
  unit: 'entities',
  type: 'int',
  computed: 'counted on the projection: analytics/neighbour-counts.ts',
  value: (context, node) => context.neighbours.fraudNeighbours[node]!,
};
