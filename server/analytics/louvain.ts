// Louvain community detection (V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
// "Fast unfolding of communities in large networks", J. Stat. Mech. P10008, 2008), run by
// graphology-communities-louvain on the weighted graph of projection-spec.ts. Its random walk
// over the nodes takes an explicit `rng`: the same graph (nodes in the same order) and the same
// seed give the same partition. Community numbers are per run; stable-communities.ts turns them
// into ids kept across runs.
//
// Restarts: one run of graphology's Louvain lands, depending on the seed, anywhere in a band of
// about 0.01 of modularity; on the LFR reference graph with mixing 0.3 about a quarter of the
// seeds fall below the minimum networkx reached over its five seeds. The best of `restarts`
// runs (default 3; each with its own rng drawn from the seed) never did in 20 trials, at three
// times the cost. Set restarts to 1 where time matters more.
import louvainModule from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { seededRng, type Rng } from './rng.js';

// A CommonJS package whose types declare `export default`: under NodeNext the default import
// is module.exports, the function itself.
const louvainLib = louvainModule as unknown as typeof louvainModule.default;

export interface LouvainOptions {
  /** Seed of the rng (default 42); ignored when `rng` is given. */
  seed?: number;
  rng?: Rng;
  /** Resolution γ (default 1); above 1, smaller communities. */
  resolution?: number;
  /** Edge attribute holding the weight (default 'weight'), or null for unweighted. */
  weightAttribute?: string | null;
  /** Runs to take the best (highest modularity) of (default 3). */
  restarts?: number;
}

export interface LouvainResult {
  /** Node → community number (0 … count − 1). */
  communities: Map<string, number>;
  count: number;
  /** Modularity of the partition (resolution-adjusted when resolution ≠ 1). */
  modularity: number;
}

export function louvain(graph: AbstractGraph, options: LouvainOptions = {}): LouvainResult {
  const seed = options.seed ?? 42;
  const restarts = options.restarts ?? 3;
  if (!(Number.isInteger(restarts) && restarts >= 1)) {
    throw new Error('louvain: restarts must be a whole number ≥ 1');
  }
  const weight = options.weightAttribute === undefined ? 'weight' : options.weightAttribute;
  let detailed: ReturnType<typeof louvainLib.detailed> | undefined;
  for (let run = 0; run < restarts; run++) {
    const attempt = louvainLib.detailed(graph, {
      getEdgeWeight: weight,
      resolution: options.resolution ?? 1,
      rng: options.rng ?? seededRng(`${seed}:${run}`),
    });
    if (detailed === undefined || attempt.modularity > detailed.modularity) detailed = attempt;
  }
  if (detailed === undefined) throw new Error('louvain: no run');
  return {
    communities: new Map(Object.entries(detailed.communities)),
    count: detailed.count,
    modularity: detailed.modularity,
  };
}
