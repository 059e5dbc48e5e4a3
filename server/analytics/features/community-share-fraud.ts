import type { QueryFeature } from './feature.js';

export const communityShareFraudFeature: QueryFeature = {
  name: 'f_community_share_fraud',
  entities: ['Community', 'Person', 'Employer', 'Staff'],
  description:
    'share of the other members of the entity’s community with a confirmed-fraud inspection (on the Community node: of all members); null outside a community',
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
