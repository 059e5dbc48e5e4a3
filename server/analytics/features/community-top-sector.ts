import { aggregateOf } from './community.js';
import { entities, type Feature } from './feature.js';

export const communityTopSectorFeature: Feature = {
  name: 'f_community_top_sector',
  entities,
  description:
    'the most common NACE section letter among the employers of the entity’s community; null without employers or outside a community',
  unit: 'NACE section',
  type: 'string',
  computed:
    'aggregated on the projection over the community of f_community, written on the Community node too: analytics/community-aggregates.ts',
  value: (context, _node, key) => aggregateOf(context, key, (a) => a.topSector),
};
