// Degree per kind of link: for each kind, the number of its links at each node (both ends).
import { linkKindNames, type LinkKind } from './link-kinds.js';
import type { ProjectedGraph } from './projected-graph.js';

export function degreesByKind(projected: ProjectedGraph): Map<LinkKind, Uint32Array> {
  const degrees = new Map<LinkKind, Uint32Array>(
    linkKindNames.map((kind) => [kind, new Uint32Array(projected.order)]),
  );
  projected.forEachLink((kind, s, t) => {
    const counts = degrees.get(kind)!;
    counts[s]!++;
    counts[t]!++;
  });
  return degrees;
}
