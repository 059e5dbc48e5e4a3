import { everyLabel, type Feature } from './feature.js';

export const hubFeature: Feature = {
  name: 'f_hub',
  entities: everyLabel,
  description:
    'whether the node is a hub (degree far above its kind’s): damped for Louvain and exposure, cut for components',
  unit: 'boolean',
  type: 'boolean',
  computed:
    'modified z-score of log(1 + degree) within the label ≥ 3.5 and degree ≥ 25: analytics/hubs.ts',
  value: (context, node) => context.hubs.hubs.has(node),
};
