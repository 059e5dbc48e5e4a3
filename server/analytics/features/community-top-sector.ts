import type { QueryFeature } from './feature.js';

export const communityTopSectorFeature: QueryFeature = {
  name: 'f_community_top_sector',
  entities: ['Community', 'Person', 'Employer', 'Staff'],
  description:
    'the most common NACE section letter among the employers of the entity’s community; null without employers or outside a community',
  unit: 'NACE section',
  type: 'string',
  computed:
    'Cypher in the database: cypher/analytics/features/community-aggregates.cypher, cypher/analytics/features/person-community-aggregates.cypher, cypher/analytics/features/employer-community-aggregates.cypher, cypher/analytics/features/staff-community-aggregates.cypher',
  queries: {
    Community: 'analytics/features/community-aggregates',
    Person: 'analytics/features/person-community-aggregates',
    Employer: 'analytics/features/employer-community-aggregates',
    Staff: 'analytics/features/staff-community-aggregates',
  },
};
