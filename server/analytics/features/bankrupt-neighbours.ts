import { queryFeature, type QueryFeature } from './feature.js';

export const bankruptNeighboursFeature: QueryFeature = queryFeature({
  name: 'f_bankrupt_neighbours',
  description:
    'linked employers that are bankrupt or liquidated with contribution debt; an employer is linked through a shared director, seat (not domiciliation), account or contact, a person through the employers they direct and a shared account, contact or residence; never through a hub',
  unit: 'employers',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-neighbours',
    Person: 'analytics/features/person-neighbours',
  },
});
