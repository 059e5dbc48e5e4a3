import { queryFeature, type QueryFeature } from './feature.js';

export const sharedAccountHoldersFeature: QueryFeature = queryFeature({
  name: 'f_shared_account_holders',
  description:
    'other persons or employers holding one of the entity’s bank accounts; hub accounts do not count',
  unit: 'holders',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-shared-resources',
    Person: 'analytics/features/person-shared-resources',
  },
});
