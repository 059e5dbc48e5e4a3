// PageRank on what the reference graphs lack (reference.test.ts checks those against
// networkx): a node without links, a weighted loop and two components, against a plain dense
// power iteration written the way networkx defines PageRank.
import { describe, expect, it } from 'vitest';
import { pagerank } from './pagerank.js';
import { fromEdges } from './weighted-graph.js';

const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
// a–b 1, b–c 2, c–a 1, a loop at c of 3; d–e 1 apart; f alone.
const edges: [number, number, number][] = [
  [0, 1, 1],
  [1, 2, 2],
  [0, 2, 1],
  [2, 2, 3],
  [3, 4, 1],
];

/** Dense power iteration: each edge walked both ways, a loop once, dangling mass spread evenly. */
function densePagerank(alpha = 0.85, iterations = 2000): number[] {
  const n = keys.length;
  const w = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const [a, b, weight] of edges) {
    w[a]![b]! += weight;
    if (a !== b) w[b]![a]! += weight;
  }
  const out = w.map((row) => row.reduce((sum, v) => sum + v, 0));
  let x = new Array<number>(n).fill(1 / n);
  for (let k = 0; k < iterations; k++) {
    const dangling = x.reduce((sum, v, i) => sum + (out[i] === 0 ? v : 0), 0);
    const next = new Array<number>(n).fill((1 - alpha) / n + (alpha * dangling) / n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        if (out[i]! > 0) next[j]! += (alpha * x[i]! * w[i]![j]!) / out[i]!;
    }
    x = next;
  }
  return x;
}

describe('PageRank beyond the reference graphs', () => {
  it('handles a node without links, a loop and two components as the dense iteration does', () => {
    const graph = fromEdges(
      keys,
      Uint32Array.from(edges.map((e) => e[0])),
      Uint32Array.from(edges.map((e) => e[1])),
      Float64Array.from(edges.map((e) => e[2])),
    );
    const scores = pagerank(graph);
    const expected = densePagerank();
    keys.forEach((key, i) => expect(scores.get(key)!, key).toBeCloseTo(expected[i]!, 12));
    const total = [...scores.values()].reduce((sum, v) => sum + v, 0);
    expect(total).toBeCloseTo(1, 12);
    // The loop keeps mass at c; d and e share theirs evenly; f gets only the spread.
    expect(scores.get('c')!).toBeGreaterThan(scores.get('b')!);
    expect(scores.get('d')).toBeCloseTo(scores.get('e')!, 14);
    expect(scores.get('f')!).toBeLessThan(scores.get('d')!);
  });
});
