import type { Feature } from './feature.js';

export const sharedContactHoldersFeature: Feature = {
  name: 'f_shared_contact_holders',
  entities: ['Person', 'Employer'],
  description:
    'other persons or employers using one of the entity’s phones, e-mails, devices or IP addresses (first seen by the as-of date); hub contacts do not count',
  unit: 'holders',
  type: 'int',
  computed: 'counted on the projection: analytics/neighbour-counts.ts',
  value: (context, node) => context.neighbours.sharedContactHolders[node]!,
};
