import { queryFeature, type QueryFeature } from './feature.js';

export const sharedPaymentAccountClaimantsFeature: QueryFeature = queryFeature({
  name: 'f_shared_payment_account_claimants',
  description:
    'other persons whose benefit claims are paid into an account that also receives this person’s claims; hub accounts do not count',
  unit: 'persons',
  type: 'int',
  queries: {
    Person: 'analytics/features/person-shared-resources',
  },
});
