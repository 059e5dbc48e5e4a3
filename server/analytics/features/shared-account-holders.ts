import type { QueryFeature } from './feature.js';

export const sharedAccountHoldersFeature: QueryFeature = {
  name: 'f_shared_account_holders',
  entities: ['Employer', 'Person'],
  description:
    'other persons or employers holding one of the entity’s bank accounts; hub accounts do not count',
  unit: 'holders',
  type: 'int',
  computed:
    'Cypher in the database: cypher/analytics/features/employer-shared-resources.cypher, cypher/analytics/features/person-shared-resources.cypher',
  queries: {
    Employer: 'analytics/features/employer-shared-resources',
    Person: 'analytics/features/person-shared-resources',
  },
};
