import type { QueryFeature } from './feature.js';

export const sharedContactHoldersFeature: QueryFeature = {
  name: 'f_shared_contact_holders',
  entities: ['Employer', 'Person'],
  description:
    'other persons or employers using one of the entity’s phones, e-mails, devices or IP addresses (first seen by the as-of date); hub contacts do not count',
  unit: 'holders',
  type: 'int',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-shared-resources.cypher, cypher/analytics/features/person-shared-resources.cypher',
  queries: {
    Employer: 'analytics/features/employer-shared-resources',
    Person: 'analytics/features/person-shared-resources',
  },
};
