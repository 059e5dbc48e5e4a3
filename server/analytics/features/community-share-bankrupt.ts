import { communityAggregateQueries } from './community-aggregate-queries.js';
import { queryFeature, type QueryFeature } from './feature.js';

export const communityShareBankruptFeature: QueryFeature = queryFeature({
  name: 'f_community_share_bankrupt',
  description:
    'share of the employers of the entity’s community that are bankrupt or liquidated with contribution debt (0 without employers); null outside a community',
  unit: 'share (0–1)',
  type: 'float',
  queries: communityAggregateQueries,
  afterWriteBack: true,
});
