// Algorithms as steps: run straight through or alongside other work, the same result; alongside,
// other work gets the event loop between slices.
import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { readGml } from '../../test/reference-graphs.js';
import { exposure, exposureLinksOf, exposureSteps, type ExposureEdge } from './exposure.js';
import { louvain, louvainSteps } from './louvain.js';
import { pagerank, pagerankSteps } from './pagerank.js';
import { runAlongside, runThrough, type Steps } from './steps.js';
import { weightedGraphOf } from './weighted-graph.js';

function* counting(yields: number): Steps<number> {
  for (let i = 0; i < yields; i++) yield;
  return yields;
}

describe('steps', () => {
  it('runs straight through without handing over', () => {
    let other = 0;
    setImmediate(() => other++);
    expect(runThrough(counting(1000))).toBe(1000);
    expect(other).toBe(0);
  });

  it('hands the event loop over between slices when run alongside', async () => {
    let ticks = 0;
    let done = false;
    const tick = () => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await runAlongside(counting(100), 0);
    done = true;
    expect(result).toBe(100);
    expect(ticks).toBeGreaterThanOrEqual(100);
  });

  it('gives the same Louvain, PageRank and exposure either way', async () => {
    const graph = weightedGraphOf(readGml('moreno_lesmis'), null);
    const through = louvain(graph, { seed: 3 });
    const alongside = await runAlongside(louvainSteps(graph, { seed: 3 }), 0);
    expect(alongside.modularity).toBe(through.modularity);
    expect([...alongside.communities]).toEqual([...through.communities]);
    expect([...(await runAlongside(pagerankSteps(graph), 0))]).toEqual([...pagerank(graph)]);

    const g = new MultiUndirectedGraph<Record<string, never>, ExposureEdge>();
    for (const [a, b] of [
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'D'],
    ] as const) {
      g.mergeNode(a);
      g.mergeNode(b);
      g.addEdge(a, b, { kind: 'DIRECTS', ageYears: 0 });
    }
    const options = { seeds: new Map([['A', 1]]), leaveSelfOut: true };
    const slow = await runAlongside(exposureSteps(exposureLinksOf(g), options), 0);
    expect([...slow.scores]).toEqual([...exposure(exposureLinksOf(g), options).scores]);
  });
});
