// Hub detection and the per-algorithm graphs built from a projection.
import { describe, expect, it } from 'vitest';
import { exposureLinks } from './build-graph.js';
import { detectHubs } from './hubs.js';
import type { LinkKind } from './link-kinds.js';
import { algorithmSpecs } from './projection-spec.js';
import { components, componentsOfProjection } from './components.js';
import { louvain } from './louvain.js';
import { ProjectedGraph, isoDay } from './projected-graph.js';
import { seededRng } from './rng.js';
import { graphologyOf, weightedGraphOfProjection, type WeightedGraph } from './weighted-graph.js';

/** The weight of the edge between two keys (0 when there is none). */
function edgeWeight(g: WeightedGraph, a: string, b: string): number {
  const i = g.keys.indexOf(a);
  const j = g.keys.indexOf(b);
  let w = 0;
  for (let e = g.starts[i]!; e < g.starts[i + 1]!; e++) if (g.neighbour[e] === j) w += g.weight[e]!;
  return w;
}

function degree(g: WeightedGraph, key: string): number {
  const i = g.keys.indexOf(key);
  return g.starts[i + 1]! - g.starts[i]!;
}

/** Every edge as [key, key, weight], each once, in adjacency order. */
function edgeList(g: WeightedGraph): [string, string, number][] {
  const edges: [string, string, number][] = [];
  for (let i = 0; i < g.keys.length; i++) {
    for (let e = g.starts[i]!; e < g.starts[i + 1]!; e++) {
      const j = g.neighbour[e]!;
      if (i < j) edges.push([g.keys[i]!, g.keys[j]!, g.weight[e]!]);
    }
  }
  return edges;
}

/** 40 addresses with 1–3 residents each, and one domiciliation address seating 60 employers. */
function withHub(): ProjectedGraph {
  const p = new ProjectedGraph();
  for (let a = 0; a < 40; a++) {
    const address = p.node('Address', `A${a}`);
    for (let r = 0; r <= a % 3; r++) p.addLink('LIVES_AT', p.node('Person', `P${a}-${r}`), address);
  }
  const hub = p.node('Address', 'DOM');
  for (let e = 0; e < 60; e++) p.addLink('SEATED_AT', p.node('Employer', `E${e}`), hub);
  const director = p.node('Person', 'D');
  p.addLink(
    'DIRECTS',
    director,
    p.node('Employer', 'E0'),
    isoDay('2015-01-01'),
    isoDay('2019-01-01'),
  );
  p.addLink('DIRECTS', director, p.node('Employer', 'E1'), isoDay('2019-01-01'));
  p.addLink('EMPLOYED_BY', director, p.node('Employer', 'E1'), isoDay('2019-01-01'));
  return p;
}

describe('hubs and per-algorithm graphs', () => {
  it('flags the domiciliation address as a hub and nothing else', () => {
    const p = withHub();
    const hubs = detectHubs(p);
    expect([...hubs.hubs].map((i) => p.keys[i])).toEqual(['Address:DOM']);
    expect(hubs.medianDegree.get('Address')).toBe(2);
  });

  it('cuts hub links for components, damps them for Louvain, keeps them for PageRank', () => {
    const p = withHub();
    const hubs = detectHubs(p);
    const cut = weightedGraphOfProjection(p, algorithmSpecs.components, hubs);
    expect(degree(cut, 'Address:DOM')).toBe(0);
    const damped = weightedGraphOfProjection(p, algorithmSpecs.louvain, hubs);
    // 60 links, median address degree 2: each link weighs 2/60 of a normal one.
    expect(edgeWeight(damped, 'Employer:E5', 'Address:DOM')).toBeCloseTo(2 / 60, 12);
    const kept = weightedGraphOfProjection(p, algorithmSpecs.pagerank, hubs);
    expect(edgeWeight(kept, 'Employer:E5', 'Address:DOM')).toBe(1);
    expect(degree(kept, 'Address:DOM')).toBe(60);
  });

  it('sums parallel links into one weighted edge', () => {
    const p = withHub();
    const g = weightedGraphOfProjection(p, algorithmSpecs.louvain, detectHubs(p));
    // D directs E1 (weight 2 for Louvain) and works there (1): one edge of weight 3.
    expect(edgeWeight(g, 'Person:D', 'Employer:E1')).toBe(3);
    expect(degree(g, 'Person:D')).toBe(2);
  });

  it('gives exposure links their age in years since they ended', () => {
    const p = withHub();
    const links = exposureLinks(p, algorithmSpecs.exposure, detectHubs(p), isoDay('2023-01-01'));
    const between = (a: string, b: string) => {
      const found: [LinkKind, number][] = [];
      links.forEachLink((s, t, kind, ageYears) => {
        const ends = [links.keys[s], links.keys[t]].sort();
        if (ends[0] === [a, b].sort()[0] && ends[1] === [a, b].sort()[1])
          found.push([kind, ageYears]);
      });
      return found;
    };
    const ages = between('Person:D', 'Employer:E0');
    expect(ages).toHaveLength(1);
    expect(ages[0]![1]).toBeCloseTo(4, 2);
    expect(between('Person:D', 'Employer:E1').sort()).toEqual([
      ['DIRECTS', 0],
      ['EMPLOYED_BY', 0],
    ]);
  });

  it('builds the same graph, and Louvain the same partition, whatever the load order', () => {
    // Persons in clusters around employers and addresses, with links across: the links come
    // in one order, then shuffled (as two loads of one data set leave them in the store).
    const rng = seededRng('order');
    const links: [string, string, string][] = [];
    for (let p = 0; p < 300; p++) {
      const c = p % 15;
      links.push(['EMPLOYED_BY', `P${p}`, `E${rng() < 0.8 ? c : Math.floor(rng() * 15)}`]);
      links.push(['LIVES_AT', `P${p}`, `A${rng() < 0.9 ? c : Math.floor(rng() * 15)}`]);
    }
    const build = (order: [string, string, string][]) => {
      const p = new ProjectedGraph();
      for (const [kind, person, other] of order) {
        const target = kind === 'LIVES_AT' ? p.node('Address', other) : p.node('Employer', other);
        p.addLink(kind as 'LIVES_AT' | 'EMPLOYED_BY', p.node('Person', person), target);
      }
      return weightedGraphOfProjection(p, algorithmSpecs.louvain, detectHubs(p));
    };
    const shuffled = [...links];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const a = build(links);
    const b = build(shuffled);
    expect(b.keys).toEqual(a.keys);
    expect(edgeList(b)).toEqual(edgeList(a));
    const pa = louvain(a, { seed: 3, restarts: 1 });
    const pb = louvain(b, { seed: 3, restarts: 1 });
    expect([...pb.communities]).toEqual([...pa.communities]);
  });

  it('finds by union–find the components graphology finds on the built graph', () => {
    const p = withHub();
    const rng = seededRng('uf');
    for (let i = 0; i < 80; i++) {
      const a = p.node('Person', `Q${Math.floor(rng() * 60)}`);
      p.addLink('PERSON_HOLDS', a, p.node('Account', `K${Math.floor(rng() * 40)}`));
    }
    const hubs = detectHubs(p);
    for (const spec of [algorithmSpecs.components, algorithmSpecs.pagerank]) {
      const expected = components(graphologyOf(weightedGraphOfProjection(p, spec, hubs)));
      const found = componentsOfProjection(p, spec, hubs);
      expect(found.count).toBe(expected.count);
      expect(found.largest).toBe(expected.largest);
      expect(new Map(found.of)).toEqual(new Map(expected.of));
    }
  });
});
