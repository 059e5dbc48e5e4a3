import { everyLabel, type Feature } from './feature.js';

export const hubScoreFeature: Feature = {
  name: 'f_hub_score',
  entities: everyLabel,
  description:
    'how far the node’s degree lies above the typical degree of its kind (modified z-score; 3.5 and above is far)',
  unit: 'robust standard deviations',
  type: 'float',
  computed: 'modified z-score of log(1 + degree) within the label: analytics/hubs.ts',
  value: (context, node) => context.hubs.z[node] ?? null,
};
