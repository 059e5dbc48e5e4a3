// PageRank (L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking:
// bringing order to the web", Stanford InfoLab, 1999) on the typed-array graph of
// weighted-graph.ts, as networkx computes it: power iteration, each edge walked both ways with
// probability proportional to its weight, a loop walked once, the mass of dangling nodes spread
// uniformly. The tolerance is tight (1e-12 per node) so that values agree with networkx's to
// 1e-6 per node.
//
// Written here rather than taken from graphology-metrics: the algorithm is twenty lines, and
// graphology's version needs the graphology graph, which at a million persons does not fit in
// a 4 GB heap (weighted-graph.ts); bench/analyze.ts measures both.
import { runThrough, yieldMask, type Steps } from './steps.js';
import type { WeightedGraph } from './weighted-graph.js';

/** The defaults, shared with the GDS engine so that both engines compute the same thing. */
export const pagerankDefaults = { alpha: 0.85, maxIterations: 1000, tolerance: 1e-12 } as const;

export interface PagerankOptions {
  /** Damping factor (default 0.85). */
  alpha?: number;
  maxIterations?: number;
  /** Convergence when the L1 change falls below order · tolerance (default 1e-12). */
  tolerance?: number;
}

export function pagerank(graph: WeightedGraph, options: PagerankOptions = {}): Map<string, number> {
  return runThrough(pagerankSteps(graph, options));
}

/** PageRank as steps (steps.ts), to run alongside other work. */
export function* pagerankSteps(
  graph: WeightedGraph,
  options: PagerankOptions = {},
): Steps<Map<string, number>> {
  const { keys, starts, neighbour, weight, selfLoop } = graph;
  const n = keys.length;
  if (n === 0) return new Map();
  const alpha = options.alpha ?? pagerankDefaults.alpha;
  const maxIterations = options.maxIterations ?? pagerankDefaults.maxIterations;
  const tolerance = options.tolerance ?? pagerankDefaults.tolerance;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = selfLoop[i]!;
    for (let j = starts[i]!; j < starts[i + 1]!; j++) sum += weight[j]!;
    out[i] = sum;
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (out[i] === 0) dangling += x[i]!;
    next.fill((1 - alpha) / n + (alpha * dangling) / n);
    for (let i = 0; i < n; i++) {
      if ((i & yieldMask) === 0) yield;
      if (out[i] === 0) continue;
      const share = (alpha * x[i]!) / out[i]!;
      next[i]! += share * selfLoop[i]!;
      for (let j = starts[i]!; j < starts[i + 1]!; j++) next[neighbour[j]!]! += share * weight[j]!;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - x[i]!);
    [x, next] = [next, x];
    if (change < n * tolerance) break;
  }
  const scores = new Map<string, number>();
  keys.forEach((key, i) => scores.set(key, x[i]!));
  return scores;
}
