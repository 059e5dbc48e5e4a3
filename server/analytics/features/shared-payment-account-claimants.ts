import type { Feature } from './feature.js';

export const sharedPaymentAccountClaimantsFeature: Feature = {
  name: 'f_shared_payment_account_claimants',
  entities: ['Person'],
  description:
    'other persons whose benefit claims are paid into an account that also receives this person’s claims; hub accounts do not count',
  unit: 'persons',
  type: 'int',
  computed: 'counted on the projection: analytics/neighbour-counts.ts',
  value: (context, node) => context.neighbours.sharedPaymentAccountClaimants[node]!,
};
