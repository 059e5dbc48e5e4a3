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

const gmlGraphs = ['karate', 'dolphins', 'football', 'polbooks', 'moreno_lesmis'];

describe('Louvain on reference graphs', () => {
  it('reaches modularity ≥ 0.41 on karate (best known 0.41979) for every seed tried', () => {
    const graph = readGml('karate');
    for (let seed = 1; seed <= 10; seed++) {
      const result = louvain(graph, { seed, weightAttribute: null, restarts: 1 });
      expect(result.modularity, `seed ${seed}`).toBeGreaterThanOrEqual(0.41);
      expect(result.modularity).toBeLessThanOrEqual(0.41979 + 1e-6);
    }
  });

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
        const result = louvain(graph, { seed, weightAttribute: null });
        expect(result.modularity, `seed ${seed}`).toBeGreaterThanOrEqual(
          reference.networkx_louvain_5_seeds.modularity_min,
        );
      }
    },
  );

  it('gives the same partition for the same graph and seed', () => {
    const graph = readLfr('lfr_n1000_mu0.3_seed42');
    const a = louvain(graph, { seed: 7, weightAttribute: null });
    const b = louvain(graph, { seed: 7, weightAttribute: null });
    expect([...b.communities]).toEqual([...a.communities]);
    expect(b.modularity).toBe(a.modularity);
  });
});

describe('PageRank on reference graphs', () => {
  it.each(gmlGraphs)('matches networkx (alpha 0.85) within 1e-6 on %s', (name) => {
    const graph = readGml(name);
    const expected = referenceFor(name)['pagerank_alpha0.85']!;
    const scores = pagerank(graph, { weightAttribute: null });
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
