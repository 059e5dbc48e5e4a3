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
