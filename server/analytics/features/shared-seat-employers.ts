import type { QueryFeature } from './feature.js';

export const sharedSeatEmployersFeature: QueryFeature = {
  name: 'f_shared_seat_employers',
  entities: ['Employer'],
  description:
    'other employers ever seated (by the as-of date) at one of the employer’s seat addresses; hub addresses do not count',
  unit: 'employers',
  type: 'int',
  computed: 'Cypher in the database: cypher/analytics/features/employer-shared-resources.cypher',
  queries: {
    Employer: 'analytics/features/employer-shared-resources',
  },
};
