// Benchmark of the in-process analytics engine (typed arrays, weighted-graph.ts) on a synthetic
// graph of realistic shape and size built here, seeded: persons working, living and directing inside local
// clusters of employers and addresses (with some links across clusters), a few domiciliation
// hubs, bankrupt indebted employers and confirmed-fraud inspections as exposure seeds.
// Times each step (build of the algorithm's graph included) and reports medians over the
// repetitions, with the process's peak RSS after each step; writes the figures to
// bench/results/analyze-algorithms.json.
//
//   NODE_OPTIONS='--max-old-space-size=8192 --expose-gc' npx tsx bench/analyze-algorithms.ts [persons] [reps]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exposureLinks } from '../server/analytics/build-graph.js';
import { components, componentsOfProjection } from '../server/analytics/components.js';
import { degreesByKind } from '../server/analytics/degrees.js';
import { exposure } from '../server/analytics/exposure.js';
import { exposureSeeds } from '../server/analytics/exposure-seeds.js';
import { detectHubs } from '../server/analytics/hubs.js';
import { louvain } from '../server/analytics/louvain.js';
import { pagerank } from '../server/analytics/pagerank.js';
import { algorithmSpecs } from '../server/analytics/projection-spec.js';
import { ProjectedGraph } from '../server/analytics/projected-graph.js';
import { seededRng } from '../server/analytics/rng.js';
import {
  edgeCount,
  graphologyOf,
  weightedGraphOfProjection,
} from '../server/analytics/weighted-graph.js';
import { projectRoot } from '../server/paths.js';

const persons = Number(process.argv[2] ?? 600_000);
const reps = Number(process.argv[3] ?? 3);
const asOfDay = 20_000; // 2024-10-04

function synthetic(seed: string): ProjectedGraph {
  const rng = seededRng(seed);
  const pick = (n: number) => Math.floor(rng() * n);
  const g = new ProjectedGraph();
  const employers = Math.round(persons / 10);
  const clusters = Math.round(employers / 10);
  const addressesPerCluster = 30;
  const employerIn = (c: number) => c + clusters * pick(10);
  const addressIn = (c: number) => `${c}-${pick(addressesPerCluster)}`;
  const local = (c: number, p: number) => (rng() < p ? c : pick(clusters));
  const end = () => (rng() < 0.5 ? NaN : asOfDay - pick(3650));
  for (let e = 0; e < employers; e++) {
    const node = g.node('Employer', `E${e}`);
    const seat = rng() < 0.01 ? `DOM${pick(20)}` : addressIn(e % clusters);
    g.addLink('SEATED_AT', node, g.node('Address', seat), NaN, end());
    if (rng() < 0.02) g.setFacts(node, { status: 'bankrupt', debt: 10_000, ceasedDay: end() });
    if (rng() < 0.005) g.setFacts(node, { confirmedFraudDays: [asOfDay - pick(1000)] });
  }
  for (let p = 0; p < persons; p++) {
    const node = g.node('Person', `P${p}`);
    const c = pick(clusters);
    const jobs = 1 + pick(3);
    for (let j = 0; j < jobs; j++) {
      g.addLink(
        'EMPLOYED_BY',
        node,
        g.node('Employer', `E${employerIn(local(c, 0.85))}`),
        NaN,
        end(),
      );
    }
    g.addLink('LIVES_AT', node, g.node('Address', addressIn(local(c, 0.9))), NaN, end());
    if (rng() < 0.05) {
      g.addLink('DIRECTS', node, g.node('Employer', `E${employerIn(c)}`), NaN, end());
    }
    if (rng() < 0.3) g.addLink('PERSON_HOLDS', node, g.node('Account', `A${p - pick(2)}`));
  }
  return g;
}

interface Step {
  seconds: number[];
  peakRssMiB: number[];
  extra?: Record<string, number>;
}
const steps = new Map<string, Step>();
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function measure<T>(name: string, work: () => T, extra?: (result: T) => Record<string, number>) {
  const started = performance.now();
  const result = work();
  const seconds = (performance.now() - started) / 1000;
  const step = steps.get(name) ?? { seconds: [], peakRssMiB: [] };
  step.seconds.push(seconds);
  step.peakRssMiB.push(peakMiB());
  if (extra) step.extra = extra(result);
  steps.set(name, step);
  console.log(`${name}: ${seconds.toFixed(2)} s, peak RSS ${peakMiB()} MiB`);
  return result;
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const projected = measure('generate', () => synthetic('bench'));
console.log(`graph: ${projected.order} nodes, ${projected.linkCount} links`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (let rep = 0; rep < reps; rep++) {
  console.log(`repetition ${rep + 1}/${reps}`);
  const hubs = measure(
    'hubs',
    () => detectHubs(projected),
    (h) => ({ hubs: h.hubs.size }),
  );
  measure('degrees by kind', () => degreesByKind(projected));
  // What the in-process engine does for components: union–find on the projection, no graph.
  measure(
    'components (union–find on the projection)',
    () => componentsOfProjection(projected, algorithmSpecs.components, hubs),
    (r) => ({ count: r.count, largest: r.largest }),
  );
  // Each algorithm's graph lives only inside its block (graphology-components on the graph
  // copied into graphology kept as the reference the union–find replaced).
  {
    const graph = measure('build graph: components (graphology)', () =>
      graphologyOf(weightedGraphOfProjection(projected, algorithmSpecs.components, hubs)),
    );
    measure(
      'components (graphology)',
      () => components(graph),
      (r) => ({ count: r.count, largest: r.largest }),
    );
  }
  gc();
  {
    const graph = measure(
      'build graph: louvain',
      () => weightedGraphOfProjection(projected, algorithmSpecs.louvain, hubs),
      (g) => ({ edges: edgeCount(g) }),
    );
    measure(
      'louvain (one run)',
      () => louvain(graph, { seed: rep + 1, restarts: 1 }),
      (r) => ({ modularity: r.modularity, communities: r.count }),
    );
  }
  gc();
  {
    const graph = measure('build graph: pagerank', () =>
      weightedGraphOfProjection(projected, algorithmSpecs.pagerank, hubs),
    );
    measure('pagerank', () => pagerank(graph));
  }
  gc();
  {
    const seeds = exposureSeeds(projected, { asOfDay });
    measure(
      'exposure (links straight from the projection)',
      () => exposure(exposureLinks(projected, algorithmSpecs.exposure, hubs, asOfDay), { seeds }),
      (r) => ({ seeds: seeds.size, iterations: r.iterations }),
    );
  }
  gc();
}

const results = {
  script: 'bench/analyze-algorithms.ts',
  date: new Date().toISOString(),
  node: process.version,
  machine: '2 cores shared with other work: medians, noisy',
  graph: { persons, nodes: projected.order, links: projected.linkCount, repetitions: reps },
  note: 'louvain is timed for one run; `ringwatch analyze` keeps the best of 3 by default (3× this). Peak RSS is the process maximum so far, so it is monotonic across steps.',
  steps: Object.fromEntries(
    [...steps].map(([name, s]) => [
      name,
      {
        medianSeconds: Math.round(median(s.seconds) * 1000) / 1000,
        seconds: s.seconds.map((x) => Math.round(x * 1000) / 1000),
        peakRssMiB: Math.max(...s.peakRssMiB),
        ...(s.extra && { last: s.extra }),
      },
    ]),
  ),
  peakRssMiB: peakMiB(),
};
const out = path.join(projectRoot, 'bench', 'results', 'analyze-algorithms.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${out}`);
