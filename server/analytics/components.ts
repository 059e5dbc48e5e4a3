// Connected components (graphology-components: breadth-first search, Hopcroft and Tarjan,
// "Algorithm 447: efficient algorithms for graph manipulation", CACM 16(6), 1973).
// A component is named after its smallest node key, so that a component keeps its id from one
// run to the next as long as that node is still in it.
import { forEachConnectedComponent } from 'graphology-components';
import type { AbstractGraph } from 'graphology-types';

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
