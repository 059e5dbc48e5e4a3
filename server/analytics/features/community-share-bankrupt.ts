import { aggregateOf } from './community.js';
import { entities, type Feature } from './feature.js';

export const communityShareBankruptFeature: Feature = {
  name: 'f_community_share_bankrupt',
  entities,
  description:
    'share of the employers of the entity’s community that are bankrupt or liquidated with contribution debt (0 without employers); null outside a community',
  unit: 'share (0–1)',
  type: 'float',
  computed:
    'aggregated on the projection over the community of f_community, written on the Community node too: analytics/community-aggregates.ts',
  value: (context, _node, key) => aggregateOf(context, key, (a) => a.shareBankrupt),
};
