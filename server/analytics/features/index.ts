// The feature registry: every network feature analytics computes. Adding a feature is one file
// in this folder (see feature.ts) and one line here.
import { communitySizeFeature } from './community-size.js';
import { communityFeature } from './community.js';
import { componentSizeFeature } from './component-size.js';
import { componentFeature } from './component.js';
import { degreeByKindFeatures } from './degree-by-kind.js';
import { degreeFeature } from './degree.js';
import { exposureFeature } from './exposure.js';
import type { Feature } from './feature.js';
import { hubScoreFeature } from './hub-score.js';
import { hubFeature } from './hub.js';
import { pagerankFeature } from './pagerank.js';

export type { Feature, FeatureContext, FeatureValue } from './feature.js';

export const featureRegistry: readonly Feature[] = [
  componentFeature,
  componentSizeFeature,
  communityFeature,
  communitySizeFeature,
  pagerankFeature,
  exposureFeature,
  hubFeature,
  hubScoreFeature,
  degreeFeature,
  ...degreeByKindFeatures,
];

const names = new Set<string>();
for (const feature of featureRegistry) {
  if (names.has(feature.name))
    throw new Error(`analytics: feature ${feature.name} is declared twice`);
  names.add(feature.name);
}
