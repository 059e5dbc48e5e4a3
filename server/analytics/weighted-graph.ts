// The simple weighted undirected graph Louvain and PageRank run on, as compressed adjacency in
// typed arrays: node i is keys[i]; its neighbours are neighbour[starts[i] … starts[i+1]) with the
// weights beside them (every edge appears once from each end); a loop is kept apart in
// selfLoop[i]. About 12 bytes per edge end, where a graphology graph takes some 300 bytes per
// edge: at a million persons (5 M nodes, 12 M links) this is the difference between 0.3 GB and
// not fitting in a 4 GB heap at all.
//
// From a projection, the graph is built in a canonical order: nodes sorted by key, edges sorted
// by their ends' positions in that order. The projection's own order follows the database's
// (the order relationships were loaded in), and Louvain is order-sensitive: on one data set
// loaded in two orders, the same seed gave 3,513 and 3,493 communities. Sorted, the same data
// gives the same graph, and the same seed the same partition, whatever the load order.
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { hubFactor, keyOrder } from './build-graph.js';
import type { HubReport } from './hubs.js';
import { linkKindNames, type LinkKind } from './link-kinds.js';
import type { AlgorithmSpec } from './projection-spec.js';
import type { ProjectedGraph } from './projected-graph.js';

export interface WeightedGraph {
  readonly keys: readonly string[];
  readonly starts: Uint32Array;
  readonly neighbour: Uint32Array;
  readonly weight: Float64Array;
  readonly selfLoop: Float64Array;
}

/** Number of edges (a loop counts once). */
export function edgeCount(graph: WeightedGraph): number {
  let loops = 0;
  for (const w of graph.selfLoop) if (w !== 0) loops++;
  return graph.neighbour.length / 2 + loops;
}

/**
 * The adjacency of edges given as parallel arrays (lo < hi, or lo = hi for a loop), in the
 * order given: each node's neighbours keep that order.
 */
export function fromEdges(
  keys: readonly string[],
  lo: Uint32Array,
  hi: Uint32Array,
  w: Float64Array,
  count = lo.length,
): WeightedGraph {
  const n = keys.length;
  const starts = new Uint32Array(n + 1);
  const selfLoop = new Float64Array(n);
  for (let e = 0; e < count; e++) {
    if (lo[e] === hi[e]) continue;
    starts[lo[e]! + 1]!++;
    starts[hi[e]! + 1]!++;
  }
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
  const fill = starts.slice(0, n);
  const neighbour = new Uint32Array(starts[n]!);
  const weight = new Float64Array(starts[n]!);
  for (let e = 0; e < count; e++) {
    const a = lo[e]!;
    const b = hi[e]!;
    if (a === b) {
      selfLoop[a]! += w[e]!;
      continue;
    }
    neighbour[fill[a]!] = b;
    weight[fill[a]!++] = w[e]!;
    neighbour[fill[b]!] = a;
    weight[fill[b]!++] = w[e]!;
  }
  return { keys, starts, neighbour, weight, selfLoop };
}

const kindCodes = new Map(linkKindNames.map((kind, i) => [kind, i]));
const kindSlots = 16;
if (linkKindNames.length > kindSlots) throw new Error('analytics: too many link kinds to encode');

/**
 * The graph one algorithm sees, as its spec in projection-spec.ts says: only the kinds of link
 * it lists, with their weights, hubs kept, damped or cut. Parallel links (a person employed
 * twice by one employer, or working there and directing it) become one edge whose weight is
 * the sum of theirs; loops are left out. Each link is encoded as one number (lower end's
 * position, higher end's position, kind), the codes are sorted, and runs of one pair become
 * one edge.
 */
export function weightedGraphOfProjection(
  projected: ProjectedGraph,
  spec: AlgorithmSpec,
  hubs: HubReport,
): WeightedGraph {
  const n = projected.order;
  if (n * n * kindSlots > Number.MAX_SAFE_INTEGER) {
    throw new Error(
      `analytics: ${n} nodes are too many for the in-process engine; use --engine gds`,
    );
  }
  const order = keyOrder(projected);
  const position = new Uint32Array(n);
  const keys = new Array<string>(n);
  order.forEach((node, p) => {
    position[node] = p;
    keys[p] = projected.keys[node]!;
  });
  const links: Partial<Record<LinkKind, number>> = spec.links;
  const codes = new Float64Array(projected.linkCount);
  let count = 0;
  projected.forEachLink((kind, s, t) => {
    const base = links[kind];
    if (base === undefined || base <= 0 || s === t) return;
    const a = position[s]!;
    const b = position[t]!;
    codes[count++] = ((a < b ? a : b) * n + (a < b ? b : a)) * kindSlots + kindCodes.get(kind)!;
  });
  const sorted = codes.subarray(0, count).sort();
  const lo = new Uint32Array(count);
  const hi = new Uint32Array(count);
  const w = new Float64Array(count);
  let edges = 0;
  let i = 0;
  while (i < count) {
    const pair = Math.floor(sorted[i]! / kindSlots);
    const a = Math.floor(pair / n);
    const b = pair - a * n;
    const factor = hubFactor(spec, hubs, projected, order[a]!, order[b]!);
    let weight = 0;
    for (; i < count && Math.floor(sorted[i]! / kindSlots) === pair; i++) {
      weight += links[linkKindNames[sorted[i]! % kindSlots]!]! * factor;
    }
    if (weight > 0) {
      lo[edges] = a;
      hi[edges] = b;
      w[edges++] = weight;
    }
  }
  return fromEdges(keys, lo, hi, w, edges);
}

/**
 * A graphology graph as a weighted graph, nodes in the graph's order (the reference graphs of
 * the tests come this way). Parallel edges of a multigraph stay separate entries, which the
 * algorithms add up. `weightAttribute` null weighs every edge 1.
 */
export function weightedGraphOf(
  graph: AbstractGraph,
  weightAttribute: string | null = 'weight',
): WeightedGraph {
  const keys = graph.nodes();
  const index = new Map(keys.map((key, i) => [key, i]));
  const lo = new Uint32Array(graph.size);
  const hi = new Uint32Array(graph.size);
  const w = new Float64Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, attr: Record<string, unknown>, source, target) => {
    const a = index.get(source)!;
    const b = index.get(target)!;
    lo[e] = Math.min(a, b);
    hi[e] = Math.max(a, b);
    w[e++] = weightAttribute === null ? 1 : Number(attr[weightAttribute] ?? 1);
  });
  return fromEdges(keys, lo, hi, w, e);
}

/**
 * The graph in graphology, edge weights in `weight` and loops as loop edges: for checking the
 * algorithms against graphology's packages (tests, bench/analyze.ts), never on the way of a run.
 */
export function graphologyOf(graph: WeightedGraph): UndirectedGraph {
  const g = new UndirectedGraph({ allowSelfLoops: true });
  for (const key of graph.keys) g.addNode(key);
  graph.keys.forEach((key, i) => {
    if (graph.selfLoop[i] !== 0) g.addEdge(key, key, { weight: graph.selfLoop[i] });
    for (let e = graph.starts[i]!; e < graph.starts[i + 1]!; e++) {
      const j = graph.neighbour[e]!;
      if (i < j) g.addEdge(key, graph.keys[j]!, { weight: graph.weight[e] });
    }
  });
  return g;
}
