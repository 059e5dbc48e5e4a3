// Turns the projection into the graphology graph one algorithm runs on, as its spec in
// projection-spec.ts says: only the kinds of link it lists, with their weights, and hubs kept,
// damped or cut.
//
// The weighted graph is built in a canonical order: nodes sorted by key, edges sorted by their
// ends' positions in that order. The projection's own order follows the database's (the order
// relationships were loaded in), and Louvain is order-sensitive: on one data set loaded in two
// orders, the same seed gave 3,513 and 3,493 communities. Sorted, the same data gives the same
// graph, and the same seed the same partition, whatever the load order.
import { MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { ExposureEdge } from './exposure.js';
import { hubDamping, type HubReport } from './hubs.js';
import { linkKindNames, type LinkKind } from './link-kinds.js';
import type { AlgorithmSpec } from './projection-spec.js';
import type { ProjectedGraph } from './projected-graph.js';

export interface WeightedEdge {
  weight: number;
}

/** The hub factor of a link: 0 when cut, the damping when damped, 1 otherwise. */
export function hubFactor(
  spec: AlgorithmSpec,
  hubs: HubReport,
  projected: ProjectedGraph,
  s: number,
  t: number,
): number {
  if (spec.hubs === 'keep') return 1;
  let factor = 1;
  for (const node of [s, t]) {
    if (!hubs.hubs.has(node)) continue;
    if (spec.hubs === 'cut') return 0;
    factor *= hubDamping(hubs, projected.labels[node]!, node);
  }
  return factor;
}

function addNodes(graph: AbstractGraph, projected: ProjectedGraph): void {
  for (const key of projected.keys) graph.addNode(key);
}

/** Node indices of the projection in key order. */
export function keyOrder(projected: ProjectedGraph): Uint32Array {
  const keys = projected.keys;
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
}

const kindCodes = new Map(linkKindNames.map((kind, i) => [kind, i]));
const kindSlots = 16;
if (linkKindNames.length > kindSlots) throw new Error('analytics: too many link kinds to encode');

/**
 * A simple undirected graph: parallel links (a person employed twice by one employer, or
 * working there and directing it) become one edge whose weight is the sum of theirs.
 * Nodes come in key order and edges in the order of their ends (see above): each link is
 * encoded as one number (lower end's position, higher end's position, kind), the codes are
 * sorted, and runs of one pair become one edge, which is also faster than merging edges in
 * graphology one link at a time.
 */
export function buildWeightedGraph(
  projected: ProjectedGraph,
  spec: AlgorithmSpec,
  hubs: HubReport,
): UndirectedGraph<Record<string, never>, WeightedEdge> {
  const graph = new UndirectedGraph<Record<string, never>, WeightedEdge>();
  const keys = projected.keys;
  const n = keys.length;
  if (n * n * kindSlots > Number.MAX_SAFE_INTEGER) {
    throw new Error(
      `analytics: ${n} nodes are too many for the in-process engine; use --engine gds`,
    );
  }
  const order = keyOrder(projected);
  const position = new Uint32Array(n);
  order.forEach((node, p) => {
    position[node] = p;
    graph.addNode(keys[node]!);
  });
  const links: Partial<Record<LinkKind, number>> = spec.links;
  const codes = new Float64Array(projected.linkCount);
  let count = 0;
  projected.forEachLink((kind, s, t) => {
    const base = links[kind];
    if (base === undefined || base <= 0 || s === t) return;
    const [lo, hi] =
      position[s]! < position[t]! ? [position[s]!, position[t]!] : [position[t]!, position[s]!];
    codes[count++] = (lo * n + hi) * kindSlots + kindCodes.get(kind)!;
  });
  const sorted = codes.subarray(0, count).sort();
  let i = 0;
  while (i < count) {
    const pair = Math.floor(sorted[i]! / kindSlots);
    const lo = Math.floor(pair / n);
    const s = order[lo]!;
    const t = order[pair - lo * n]!;
    const factor = hubFactor(spec, hubs, projected, s, t);
    let weight = 0;
    for (; i < count && Math.floor(sorted[i]! / kindSlots) === pair; i++) {
      weight += links[linkKindNames[sorted[i]! % kindSlots]!]! * factor;
    }
    if (weight > 0) graph.addEdge(keys[s]!, keys[t]!, { weight });
  }
  return graph;
}

/** A multigraph keeping each link with its kind and age, for the time-decayed exposure. */
export function buildExposureGraph(
  projected: ProjectedGraph,
  spec: AlgorithmSpec,
  hubs: HubReport,
  asOfDay: number,
): MultiUndirectedGraph<Record<string, never>, ExposureEdge> {
  const graph = new MultiUndirectedGraph<Record<string, never>, ExposureEdge>();
  addNodes(graph, projected);
  const keys = projected.keys;
  const links: Partial<Record<LinkKind, number>> = spec.links;
  projected.forEachLink((kind, s, t, _start, end) => {
    if (links[kind] === undefined || s === t) return;
    const damping = hubFactor(spec, hubs, projected, s, t);
    if (damping <= 0) return;
    const ageYears = Number.isNaN(end) ? 0 : Math.max(0, asOfDay - end) / 365.25;
    graph.addEdge(keys[s]!, keys[t]!, { kind, ageYears, damping });
  });
  return graph;
}
