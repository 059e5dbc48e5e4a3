import { queryFeature, type QueryFeature } from './feature.js';

export const sharedSeatEmployersFeature: QueryFeature = queryFeature({
  name: 'f_shared_seat_employers',
  description:
    'other employers ever seated (by the as-of date) at one of the employer’s seat addresses; hub addresses do not count',
  unit: 'employers',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-shared-resources',
  },
});
