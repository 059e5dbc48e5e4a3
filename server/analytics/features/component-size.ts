import { entities, type Feature } from './feature.js';

export const componentSizeFeature: Feature = {
  name: 'f_component_size',
  entities,
  description:
    'number of nodes (entities and shared resources) in the entity’s connected component, hubs cut',
  unit: 'nodes',
  type: 'int',
  computed: 'size of the component of f_component: analytics/components.ts',
  value: (context, _node, key) => context.components.of.get(key)?.size ?? null,
};
