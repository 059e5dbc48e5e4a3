// A family of features: one degree per kind of link (analytics/link-kinds.ts), carried by the
// labels at either end of that kind, e.g. f_degree_directs on persons (companies directed) and
// on employers (directors).
import { linkKindNames, linkKinds } from '../link-kinds.js';
import type { Feature } from './feature.js';

export const degreeByKindFeatures: Feature[] = linkKindNames.map((kind) => {
  const { from, to, description } = linkKinds[kind];
  return {
    name: `f_degree_${kind.toLowerCase()}`,
    entities: from === to ? [from] : [from, to],
    description: `number of ${kind} links (${description}) of the node`,
    unit: 'links',
    type: 'int',
    computed: 'counted on the projection: analytics/degrees.ts',
    value: (context, node) => context.degreeByKind.get(kind)?.[node] ?? null,
  } satisfies Feature;
});
