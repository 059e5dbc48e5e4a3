// The in-process Louvain's own checks (reference.test.ts holds the public reference graphs):
// its modularity against graphology-metrics' independent one, weights, and the resolution.
import { UndirectedGraph } from 'graphology';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { describe, expect, it } from 'vitest';
import { readGml } from '../../test/reference-graphs.js';
import { louvain, modularity } from './louvain.js';
import { weightedGraphOf } from './weighted-graph.js';

// CommonJS with `export default` types: the default import is the function itself.
const graphologyModularity = modularityModule as unknown as typeof modularityModule.default;

/** Two cliques of `size` joined by one edge of weight `bridge`. */
function twoCliques(size: number, bridge: number): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const side of ['a', 'b']) {
    for (let i = 0; i < size; i++) g.addNode(`${side}${i}`);
    for (let i = 0; i < size; i++) {
      for (let j = i + 1; j < size; j++) g.addEdge(`${side}${i}`, `${side}${j}`, { weight: 1 });
    }
  }
  g.addEdge('a0', 'b0', { weight: bridge });
  return g;
}

describe('in-process Louvain', () => {
  it('reports the modularity graphology-metrics computes for its partition', () => {
    const source = readGml('moreno_lesmis');
    const result = louvain(weightedGraphOf(source, null), { seed: 5 });
    const ours = modularity(
      weightedGraphOf(source, null),
      source.nodes().map((n) => result.communities.get(n)!),
    );
    const theirs = graphologyModularity(source, {
      getNodeCommunity: (node: string) => result.communities.get(node)!,
      getEdgeWeight: null,
    });
    expect(ours).toBeCloseTo(result.modularity, 12);
    expect(theirs).toBeCloseTo(result.modularity, 10);
  });

  it('splits two cliques at a light bridge and joins them across a heavy one', () => {
    const light = louvain(weightedGraphOf(twoCliques(5, 0.1)), { seed: 1 });
    expect(light.count).toBe(2);
    expect(light.communities.get('a3')).toBe(light.communities.get('a0'));
    expect(light.communities.get('b0')).not.toBe(light.communities.get('a0'));
    // 100 units across against 10 inside each clique: one community is the better partition.
    const heavy = louvain(weightedGraphOf(twoCliques(5, 100)), { seed: 1 });
    expect(heavy.communities.get('b0')).toBe(heavy.communities.get('a0'));
  });

  it('finds smaller communities at a higher resolution', () => {
    const graph = weightedGraphOf(readGml('football'), null);
    const plain = louvain(graph, { seed: 2 });
    const fine = louvain(graph, { seed: 2, resolution: 3 });
    expect(fine.count).toBeGreaterThan(plain.count);
  });

  it('leaves every node alone in a graph without edges', () => {
    const g = new UndirectedGraph();
    for (const n of ['x', 'y', 'z']) g.addNode(n);
    const result = louvain(weightedGraphOf(g));
    expect(result.count).toBe(3);
    expect(new Set(result.communities.values()).size).toBe(3);
    expect(result.modularity).toBe(0);
  });
});
