// Connected components (graphology-components: breadth-first search, Hopcroft and Tarjan,
// "Algorithm 447: efficient algorithms for graph manipulation", CACM 16(6), 1973).
// A component is named after its smallest node key, so that a component keeps its id from one
// run to the next as long as that node is still in it.
import { forEachConnectedComponent } from 'graphology-components';
import type { AbstractGraph } from 'graphology-types';
import { hubFactor } from './build-graph.js';
import type { HubReport } from './hubs.js';
import type { LinkKind } from './link-kinds.js';
import type { AlgorithmSpec } from './projection-spec.js';
import type { ProjectedGraph } from './projected-graph.js';

export interface ComponentOf {
  id: string;
  size: number;
}

export interface ComponentsResult {
  of: Map<string, ComponentOf>;
  count: number;
  largest: number;
}

export function components(graph: AbstractGraph): ComponentsResult {
  const of = new Map<string, ComponentOf>();
  let count = 0;
  let largest = 0;
  forEachConnectedComponent(graph, (members) => {
    let id = members[0]!;
    for (const m of members) if (m < id) id = m;
    const entry = { id, size: members.length };
    for (const m of members) of.set(m, entry);
    count++;
    largest = Math.max(largest, members.length);
  });
  return { of, count, largest };
}

/**
 * The same result from component numbers computed elsewhere (GDS's WCC): each component named
 * after its smallest member key, as above.
 */
export function componentsFromLabels(labels: ReadonlyMap<string, number>): ComponentsResult {
  const named = new Map<number, ComponentOf>();
  for (const [key, label] of labels) {
    const entry = named.get(label);
    if (entry === undefined) named.set(label, { id: key, size: 1 });
    else {
      entry.size++;
      if (key < entry.id) entry.id = key;
    }
  }
  const of = new Map<string, ComponentOf>();
  let largest = 0;
  for (const [key, label] of labels) of.set(key, named.get(label)!);
  for (const entry of named.values()) largest = Math.max(largest, entry.size);
  return { of, count: named.size, largest };
}

/**
 * The components of the graph buildWeightedGraph(projected, spec, hubs) would build, found
 * straight from the projection by union–find (R. E. Tarjan, "Efficiency of a good but not
 * linear set union algorithm", JACM 22(2), 1975; union by size, path halving): the same result
 * as components() on that graph without building it, which on a million nodes took ~75 % of
 * the components step (bench/results/analyze-algorithms.json).
 */
export function componentsOfProjection(
  projected: ProjectedGraph,
  spec: AlgorithmSpec,
  hubs: HubReport,
): ComponentsResult {
  const n = projected.order;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const links: Partial<Record<LinkKind, number>> = spec.links;
  projected.forEachLink((kind, s, t) => {
    const base = links[kind];
    if (base === undefined || base <= 0 || s === t) return;
    if (hubFactor(spec, hubs, projected, s, t) <= 0) return;
    let [a, b] = [find(s), find(t)];
    if (a === b) return;
    if (size[a]! < size[b]!) [a, b] = [b, a];
    parent[b] = a;
    size[a] = size[a]! + size[b]!;
  });
  const keys = projected.keys;
  const named = new Map<number, ComponentOf>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const entry = named.get(root);
    if (entry === undefined) named.set(root, { id: keys[i]!, size: size[root]! });
    else if (keys[i]! < entry.id) entry.id = keys[i]!;
  }
  const of = new Map<string, ComponentOf>();
  let largest = 0;
  for (let i = 0; i < n; i++) of.set(keys[i]!, named.get(find(i))!);
  for (const entry of named.values()) largest = Math.max(largest, entry.size);
  return { of, count: named.size, largest };
}
