import type { QueryFeature } from './feature.js';

export const sharedPaymentAccountClaimantsFeature: QueryFeature = {
  name: 'f_shared_payment_account_claimants',
  entities: ['Person'],
  description:
    'other persons whose benefit claims are paid into an account that also receives this person’s claims; hub accounts do not count',
  unit: 'persons',
  type: 'int',
  computed: 'Cypher in the database: cypher/analytics/features/person-shared-resources.cypher',
  queries: {
    Person: 'analytics/features/person-shared-resources',
  },
};
