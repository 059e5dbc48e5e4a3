// Correctness of the graph algorithms against public reference graphs with known answers
// (../shared/reference: networkx 2.8.8 and igraph 0.10.2 figures).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  lfrReference,
  referenceDir,
  readGml,
  readLfr,
  referenceFor,
} from '../../test/reference-graphs.js';
import { components } from './components.js';
import { louvain } from './louvain.js';
import { pagerank } from './pagerank.js';
import { weightedGraphOf } from './weighted-graph.js';

const gmlGraphs = ['karate', 'dolphins', 'football', 'polbooks', 'moreno_lesmis'];

describe('Louvain on reference graphs', () => {
  it('reaches modularity ≥ 0.41 on karate (best known 0.41979) for every seed tried', () => {
    const graph = weightedGraphOf(readGml('karate'), null);
    for (let seed = 1; seed <= 10; seed++) {
      const result = louvain(graph, { seed });
      expect(result.modularity, `seed ${seed}`).toBeGreaterThanOrEqual(0.41);
      expect(result.modularity).toBeLessThanOrEqual(0.41979 + 1e-6);
    }
  });

  it.each(gmlGraphs)(
    'lands, over seeds 1–20, a median modularity at least networkx’s minimum on %s',
    (name) => {
      const graph = weightedGraphOf(readGml(name), null);
      const reference = referenceFor(name).networkx_louvain_20_seeds!;
      const found: number[] = [];
      for (let seed = 1; seed <= 20; seed++) found.push(louvain(graph, { seed }).modularity);
      found.sort((a, b) => a - b);
      expect(found[10]).toBeGreaterThanOrEqual(reference.modularity_min - 1e-6);
      expect(found[19]).toBeLessThanOrEqual(reference.modularity_max + 0.002);
    },
  );

  // lfr_reference.json also lists graphs whose edge files are not shipped.
  const shipped = lfrReference.filter((r) =>
    existsSync(path.join(referenceDir, 'lfr', `${r.file}.edges.csv`)),
  );

  it.each(shipped.map((r) => [r.file, r] as const))(
    'reaches at least networkx’s minimum modularity on %s (best of 3 restarts, seeds 1–5)',
    (file, reference) => {
      const graph = readLfr(file);
      expect(graph.size).toBe(reference.m);
      for (const seed of [1, 2, 3, 4, 5]) {
        const result = louvain(weightedGraphOf(graph, null), { seed });
        expect(result.modularity, `seed ${seed}`).toBeGreaterThanOrEqual(
          reference.networkx_louvain_5_seeds.modularity_min,
        );
      }
    },
  );

  it('gives the same partition for the same graph and seed', () => {
    const graph = readLfr('lfr_n1000_mu0.3_seed42');
    const a = louvain(weightedGraphOf(graph, null), { seed: 7 });
    const b = louvain(weightedGraphOf(graph, null), { seed: 7 });
    expect([...b.communities]).toEqual([...a.communities]);
    expect(b.modularity).toBe(a.modularity);
  });
});

describe('PageRank on reference graphs', () => {
  it.each(gmlGraphs)('matches networkx (alpha 0.85) within 1e-6 on %s', (name) => {
    const graph = readGml(name);
    const expected = referenceFor(name)['pagerank_alpha0.85']!;
    const scores = pagerank(weightedGraphOf(graph, null));
    expect(scores.size).toBe(Object.keys(expected).length);
    for (const [node, value] of Object.entries(expected)) {
      expect(Math.abs(scores.get(node)! - value), `node ${node}`).toBeLessThanOrEqual(1e-6);
    }
  });
});

describe('connected components on reference graphs', () => {
  it.each(gmlGraphs)('counts as networkx does on %s', (name) => {
    const graph = readGml(name);
    const reference = referenceFor(name);
    expect(graph.order).toBe(reference.n);
    expect(graph.size).toBe(reference.m);
    expect(components(graph).count).toBe(reference.connected_components);
  });
});
