import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { readLfr } from '../../test/reference-graphs.js';
import { louvain } from './louvain.js';
import { seededRng } from './rng.js';
import { stableCommunityIds } from './stable-communities.js';
import { weightedGraphOf } from './weighted-graph.js';

describe('stable community ids', () => {
  it('keeps the id of a community whose members mostly stay, and numbers new ones after', () => {
    const partition = new Map([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['d', 1],
      ['e', 1],
      ['f', 2],
      ['g', 2],
    ]);
    const previous = new Map([
      ['a', 'C3'],
      ['b', 'C3'],
      ['c', 'C7'],
      ['d', 'C7'],
      ['e', 'C7'],
      ['x', 'C9'],
    ]);
    const { ids, matched, created } = stableCommunityIds(partition, previous);
    // 0 shares a, b with C3 (2 of 3); 1 shares d, e with C7 (2 of 2); 2 is new: C10 (after C9).
    expect(ids.get(0)).toBe('C3');
    expect(ids.get(1)).toBe('C7');
    expect(ids.get(2)).toBe('C10');
    expect([matched, created]).toEqual([2, 1]);
  });

  it('gives a split community’s id to the larger part only', () => {
    const partition = new Map([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['d', 1],
      ['e', 1],
    ]);
    const previous = new Map(['a', 'b', 'c', 'd', 'e'].map((m) => [m, 'C1']));
    const { ids } = stableCommunityIds(partition, previous);
    expect(ids.get(0)).toBe('C1');
    expect(ids.get(1)).toBe('C2');
  });

  it('keeps nearly every node’s id across two runs on a perturbed LFR graph', () => {
    const graph = readLfr('lfr_n1000_mu0.1_seed42');
    const first = louvain(weightedGraphOf(graph), { seed: 1 });
    const firstIds = stableCommunityIds(first.communities, new Map()).ids;
    const previous = new Map([...first.communities].map(([n, c]) => [n, firstIds.get(c)!]));

    // Perturb: drop 3 % of the edges, add 20 new nodes with 5 random edges each; another seed.
    const rng = seededRng('perturb');
    const perturbed = new UndirectedGraph();
    graph.forEachNode((n) => perturbed.addNode(n));
    graph.forEachEdge((_e, _a, s, t) => {
      if (rng() >= 0.03) perturbed.addEdge(s, t);
    });
    const nodes = graph.nodes();
    for (let i = 0; i < 20; i++) {
      perturbed.addNode(`new${i}`);
      for (let k = 0; k < 5; k++) {
        perturbed.mergeEdge(`new${i}`, nodes[Math.floor(rng() * nodes.length)]!);
      }
    }
    const second = louvain(weightedGraphOf(perturbed), { seed: 2 });
    const { ids, matched } = stableCommunityIds(second.communities, previous);
    let same = 0;
    for (const [node, oldId] of previous) {
      if (ids.get(second.communities.get(node)!) === oldId) same++;
    }
    expect(matched).toBeGreaterThanOrEqual(Math.min(first.count, second.count) - 2);
    expect(same / previous.size).toBeGreaterThan(0.9);
  });
});
