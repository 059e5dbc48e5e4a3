import type { QueryFeature } from './feature.js';

export const bankruptNeighboursFeature: QueryFeature = {
  name: 'f_bankrupt_neighbours',
  entities: ['Employer', 'Person'],
  description:
    'linked employers that are bankrupt or liquidated with contribution debt; an employer is linked through a shared director, seat (not domiciliation), account or contact, a person through the employers they direct and a shared account, contact or residence; never through a hub',
  unit: 'employers',
  type: 'int',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-neighbours.cypher, cypher/analytics/features/person-neighbours.cypher',
  queries: {
    Employer: 'analytics/features/employer-neighbours',
    Person: 'analytics/features/person-neighbours',
  },
};
