import { communityAggregateQueries } from './community-aggregate-queries.js';
import { queryFeature, type QueryFeature } from './feature.js';

export const communityMeanExposureFeature: QueryFeature = queryFeature({
  name: 'f_community_mean_exposure',
  description: 'mean f_exposure of the members of the entity’s community; null outside a community',
  unit: 'seed weight',
  type: 'float',
  queries: communityAggregateQueries,
  afterWriteBack: true,
});
