// PageRank (L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking:
// bringing order to the web", Stanford InfoLab, 1999), computed by graphology-metrics: power
// iteration, the mass of dangling nodes spread uniformly, as networkx does. The tolerance is
// tighter than graphology's default (1e-6 summed over nodes) so that values agree with
// networkx's to 1e-6 per node.
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { AbstractGraph } from 'graphology-types';

// CommonJS with `export default` types: the default import is the function itself.
const pagerankLib = pagerankModule as unknown as typeof pagerankModule.default;

/** The defaults, shared with the GDS engine so that both engines compute the same thing. */
export const pagerankDefaults = { alpha: 0.85, maxIterations: 1000, tolerance: 1e-12 } as const;

export interface PagerankOptions {
  /** Damping factor (default 0.85). */
  alpha?: number;
  /** Edge attribute holding the weight (default 'weight'), or null for unweighted. */
  weightAttribute?: string | null;
  maxIterations?: number;
  /** Convergence when the L1 change falls below order · tolerance (default 1e-12). */
  tolerance?: number;
}

export function pagerank(graph: AbstractGraph, options: PagerankOptions = {}): Map<string, number> {
  if (graph.order === 0) return new Map();
  const scores = pagerankLib(graph, {
    alpha: options.alpha ?? pagerankDefaults.alpha,
    getEdgeWeight: options.weightAttribute === undefined ? 'weight' : options.weightAttribute,
    maxIterations: options.maxIterations ?? pagerankDefaults.maxIterations,
    tolerance: options.tolerance ?? pagerankDefaults.tolerance,
  });
  return new Map(Object.entries(scores));
}
