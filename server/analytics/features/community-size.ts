import { entities, type Feature } from './feature.js';

export const communitySizeFeature: Feature = {
  name: 'f_community_size',
  entities,
  description: 'number of persons, employers and officials in the entity’s Louvain community',
  unit: 'entities',
  type: 'int',
  computed: 'size of the community of f_community, entities only',
  value: (context, _node, key) => context.communities.get(key)?.size ?? null,
};
