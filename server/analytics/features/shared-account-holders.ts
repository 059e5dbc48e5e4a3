import type { Feature } from './feature.js';

export const sharedAccountHoldersFeature: Feature = {
  name: 'f_shared_account_holders',
  entities: ['Person', 'Employer'],
  description:
    'other persons or employers holding one of the entity’s bank accounts; hub accounts do not count',
  unit: 'holders',
  type: 'int',
  computed: 'counted on the projection: analytics/neighbour-counts.ts',
  value: (context, node) => context.neighbours.sharedAccountHolders[node]!,
};
