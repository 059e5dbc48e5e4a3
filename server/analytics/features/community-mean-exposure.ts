import { aggregateOf } from './community.js';
import { entities, type Feature } from './feature.js';

export const communityMeanExposureFeature: Feature = {
  name: 'f_community_mean_exposure',
  entities,
  description: 'mean f_exposure of the members of the entity’s community; null outside a community',
  unit: 'seed weight',
  type: 'float',
  computed:
    'aggregated on the projection over the community of f_community, written on the Community node too: analytics/community-aggregates.ts',
  value: (context, _node, key) => aggregateOf(context, key, (a) => a.meanExposure),
};
