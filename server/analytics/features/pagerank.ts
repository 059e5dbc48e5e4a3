import { entities, type Feature } from './feature.js';

export const pagerankFeature: Feature = {
  name: 'f_pagerank',
  entities,
  description:
    'PageRank of the entity in the whole network (sums to 1 over all projected nodes): how central it is',
  unit: 'probability',
  type: 'float',
  computed:
    'PageRank, alpha 0.85 (in-process, as networkx computes it; with --engine gds, GDS PageRank normalised to sum 1) on the graph of spec "pagerank", hubs kept: analytics/pagerank.ts, analytics/gds-engine.ts',
  value: (context, _node, key) => context.pagerank.get(key) ?? null,
};
