import { communityAggregateQueries } from './community-aggregate-queries.js';
import { queryFeature, type QueryFeature } from './feature.js';

export const communityTopSectorFeature: QueryFeature = queryFeature({
  name: 'f_community_top_sector',
  description:
    'the most common NACE section letter among the employers of the entity’s community; null without employers or outside a community',
  unit: 'NACE section',
  type: 'string',
  queries: communityAggregateQueries,
  afterWriteBack: true,
});
