import type { Feature } from './feature.js';

export const bankruptNeighboursFeature: Feature = {
  name: 'f_bankrupt_neighbours',
  entities: ['Person', 'Employer'],
  description:
    'linked employers that are bankrupt or liquidated with contribution debt; an employer is linked through a shared director, seat (not domiciliation), account or contact, a person through the employers they direct and a shared account, contact or residence; never through a hub',
  unit: 'employers',
  type: 'int',
  computed: 'counted on the projection: analytics/neighbour-counts.ts',
  value: (context, node) => context.neighbours.bankruptNeighbours[node]!,
};
