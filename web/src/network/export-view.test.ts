import { describe, expect, it } from 'vitest';
import { visibleGexf, visibleView } from './export-view.js';
import { datedGraph, node } from './fixtures.test-helpers.js';
import { emptyDisplay } from './reducers.js';

describe('export of the visible graph', () => {
  it('as JSON in the API’s shape, without hidden nodes and inactive relations', () => {
    const graph = datedGraph();
    const out = visibleView(
      graph,
      { ...emptyDisplay, hidden: new Set(['Person:P1']), asOf: '2023-01-01' },
      ['a note'],
    );
    expect(out.nodes.map((n) => n.key)).toEqual(['Employer:E1', 'Person:P2']);
    expect(out.nodes[0]).toEqual(
      node('Employer:E1', { score: 0.7, band: 'orange', attributes: { sector: 'F' } }),
    );
    expect(out.edges.map((e) => e.key)).toEqual(['Person:P2>Employer:E1']);
    expect(out.notes).toEqual(['a note', 'relations active on 2023-01-01']);
  });

  it('as GEXF with positions, colours and data', () => {
    const graph = datedGraph();
    const gexf = visibleGexf(graph, { ...emptyDisplay, asOf: '2020-06-01' });
    expect(gexf).toContain('<gexf');
    expect(gexf).toContain('id="Employer:E1"');
    expect(gexf).toContain('label="Employer E1"');
    expect(gexf).toMatch(/<viz:position x="3" y="4"/);
    expect(gexf).toContain('value="orange"');
    expect(gexf).toContain('id="Person:P1>Employer:E1"');
    expect(gexf).not.toContain('Person:P2>Employer:E1');
  });
});
