// Turns the projection into the graphology graph one algorithm runs on, as its spec in
// projection-spec.ts says: only the kinds of link it lists, with their weights, and hubs kept,
// damped or cut. Nodes are added in projection order, so the same data gives the same graph
// (and, with the same seed, the same Louvain partition).
import { MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { ExposureEdge } from './exposure.js';
import type { HubReport } from './hubs.js';
import type { LinkKind } from './link-kinds.js';
import type { AlgorithmSpec } from './projection-spec.js';
import type { ProjectedGraph } from './projected-graph.js';

export interface WeightedEdge {
  weight: number;
}

/** The hub factor of a link: 0 when cut, the damping when damped, 1 otherwise. */
function hubFactor(
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
    const typical = hubs.medianDegree.get(projected.labels[node]!) ?? 1;
    factor *= Math.min(1, typical / Math.max(1, hubs.degree[node]!));
  }
  return factor;
}

function addNodes(graph: AbstractGraph, projected: ProjectedGraph): void {
  for (const key of projected.keys) graph.addNode(key);
}

/**
 * A simple undirected graph: parallel links (a person employed twice by one employer, or
 * working there and directing it) become one edge whose weight is the sum of theirs.
 */
export function buildWeightedGraph(
  projected: ProjectedGraph,
  spec: AlgorithmSpec,
  hubs: HubReport,
): UndirectedGraph<Record<string, never>, WeightedEdge> {
  const graph = new UndirectedGraph<Record<string, never>, WeightedEdge>();
  addNodes(graph, projected);
  const keys = projected.keys;
  const links: Partial<Record<LinkKind, number>> = spec.links;
  projected.forEachLink((kind, s, t) => {
    const base = links[kind];
    if (base === undefined || base <= 0 || s === t) return;
    const w = base * hubFactor(spec, hubs, projected, s, t);
    if (w <= 0) return;
    graph.updateEdge(keys[s]!, keys[t]!, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  });
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
