import { queryFeature, type QueryFeature } from './feature.js';

export const selfEmployedDependencyFeature: QueryFeature = queryFeature({
  name: 'f_self_employed_dependency',
  description:
    'highest share of income from one client among the person’s client relations active at the as-of date (else the latest ones); 0 when never self-employed',
  unit: 'share (0–1)',
  type: 'float',
  queries: {
    Person: 'analytics/features/person-self-employed-dependency',
  },
});
