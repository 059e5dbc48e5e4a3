// Small views for the explorer's unit tests.
import { createGraph, mergeView } from './graph-model.js';
import type { GraphEdge, GraphNode, GraphView } from './graph-types.js';

export function node(key: string, extra: Partial<GraphNode> = {}): GraphNode {
  const [type, id] = key.split(':') as [GraphNode['type'], string];
  return {
    key,
    type,
    id,
    label: `${type} ${id}`,
    score: null,
    band: null,
    attributes: {},
    ...extra,
  };
}

export function edge(source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  return {
    key: `${source}>${target}`,
    source,
    target,
    type: 'EMPLOYED_BY',
    start: null,
    end: null,
    attributes: {},
    ...extra,
  };
}

export function view(nodes: GraphNode[], edges: GraphEdge[], notes: string[] = []): GraphView {
  return { nodes, edges, notes, truncated: false };
}

/** An employer with two workers, one job in 2020, one from 2022 on, every node at (3, 4). */
export function datedGraph() {
  const graph = createGraph();
  mergeView(
    graph,
    view(
      [
        node('Employer:E1', { score: 0.7, band: 'orange', attributes: { sector: 'F' } }),
        node('Person:P1'),
        node('Person:P2'),
      ],
      [
        edge('Person:P1', 'Employer:E1', { start: '2020-01-01', end: '2020-12-31' }),
        edge('Person:P2', 'Employer:E1', { start: '2022-01-01' }),
      ],
    ),
    { place: () => ({ x: 3, y: 4 }), maxNodes: 10 },
  );
  return graph;
}
