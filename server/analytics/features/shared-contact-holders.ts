import { queryFeature, type QueryFeature } from './feature.js';

export const sharedContactHoldersFeature: QueryFeature = queryFeature({
  name: 'f_shared_contact_holders',
  description:
    'other persons or employers using one of the entity’s phones, e-mails, devices or IP addresses (first seen by the as-of date); hub contacts do not count',
  unit: 'holders',
  type: 'int',
  queries: {
    Employer: 'analytics/features/employer-shared-resources',
    Person: 'analytics/features/person-shared-resources',
  },
});
