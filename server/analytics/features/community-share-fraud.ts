import { communityAggregateQueries } from './community-aggregate-queries.js';
import { queryFeature, type QueryFeature } from './feature.js';

export const communityShareFraudFeature: QueryFeature = queryFeature({
  name: 'f_community_share_fraud',
  description:
    'share of the other members of the entity’s community with a confirmed-fraud inspection (on the Community node: of all members); null outside a community',
  unit: 'share (0–1)',
  type: 'float',
  queries: communityAggregateQueries,
  afterWriteBack: true,
});
