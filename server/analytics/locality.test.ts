import { describe, expect, it } from 'vitest';
import { breadthFirst, inOriginalOrder, renumbered } from './locality.js';
import { runThrough } from './steps.js';
import { fromEdges } from './weighted-graph.js';

// Two components: 0–3, 3–1, 1–4 (a path) and 2–5; node 6 alone.
const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const graph = fromEdges(
  keys,
  Uint32Array.from([0, 1, 1, 2]),
  Uint32Array.from([3, 3, 4, 5]),
  Float64Array.from([1, 2, 3, 4]),
);

function edgesOf(
  starts: Uint32Array,
  neighbour: Uint32Array,
  weight: Float64Array,
  name = (i: number) => i,
) {
  const edges: string[] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    for (let j = starts[i]!; j < starts[i + 1]!; j++)
      edges.push(`${name(i)}-${name(neighbour[j]!)}:${weight[j]}`);
  }
  return edges.sort();
}

describe('breadth-first renumbering', () => {
  const local = runThrough(breadthFirst(graph));

  it('numbers nodes breadth-first from the lowest unvisited node, neighbours in adjacency order', () => {
    expect([...local.order]).toEqual([0, 3, 1, 4, 2, 5, 6]);
  });

  it('keeps every edge end with its weight under the new numbers', () => {
    const original = edgesOf(graph.starts, graph.neighbour, graph.weight);
    const back = edgesOf(local.starts, local.neighbour, local.weight, (p) => local.order[p]!);
    expect(back).toEqual(original);
    expect(back).toHaveLength(8);
  });

  it('maps per-node values there and back', () => {
    const values = Float64Array.from([10, 11, 12, 13, 14, 15, 16]);
    const there = renumbered(local.order, values);
    expect([...there]).toEqual([10, 13, 11, 14, 12, 15, 16]);
    expect([...inOriginalOrder(local.order, there)]).toEqual([...values]);
  });

  it('handles a graph without nodes', () => {
    const empty = runThrough(
      breadthFirst(fromEdges([], new Uint32Array(0), new Uint32Array(0), new Float64Array(0))),
    );
    expect(empty.order).toHaveLength(0);
    expect([...empty.starts]).toEqual([0]);
  });
});
