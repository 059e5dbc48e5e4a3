import type { QueryFeature } from './feature.js';

export const communityMeanExposureFeature: QueryFeature = {
  name: 'f_community_mean_exposure',
  entities: ['Community', 'Person', 'Employer', 'Staff'],
  description: 'mean f_exposure of the members of the entity’s community; null outside a community',
  unit: 'seed weight',
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
