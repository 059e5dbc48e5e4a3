import { describe, expect, it } from 'vitest';
import { edge, node, view } from './fixtures.test-helpers.js';
import { createGraph, mergeView } from './graph-model.js';
import { emptyDisplay } from './reducers.js';
import { selectCommunity } from './select-community.js';

function twoClusters() {
  const graph = createGraph();
  const left = ['Person:A1', 'Person:A2', 'Person:A3', 'Employer:A'];
  const right = ['Person:B1', 'Person:B2', 'Person:B3', 'Employer:B'];
  const edges = [];
  for (const group of [left, right])
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) edges.push(edge(group[i]!, group[j]!));
  edges.push(edge('Employer:A', 'Employer:B', { type: 'SUBCONTRACTS_TO' }));
  edges.push(edge('Person:A1', 'Community:C1', { type: 'IN_COMMUNITY' }));
  edges.push(edge('Person:B1', 'Community:C1', { type: 'IN_COMMUNITY' }));
  mergeView(
    graph,
    view(
      [...left, ...right, 'Community:C1'].map((k) => node(k)),
      edges,
    ),
    {
      place: () => ({ x: 0, y: 0 }),
      maxNodes: 100,
    },
  );
  return graph;
}

describe('selectCommunity', () => {
  it('selects the Louvain group of the selected node in the drawn graph', () => {
    const graph = twoClusters();
    const picked = selectCommunity(
      graph,
      { ...emptyDisplay, selected: new Set(['Person:A2']) },
      null,
    );
    expect(picked.keys).toEqual(
      expect.arrayContaining(['Person:A1', 'Person:A2', 'Person:A3', 'Employer:A']),
    );
    expect(picked.keys).not.toContain('Person:B2');
  });

  it('selects the members of a selected Community node', () => {
    const graph = twoClusters();
    const picked = selectCommunity(
      graph,
      { ...emptyDisplay, selected: new Set(['Community:C1']) },
      null,
    );
    expect(picked.keys.sort()).toEqual(['Person:A1', 'Person:B1']);
  });

  it('selects every entity of a community view when nothing is selected', () => {
    const graph = twoClusters();
    const picked = selectCommunity(graph, emptyDisplay, 'C1');
    expect(picked.keys).toHaveLength(8);
    expect(selectCommunity(graph, emptyDisplay, null).keys).toEqual([]);
  });
});
