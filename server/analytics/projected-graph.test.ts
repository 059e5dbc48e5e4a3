import { describe, expect, it } from 'vitest';
import { ProjectedGraph } from './projected-graph.js';

function links(graph: ProjectedGraph) {
  const out: string[] = [];
  graph.forEachLink((kind, s, t, start, end) => out.push(`${kind} ${s}-${t} ${start} ${end}`));
  return out;
}

describe('the projection’s link store', () => {
  it('keeps every link through growing and trimming', () => {
    const graph = new ProjectedGraph();
    const expected: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const p = graph.node('Person', `P${i}`);
      const a = graph.node('Address', `A${i % 7}`);
      graph.addLink('LIVES_AT', p, a, i, i % 2 ? NaN : i + 1);
      expected.push(`LIVES_AT ${p}-${a} ${i} ${i % 2 ? NaN : i + 1}`);
    }
    expect(links(graph)).toEqual(expected);
    graph.trim();
    expect(graph.linkCount).toBe(3000);
    expect(links(graph)).toEqual(expected);
    graph.addLink('HOUSEHOLD', 0, 2);
    expect(links(graph)).toHaveLength(3001);
  });

  it('takes links after trimming an empty store', () => {
    const graph = new ProjectedGraph();
    graph.trim();
    graph.addLink('HOUSEHOLD', graph.node('Person', 'P1'), graph.node('Person', 'P2'));
    graph.addLink('HOUSEHOLD', 1, 0);
    expect(links(graph)).toEqual(['HOUSEHOLD 0-1 NaN NaN', 'HOUSEHOLD 1-0 NaN NaN']);
  });

  it('refuses to read or add links once they are released, and keeps the nodes', () => {
    const graph = new ProjectedGraph();
    graph.addLink('LIVES_AT', graph.node('Person', 'P1'), graph.node('Address', 'A1'));
    graph.releaseLinks();
    expect(() => links(graph)).toThrow(/released/);
    expect(() => graph.addLink('HOUSEHOLD', 0, 0)).toThrow(/released/);
    expect(graph.keys).toEqual(['Person:P1', 'Address:A1']);
    expect(graph.linkCount).toBe(1);
  });
});
