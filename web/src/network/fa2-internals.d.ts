// graphology-layout-forceatlas2's own building blocks, which its worker is made of (the package
// ships them as plain files without types): one iteration over the node and edge matrices, the
// matrices built from a graph, and the default settings.
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  function iterate(
    settings: Required<ForceAtlas2Settings>,
    nodes: Float32Array,
    edges: Float32Array,
  ): unknown;
  export = iterate;
}

declare module 'graphology-layout-forceatlas2/helpers.js' {
  import type Graph from 'graphology';
  /** Ten floats per node (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed). */
  export function graphToByteArrays(
    graph: Graph,
    getEdgeWeight: (edge: string, attributes: Record<string, unknown>) => number,
  ): { nodes: Float32Array; edges: Float32Array };
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export = defaults;
}
