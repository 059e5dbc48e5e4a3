import { everyLabel, type Feature } from './feature.js';

export const degreeFeature: Feature = {
  name: 'f_degree',
  entities: everyLabel,
  description: 'number of links of the node in the projection, all kinds together',
  unit: 'links',
  type: 'int',
  computed: 'counted on the projection: analytics/hubs.ts',
  value: (context, node) => context.hubs.degree[node] ?? null,
};
