import { describe, expect, it } from 'vitest';
import { datedGraph } from './fixtures.test-helpers.js';
import { dimmedColour } from './graph-style.js';
import { emptyDisplay, hoverOf, styleEdge, styleNode, visibleEdges } from './reducers.js';

describe('reducers', () => {
  it('style copies and never write to the graph', () => {
    const graph = datedGraph();
    const before = JSON.stringify(graph.export());
    const display = {
      ...emptyDisplay,
      selected: new Set(['Person:P1']),
      highlightNodes: new Set(['Employer:E1']),
    };
    const hover = hoverOf(graph, 'Person:P2');
    graph.forEachNode((key, a) => styleNode(key, a, display, hover));
    graph.forEachEdge((key, a, source, target) =>
      styleEdge(key, a, { source, target }, display, hover),
    );
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it('dims what is outside a highlighted path, keeps the selection bright', () => {
    const graph = datedGraph();
    const display = {
      ...emptyDisplay,
      selected: new Set(['Person:P2']),
      highlightNodes: new Set(['Employer:E1', 'Person:P1']),
      highlightEdges: new Set(['Person:P1>Employer:E1']),
    };
    const styled = (key: string) => styleNode(key, graph.getNodeAttributes(key), display, null);
    expect(styled('Employer:E1').forceLabel).toBe(true);
    expect(styled('Person:P2').highlighted).toBe(true);
    expect(styled('Person:P2').color).not.toBe(dimmedColour);
    const onPath = styleEdge(
      'Person:P1>Employer:E1',
      graph.getEdgeAttributes('Person:P1>Employer:E1'),
      { source: 'Person:P1', target: 'Employer:E1' },
      display,
      null,
    );
    expect(onPath.size).toBe(3);
  });

  it('hides relations inactive at the slider’s date and those of hidden nodes', () => {
    const graph = datedGraph();
    expect(visibleEdges(graph, { ...emptyDisplay, asOf: '2020-06-01' })).toEqual([
      'Person:P1>Employer:E1',
    ]);
    expect(visibleEdges(graph, { ...emptyDisplay, asOf: '2023-06-01' })).toEqual([
      'Person:P2>Employer:E1',
    ]);
    expect(visibleEdges(graph, { ...emptyDisplay, hidden: new Set(['Person:P2']) })).toEqual([
      'Person:P1>Employer:E1',
    ]);
    const hidden = styleNode(
      'Person:P2',
      graph.getNodeAttributes('Person:P2'),
      { ...emptyDisplay, hidden: new Set(['Person:P2']) },
      null,
    );
    expect(hidden.hidden).toBe(true);
  });

  it('on hover keeps the node and its neighbours, dims the rest', () => {
    const graph = datedGraph();
    graph.addNode('Person:P3', { ...graph.getNodeAttributes('Person:P1'), entityId: 'P3' });
    const hover = hoverOf(graph, 'Person:P1');
    expect(
      styleNode('Employer:E1', graph.getNodeAttributes('Employer:E1'), emptyDisplay, hover).color,
    ).not.toBe(dimmedColour);
    expect(
      styleNode('Person:P3', graph.getNodeAttributes('Person:P3'), emptyDisplay, hover).color,
    ).toBe(dimmedColour);
  });
});
