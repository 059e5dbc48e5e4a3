// PageRank (L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking:
// bringing order to the web", Stanford InfoLab, 1999) on the typed-array graph of
// weighted-graph.ts, as networkx computes it: power iteration, each edge walked both ways with
// probability proportional to its weight, a loop walked once, the mass of dangling nodes spread
// uniformly. The tolerance is tight (1e-12 per node) so that values agree with networkx's to
// 1e-6 per node.
//
// Each iteration pulls (every node sums what its neighbours send) over the nodes numbered
// breadth-first (locality.ts): at a million persons, 56 iterations on 4.7 M nodes, PageRank
// takes 16 s where pushing in key order took 36 s.
//
// Written here rather than taken from graphology-metrics: the algorithm is short, and
// graphology's version needs the graphology graph, which at a million persons does not fit in
// a 4 GB heap (weighted-graph.ts); bench/analyze.ts measures both.
import { breadthFirst, inOriginalOrder, renumbered } from './locality.js';
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
  const n = graph.keys.length;
  if (n === 0) return new Map();
  const alpha = options.alpha ?? pagerankDefaults.alpha;
  const maxIterations = options.maxIterations ?? pagerankDefaults.maxIterations;
  const tolerance = options.tolerance ?? pagerankDefaults.tolerance;
  const { order, starts, neighbour, weight } = yield* breadthFirst(graph);
  const selfLoop = renumbered(order, graph.selfLoop);
  // Only the keys are read from here on: the adjacency in the first numbering (some 250 MB at a
  // million persons) is let go rather than held through the iterations.
  graph = { keys: graph.keys, starts, neighbour, weight, selfLoop };
  const inverseOut = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = selfLoop[i]!;
    for (let j = starts[i]!; j < starts[i + 1]!; j++) sum += weight[j]!;
    inverseOut[i] = sum === 0 ? 0 : 1 / sum;
  }
  const step: PullStep = {
    starts,
    neighbour,
    weight,
    selfLoop,
    inverseOut,
    send: new Float64Array(n),
    x: new Float64Array(n).fill(1 / n),
    next: new Float64Array(n),
    base: 0,
    change: 0,
    dangling: 0,
  };
  for (let i = 0; i < n; i++) if (inverseOut[i] === 0) step.dangling += step.x[i]!;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const { x, send } = step;
    for (let i = 0; i < n; i++) send[i] = alpha * x[i]! * inverseOut[i]!;
    step.base = (1 - alpha) / n + (alpha * step.dangling) / n;
    step.change = 0;
    step.dangling = 0;
    for (let from = 0; from < n; from += yieldMask + 1) {
      pull(step, from, Math.min(n, from + yieldMask + 1));
      yield;
    }
    [step.x, step.next] = [step.next, step.x];
    if (step.change < n * tolerance) break;
  }
  const values = inOriginalOrder(order, step.x);
  const scores = new Map<string, number>();
  graph.keys.forEach((key, i) => scores.set(key, values[i]!));
  return scores;
}

interface PullStep {
  readonly starts: Uint32Array;
  readonly neighbour: Uint32Array;
  readonly weight: Float64Array;
  readonly selfLoop: Float64Array;
  readonly inverseOut: Float64Array;
  /** What each node sends along a unit of weight: α · x / its total weight. */
  readonly send: Float64Array;
  x: Float64Array;
  next: Float64Array;
  base: number;
  change: number;
  dangling: number;
}

/**
 * One iteration for nodes from … to − 1, pulled rather than pushed: each node sums what its
 * neighbours send, so the random accesses are reads and every write is in order; the change and
 * the next dangling mass are taken in the same pass. A plain function, so the optimiser sees
 * the whole loop; the generator yields between ranges.
 */
function pull(step: PullStep, from: number, to: number): void {
  const { starts, neighbour, weight, selfLoop, inverseOut, send, x, next, base } = step;
  let change = 0;
  let dangling = 0;
  for (let i = from; i < to; i++) {
    let sum = base + send[i]! * selfLoop[i]!;
    const end = starts[i + 1]!;
    for (let j = starts[i]!; j < end; j++) sum += send[neighbour[j]!]! * weight[j]!;
    next[i] = sum;
    change += Math.abs(sum - x[i]!);
    if (inverseOut[i] === 0) dangling += sum;
  }
  step.change += change;
  step.dangling += dangling;
}
