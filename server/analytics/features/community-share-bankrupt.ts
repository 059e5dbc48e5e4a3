import type { QueryFeature } from './feature.js';

export const communityShareBankruptFeature: QueryFeature = {
  name: 'f_community_share_bankrupt',
  entities: ['Community', 'Person', 'Employer', 'Staff'],
  description:
    'share of the employers of the entity’s community that are bankrupt or liquidated with contribution debt (0 without employers); null outside a community',
  unit: 'share (0–1)',
  type: 'float',
  computed:
    'Cypher in the database: cypher/analytics/features/community-aggregates.cypher, cypher/analytics/features/person-community-aggregates.cypher, cypher/analytics/features/employer-community-aggregates.cypher, cypher/analytics/features/staff-community-aggregates.cypher',
  queries: {
    Community: 'analytics/features/community-aggregates',
    Person: 'analytics/features/person-community-aggregates',
    Employer: 'analytics/features/employer-community-aggregates',
    Staff: 'analytics/features/staff-community-aggregates',
  },
};
