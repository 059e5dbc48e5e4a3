import { othersShareFraud } from '../community-aggregates.js';
import { aggregateOf } from './community.js';
import { entities, type Feature } from './feature.js';

export const communityShareFraudFeature: Feature = {
  name: 'f_community_share_fraud',
  entities,
  description:
    'share of the other members of the entity’s community with a confirmed-fraud inspection (on the Community node: of all members); null outside a community',
  unit: 'share (0–1)',
  type: 'float',
  computed:
    'aggregated on the projection over the community of f_community, written on the Community node too: analytics/community-aggregates.ts',
  value: (context, node, key) =>
    aggregateOf(context, key, (a) => othersShareFraud(context.communityAggregates, a, node)),
};
