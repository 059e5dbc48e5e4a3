import type { Feature } from './feature.js';

export const sharedSeatEmployersFeature: Feature = {
  name: 'f_shared_seat_employers',
  entities: ['Employer'],
  description:
    'other employers ever seated (by the as-of date) at one of the employer’s seat addresses; hub addresses do not count',
  unit: 'employers',
  type: 'int',
  computed: 'counted on the projection: analytics/neighbour-counts.ts',
  value: (context, node) => context.neighbours.sharedSeatEmployers[node]!,
};
