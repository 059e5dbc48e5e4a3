import { describe, expect, it } from 'vitest';
import { createGraph, mergeView, toGraphNode } from './graph-model.js';
import { edge, node, view } from './fixtures.test-helpers.js';

const place = () => ({ x: 1, y: 2 });

describe('mergeView', () => {
  it('adds nodes and edges with their look and data, and reports what was new', () => {
    const graph = createGraph();
    const merged = mergeView(
      graph,
      view(
        [node('Employer:E1', { score: 0.9, band: 'red' }), node('Person:P1')],
        [edge('Person:P1', 'Employer:E1', { start: '2020-01-01' })],
      ),
      { place, maxNodes: 100 },
    );
    expect(merged.addedNodes).toEqual(['Employer:E1', 'Person:P1']);
    expect(merged.addedEdges).toEqual(['Person:P1>Employer:E1']);
    const e1 = graph.getNodeAttributes('Employer:E1');
    expect(e1.label).toBe('▲ Employer E1');
    expect(e1.borderColor).toBe('#c62828');
    expect(e1.size).toBeGreaterThan(graph.getNodeAttribute('Person:P1', 'size'));
    expect(graph.getEdgeAttributes('Person:P1>Employer:E1').start).toBe('2020-01-01');
    expect(toGraphNode('Employer:E1', e1)).toEqual(
      node('Employer:E1', { score: 0.9, band: 'red' }),
    );
  });

  it('keeps a known node in place and takes the newer data (a hub’s remaining count)', () => {
    const graph = createGraph();
    mergeView(graph, view([node('Address:A1', { collapsed: { count: 120, reason: 'hub' } })], []), {
      place,
      maxNodes: 100,
    });
    graph.setNodeAttribute('Address:A1', 'x', 42);
    const merged = mergeView(
      graph,
      view(
        [node('Address:A1', { collapsed: { count: 70, reason: 'hub' } }), node('Person:P2')],
        [edge('Person:P2', 'Address:A1')],
      ),
      { place, maxNodes: 100 },
    );
    expect(merged.addedNodes).toEqual(['Person:P2']);
    expect(merged.nodes).toEqual(['Address:A1', 'Person:P2']);
    expect(graph.getNodeAttribute('Address:A1', 'x')).toBe(42);
    expect(graph.getNodeAttribute('Address:A1', 'collapsed')).toEqual({ count: 70, reason: 'hub' });
    expect(graph.getNodeAttribute('Address:A1', 'label')).toBe('Address A1 (+70)');
    // A later view that has it at its edge counts more behind it: the smaller count stands.
    mergeView(graph, view([node('Address:A1', { collapsed: { count: 90, reason: 'hub' } })], []), {
      place,
      maxNodes: 100,
    });
    expect(graph.getNodeAttribute('Address:A1', 'collapsed')).toEqual({ count: 70, reason: 'hub' });
  });

  it('keeps a node uncollapsed once all its neighbours were shown', () => {
    const graph = createGraph();
    mergeView(graph, view([node('Employer:E1')], []), { place, maxNodes: 100 });
    mergeView(graph, view([node('Employer:E1', { collapsed: { count: 57, reason: 'hub' } })], []), {
      place,
      maxNodes: 100,
    });
    expect(graph.getNodeAttribute('Employer:E1', 'collapsed')).toBeNull();
  });

  it('keeps the highest scored new nodes at the cap and drops edges to nodes left out', () => {
    const graph = createGraph();
    const merged = mergeView(
      graph,
      view(
        [
          node('Person:P1', { score: 0.1 }),
          node('Person:P2', { score: 0.8 }),
          node('Person:P3', { score: 0.5 }),
        ],
        [edge('Person:P1', 'Person:P2'), edge('Person:P2', 'Person:P3')],
      ),
      { place, maxNodes: 2 },
    );
    expect(graph.nodes().sort()).toEqual(['Person:P2', 'Person:P3']);
    expect(merged.leftOut).toBe(1);
    expect(graph.edges()).toEqual(['Person:P2>Person:P3']);
  });
});
