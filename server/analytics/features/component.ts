import { entities, type Feature } from './feature.js';

export const componentFeature: Feature = {
  name: 'f_component',
  entities,
  description:
    'the connected component the entity belongs to, named after its smallest node key (stable while that node stays in it)',
  unit: 'id',
  type: 'string',
  computed:
    'connected components (union–find on the projection; with --engine gds, GDS WCC) over every link, hubs cut: analytics/components.ts, spec "components"',
  value: (context, _node, key) => context.components.of.get(key)?.id ?? null,
};
