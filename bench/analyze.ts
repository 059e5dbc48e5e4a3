// Benchmark of `ringwatch analyze` on a loaded data set (issue #5): time and peak RSS of the
// projection, of each algorithm on both engines side by side (in-process on typed arrays vs
// Graph Data Science inside Neo4j, on the same data and the same projection spec), with
// graphology's Louvain and PageRank on the same graph as a second peer (what the in-process
// engine used before; --no-graphology leaves it out where its graph does not fit), of exposure
// and of the write-back; medians over the repetitions and the ratios; figures in
// bench/results/analyze.json (or --out).
//
// The database is the configured one (RINGWATCH_INSTANCE / RINGWATCH_NEO4J_BOLT_PORT, or
// NEO4J_URI): load the data set there first. Each step's time includes what the engine needs
// for it: in-process, the union–find on the projection (components) or the typed-array graph
// built from the projection (Louvain, PageRank; graphology's: that graph copied into
// graphology, which is what it costs to use the library); GDS runs in mutate mode
// and streams the result back (its compute time alone is reported beside it). The in-process
// Louvain is timed for one run (`analyze` keeps the best of 3 below 100 000 nodes); its peers
// are GDS's Louvain, the Leiden the GDS engine uses, and graphology-communities-louvain. Node's
// peak RSS is the process maximum so far; Neo4j's is its VmHWM (the JVM's heap is reserved up
// front, so mostly the heap setting).
//
//   node --import tsx bench/analyze.ts [--reps 3] [--write] [--no-graphology] [--out FILE]
//   node --cpu-prof --cpu-prof-dir=bench/results/profile --import tsx bench/analyze.ts --reps 1
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import louvainModule from 'graphology-communities-louvain';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { exposureLinks } from '../server/analytics/build-graph.js';
import { componentsOfProjection } from '../server/analytics/components.js';
import { degreesByKind } from '../server/analytics/degrees.js';
import { exposure } from '../server/analytics/exposure.js';
import { exposureSeeds } from '../server/analytics/exposure-seeds.js';
import { GdsEngine } from '../server/analytics/gds-engine.js';
import { detectHubs } from '../server/analytics/hubs.js';
import { louvain } from '../server/analytics/louvain.js';
import { pagerank, pagerankDefaults } from '../server/analytics/pagerank.js';
import { algorithmSpecs } from '../server/analytics/projection-spec.js';
import { isoDay } from '../server/analytics/projected-graph.js';
import { projectFromNeo4j } from '../server/analytics/projection.js';
import { runAnalysis } from '../server/analytics/run-analysis.js';
import { loadConfig } from '../server/config.js';
import { connectionFor } from '../server/db/connection.js';
import { Database } from '../server/db/database.js';
import { runningPid } from '../server/db/embedded/instance.js';
import { instanceLayout } from '../server/db/embedded/layout.js';
import { projectRoot } from '../server/paths.js';
import { graphologyOf, weightedGraphOfProjection } from '../server/analytics/weighted-graph.js';
import { seededRng } from '../server/analytics/rng.js';

// CommonJS packages whose types declare `export default`: the default import is the function.
const graphologyLouvain = louvainModule as unknown as typeof louvainModule.default;
const graphologyPagerank = pagerankModule as unknown as typeof pagerankModule.default;

const { values: args } = parseArgs({
  options: {
    reps: { type: 'string', default: '3' },
    write: { type: 'boolean', default: false },
    'no-graphology': { type: 'boolean', default: false },
    'as-of': { type: 'string', default: '2025-12-31' },
    out: { type: 'string', default: path.join(projectRoot, 'bench', 'results', 'analyze.json') },
  },
});
const reps = Number(args.reps);
const asOf = args['as-of'];
const asOfDay = isoDay(asOf);

const config = loadConfig();
const db = await Database.open(await connectionFor(config.neo4j));
const neo4jPid =
  config.neo4j.mode === 'embedded'
    ? await runningPid(instanceLayout(config.neo4j.home, config.neo4j.instance))
    : undefined;

const mib = (bytes: number) => Math.round(bytes / 1048576);
const nodePeakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
function neo4jPeakMiB(): number | undefined {
  if (neo4jPid === undefined) return undefined;
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${neo4jPid}/status`, 'utf8'))?.[1];
  return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
}

interface Step {
  seconds: number[];
  computeSeconds?: number[];
  nodePeakRssMiB: number;
  neo4jPeakRssMiB?: number;
  last?: Record<string, number>;
}
const steps = new Map<string, Step>();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function measure<T>(
  name: string,
  work: () => T | Promise<T>,
  extra?: (result: T) => Record<string, number>,
): Promise<T> {
  gc();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const step = steps.get(name) ?? { seconds: [], nodePeakRssMiB: 0 };
  step.seconds.push(seconds);
  step.nodePeakRssMiB = nodePeakMiB();
  const neo = neo4jPeakMiB();
  if (neo !== undefined) step.neo4jPeakRssMiB = neo;
  if (extra) step.last = extra(result);
  steps.set(name, step);
  console.log(
    `${name}: ${seconds.toFixed(2)} s, Node peak RSS ${step.nodePeakRssMiB} MiB${neo === undefined ? '' : `, Neo4j peak RSS ${neo} MiB`}${step.last ? ` ${JSON.stringify(step.last)}` : ''}`,
  );
  return result;
}

function computeTime(name: string, millis: number | undefined) {
  const step = steps.get(name);
  if (!step || millis === undefined) return;
  (step.computeSeconds ??= []).push(millis / 1000);
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const { graph: projected, counts } = await measure('projection (Neo4j → Node)', () =>
  projectFromNeo4j(db),
);
console.log(`projection: ${projected.order} nodes, ${projected.linkCount} links`, counts);
const hubs = await measure(
  'hubs',
  () => detectHubs(projected),
  (h) => ({ hubs: h.hubs.size }),
);
await measure('degrees by kind', () => degreesByKind(projected));

for (let rep = 0; rep < reps; rep++) {
  console.log(`repetition ${rep + 1}/${reps}`);
  await measure(
    'in-process: components',
    () => componentsOfProjection(projected, algorithmSpecs.components, hubs),
    (r) => ({ count: r.count, largest: r.largest }),
  );
  await measure(
    'in-process: louvain (one run)',
    () =>
      louvain(weightedGraphOfProjection(projected, algorithmSpecs.louvain, hubs), {
        seed: rep + 1,
        restarts: 1,
      }),
    (r) => ({ modularity: r.modularity, communities: r.count }),
  );
  await measure('in-process: pagerank', () =>
    pagerank(weightedGraphOfProjection(projected, algorithmSpecs.pagerank, hubs)),
  );
  if (!args['no-graphology']) {
    await measure(
      'graphology: louvain (one run)',
      () =>
        graphologyLouvain.detailed(
          graphologyOf(weightedGraphOfProjection(projected, algorithmSpecs.louvain, hubs)),
          { getEdgeWeight: 'weight', rng: seededRng(`${rep + 1}:0`) },
        ),
      (r) => ({ modularity: r.modularity, communities: r.count }),
    );
    await measure('graphology: pagerank', () =>
      graphologyPagerank(
        graphologyOf(weightedGraphOfProjection(projected, algorithmSpecs.pagerank, hubs)),
        { ...pagerankDefaults, getEdgeWeight: 'weight' },
      ),
    );
  }

  const engine = new GdsEngine(db);
  const session = await measure(
    'gds: projection (Cypher → catalog)',
    () => engine.open({ projected, hubs, run: `bench-${rep}` }, async (_p, w) => await w()),
    () => ({
      nodes: engine.projection?.nodes ?? NaN,
      relationships: engine.projection?.relationships ?? NaN,
      graphMiB: mib(engine.projection?.bytes ?? NaN),
      maxHeapMiB: mib(engine.projection?.maxHeap ?? NaN),
    }),
  );
  computeTime('gds: projection (Cypher → catalog)', engine.computeMillis.projection);
  try {
    await measure(
      'gds: components (wcc)',
      () => session.components(),
      (r) => ({ count: r.count, largest: r.largest }),
    );
    computeTime('gds: components (wcc)', engine.computeMillis.components);
    await measure(
      'gds: louvain',
      () => session.communities('louvain'),
      (r) => ({ modularity: r.modularity, communities: r.count }),
    );
    computeTime('gds: louvain', engine.computeMillis.louvain);
    await measure(
      'gds: leiden (the engine’s communities)',
      () => session.communities('leiden'),
      (r) => ({ modularity: r.modularity, communities: r.count }),
    );
    computeTime('gds: leiden (the engine’s communities)', engine.computeMillis.leiden);
    await measure('gds: pagerank', () => session.pagerank());
    computeTime('gds: pagerank', engine.computeMillis.pagerank);
  } finally {
    await session.close();
  }

  await measure(
    'exposure (in-process, both engines)',
    () =>
      exposure(exposureLinks(projected, algorithmSpecs.exposure, hubs, asOfDay), {
        seeds: exposureSeeds(projected, { asOfDay }),
      }),
    (r) => ({ iterations: r.iterations }),
  );
}

let analyze: Record<string, unknown> | undefined;
if (args.write) {
  // One whole `analyze` (in-process, defaults: Louvain best of 3 below 100 000 nodes, else one
  // run) with its write-back.
  const summary = await measure('whole analyze, in-process (write-back included)', () =>
    runAnalysis(db, { asOf, run: 'bench-analyze' }),
  );
  analyze = { ...summary, nodePeakRssMiB: nodePeakMiB() };
}
await db.close();

const s = Object.fromEntries(
  [...steps].map(([name, step]) => [
    name,
    {
      medianSeconds: Math.round(median(step.seconds) * 1000) / 1000,
      seconds: step.seconds.map((x) => Math.round(x * 1000) / 1000),
      ...(step.computeSeconds && {
        medianComputeSeconds: Math.round(median(step.computeSeconds) * 1000) / 1000,
      }),
      nodePeakRssMiB: step.nodePeakRssMiB,
      ...(step.neo4jPeakRssMiB !== undefined && { neo4jPeakRssMiB: step.neo4jPeakRssMiB }),
      ...(step.last && { last: step.last }),
    },
  ]),
);
const med = (name: string) => s[name]?.medianSeconds ?? NaN;
const ratio = (a: string, b: string) => Math.round((med(a) / med(b)) * 100) / 100;
const ratios = {
  'components in-process/gds': ratio('in-process: components', 'gds: components (wcc)'),
  'louvain in-process (one run)/gds louvain': ratio(
    'in-process: louvain (one run)',
    'gds: louvain',
  ),
  'louvain in-process (one run)/gds leiden': ratio(
    'in-process: louvain (one run)',
    'gds: leiden (the engine’s communities)',
  ),
  'louvain in-process/graphology (one run each)': ratio(
    'in-process: louvain (one run)',
    'graphology: louvain (one run)',
  ),
  'pagerank in-process/gds': ratio('in-process: pagerank', 'gds: pagerank'),
  'pagerank in-process/graphology': ratio('in-process: pagerank', 'graphology: pagerank'),
};
const modularity = (name: string) => s[name]?.last?.modularity;
const results = {
  script: 'bench/analyze.ts',
  date: new Date().toISOString(),
  node: process.version,
  machine: `${availableParallelism()} cores: medians, noisy`,
  database: config.neo4j.mode === 'embedded' ? { ...config.neo4j, home: undefined } : 'external',
  graph: { nodes: projected.order, links: projected.linkCount, ...counts, repetitions: reps },
  ratios,
  modularity: {
    'in-process louvain (one run, last rep)': modularity('in-process: louvain (one run)'),
    'graphology louvain (one run, last rep)': modularity('graphology: louvain (one run)'),
    'gds louvain': modularity('gds: louvain'),
    'gds leiden': modularity('gds: leiden (the engine’s communities)'),
  },
  steps: s,
  ...(analyze && { analyze }),
  nodePeakRssMiB: nodePeakMiB(),
  neo4jPeakRssMiB: neo4jPeakMiB(),
};
console.log('ratios', ratios, 'modularity', results.modularity);
mkdirSync(path.dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${args.out}`);
