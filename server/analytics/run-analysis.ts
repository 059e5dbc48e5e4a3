// One analysis run: projection from Neo4j → hubs, degrees → hub flags written → components,
// Louvain (stable ids), PageRank on the chosen engine (engine.ts: in-process, or GDS inside
// Neo4j), exposure, the neighbour counts, director history and worker inflow, while Neo4j
// computes the query features that need only the graph and the hub flags → community
// aggregates → write-back of the graph features and communities → the query features marked to
// read what it wrote (none today). Each algorithm sees the graph projection-spec.ts declares
// for it.
import type { Database } from '../db/database.js';
import { analysisDate } from './analysis-date.js';
import { exposureLinks } from './build-graph.js';
import { degreesByKind } from './degrees.js';
import { communityAggregates } from './community-aggregates.js';
import { directorHistorySteps } from './director-history.js';
import { exposureSteps } from './exposure.js';
import { exposureSeeds, type SeedOptions } from './exposure-seeds.js';
import { analysisEngine, runAlgorithms, type EngineName } from './engine.js';
import { queryFeatures, type FeatureContext } from './features/index.js';
import { detectHubs, type HubOptions } from './hubs.js';
import { entityLabels, type ProjectedLabel } from './link-kinds.js';
import { neighbourCountSteps } from './neighbour-counts.js';
import { algorithmSpecs } from './projection-spec.js';
import { isoDay, type ProjectedGraph } from './projected-graph.js';
import { previousCommunities, projectFromNeo4j, type ProjectionCounts } from './projection.js';
import { runQueryFeatures, type QueryFeatureSummary } from './query-features.js';
import { runQueryFeaturesInThread } from './query-features-thread.js';
import { runAlongside } from './steps.js';
import { workerInflowSteps } from './worker-inflow.js';
import { stableCommunityIds } from './stable-communities.js';
import { writeCommunities, writeFeatures, writeHubFlags, type CommunityRow } from './write-back.js';

export interface AnalysisOptions {
  /** Where components, Louvain and PageRank run (default in-process). */
  engine?: EngineName;
  /**
   * ISO date the link ages, seed ages and query features are measured from (default: the
   * extraction date of the most recent load, else today).
   */
  asOf?: string;
  /** Analyse only the entities whose id starts with this (default: the whole graph). */
  scope?: string;
  /** Louvain seed (default 42). */
  seed?: number;
  louvainRestarts?: number;
  hubs?: HubOptions;
  seeds?: Omit<SeedOptions, 'asOfDay'>;
  /** Exposure link decay per year (default ln 2 / 2). */
  lambda?: number;
  pageSize?: number;
  batchSize?: number;
  /** Run id (default: `analyze-` and the time). */
  run?: string;
  now?: Date;
  onPhase?: (phase: string, detail: string) => void;
}

export interface AnalysisSummary {
  run: string;
  at: string;
  asOf: string;
  engine: EngineName;
  projection: ProjectionCounts & { nodes: number; links: number };
  hubs: { count: number; top: { node: string; degree: number }[] };
  components: { count: number; largest: number };
  louvain: { communities: number; modularity: number; matched: number; created: number };
  exposure: { seeds: number; iterations: number; exposedAboveHalfSeed: number };
  written: { featureRows: number; communities: number; memberships: number; deleted: number };
  hubFlags: { flagged: number; cleared: number };
  queryFeatures: QueryFeatureSummary;
  /** Per phase; the work alongside the algorithms overlaps them. */
  seconds: Record<string, number>;
  /** The whole run. */
  wallSeconds: number;
}

function timer() {
  const seconds: Record<string, number> = {};
  return {
    seconds,
    time: async <T>(phase: string, work: () => T | Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        seconds[phase] = Math.round(performance.now() - started) / 1000;
      }
    },
  };
}

/** Louvain communities of two or more entities, with ids kept from the previous run. */
function entityCommunities(
  projected: ProjectedGraph,
  partition: Map<string, number>,
  previous: Map<string, string>,
  scope = '',
) {
  const isEntity = new Set<ProjectedLabel>(entityLabels);
  const entityPartition = new Map<string, number>();
  const sizes = new Map<number, number>();
  projected.keys.forEach((key, i) => {
    const c = partition.get(key);
    if (c === undefined || !isEntity.has(projected.labels[i]!)) return;
    entityPartition.set(key, c);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  });
  for (const [key, c] of entityPartition) if (sizes.get(c)! < 2) entityPartition.delete(key);
  const stable = stableCommunityIds(entityPartition, previous, { prefix: `${scope}C` });
  const of = new Map<string, { id: string; size: number }>();
  const rows = new Map<string, CommunityRow>();
  for (const [key, c] of entityPartition) {
    const id = stable.ids.get(c)!;
    const size = sizes.get(c)!;
    of.set(key, { id, size });
    const row = rows.get(id) ?? { id, size, persons: 0, employers: 0, staff: 0 };
    if (key.startsWith('Person:')) row.persons++;
    else if (key.startsWith('Employer:')) row.employers++;
    else row.staff++;
    rows.set(id, row);
  }
  return { of, rows: [...rows.values()], stable };
}

export async function runAnalysis(
  db: Database,
  options: AnalysisOptions = {},
): Promise<AnalysisSummary> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const run = options.run ?? `analyze-${at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const asOf = await analysisDate(db, options.asOf, now);
  const scope = options.scope ?? '';
  const asOfDay = isoDay(asOf);
  // While the query features run alongside the algorithms, the progress line says where both are.
  let current = ['', ''];
  let alongsideAt = '';
  const report = () =>
    options.onPhase?.(current[0]!, [current[1], alongsideAt].filter(Boolean).join('; '));
  const phase = (name: string, detail = '') => {
    current = [name, detail];
    report();
  };
  const t = timer();
  const started = performance.now();

  const { graph: projected, counts } = await t.time('projection', () =>
    projectFromNeo4j(db, {
      ...(options.pageSize !== undefined && { pageSize: options.pageSize }),
      scope,
      onProgress: (what, rows) => phase('projection', `${what}: ${rows}`),
    }),
  );
  phase('projection', `${projected.order} nodes, ${projected.linkCount} links`);

  const hubs = await t.time('hubs', () => detectHubs(projected, options.hubs));
  const degreeByKind = await t.time('degrees', () => degreesByKind(projected));

  const previous = await t.time('previous communities', () =>
    previousCommunities(db, undefined, scope),
  );
  const engine = options.engine ?? 'in-process';
  const writeOptions = {
    run,
    at,
    scope,
    ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
    onProgress: (what: string, rows: number) => phase('write-back', `${what}: ${rows}`),
  };
  const queryOptions = {
    ...writeOptions,
    asOf,
    onProgress: (what: string, rows: number) => phase('query features', `${what}: ${rows}`),
  };

  // With the hub flags written, Neo4j computes the query features that read only the graph and
  // those flags while the algorithms compute here; a worker thread sends their pages
  // (query-features-thread.ts). A failure of the algorithms stops the queries and waits for the
  // pages under way, so no transaction outlives the run.
  const hubFlags = await t.time('hub flags', () =>
    writeHubFlags(db, projected, hubs, writeOptions),
  );
  const stop = new AbortController();
  const alongside = t
    .time('query features alongside', () =>
      runQueryFeaturesInThread(db, {
        ...queryOptions,
        onProgress: (what, rows) => {
          alongsideAt = `alongside: ${what} ${rows}`;
          report();
        },
        signal: stop.signal,
      }),
    )
    .finally(() => (alongsideAt = ''));
  alongside.catch(() => undefined); // awaited below; a failure meanwhile is not unhandled
  const computeGraphFeatures = async () => {
    // Louvain's partition of every node is dropped once the entities' communities are made.
    const { componentResult, modularity, communities, pagerank } = await runAlgorithms(
      analysisEngine(engine, db, {
        seed: options.seed ?? 42,
        ...(options.louvainRestarts !== undefined && {
          louvainRestarts: options.louvainRestarts,
        }),
      }),
      { projected, hubs, run },
      t.time,
      phase,
    ).then(({ components, louvain, pagerank }) => ({
      componentResult: components,
      modularity: louvain.modularity,
      communities: entityCommunities(projected, louvain.communities, previous, scope),
      pagerank,
    }));
    phase('exposure');
    const seeds = exposureSeeds(projected, {
      ...options.seeds,
      asOfDay,
      ...(options.lambda !== undefined && { lambda: options.lambda }),
    });
    const exposureResult = await t.time('exposure', () =>
      runAlongside(
        exposureSteps(exposureLinks(projected, algorithmSpecs.exposure, hubs, asOfDay), {
          seeds,
          leaveSelfOut: true,
          ...(options.lambda !== undefined && { lambda: options.lambda }),
        }),
      ),
    );
    phase('neighbour counts');
    const neighbours = await t.time('neighbour counts', () =>
      runAlongside(neighbourCountSteps(projected, hubs.hubs, asOfDay)),
    );
    phase('director history');
    const directors = await t.time('director history', () =>
      runAlongside(directorHistorySteps(projected, hubs.hubs, asOf)),
    );
    phase('worker inflow');
    const inflow = await t.time('worker inflow', () =>
      runAlongside(workerInflowSteps(projected, asOfDay)),
    );
    projected.releaseLinks(); // every algorithm has read them; the write-back needs the nodes
    return {
      componentResult,
      modularity,
      pagerank,
      communities,
      seeds,
      exposureResult,
      neighbours,
      directors,
      inflow,
    };
  };
  let computed;
  try {
    computed = await computeGraphFeatures();
  } catch (error) {
    stop.abort();
    await alongside.catch(() => undefined);
    throw error;
  }
  const { componentResult, modularity, communities, seeds, exposureResult } = computed;
  phase('query features');
  const early = await t.time('waiting for the query features', () => alongside);

  const context: FeatureContext = {
    projected,
    hubs,
    degreeByKind,
    components: componentResult,
    communities: communities.of,
    pagerank: computed.pagerank,
    exposure: exposureResult.values,
    neighbours: computed.neighbours,
    directors: computed.directors,
    inflow: computed.inflow,
    communityAggregates: await t.time('community aggregates', () =>
      communityAggregates(projected, communities.of, exposureResult.values, asOfDay),
    ),
  };
  phase('write-back');
  const featureRows = await t.time('write features', () =>
    writeFeatures(db, context, writeOptions),
  );
  const written = await t.time('write communities', () =>
    writeCommunities(db, context, communities.rows, previous, writeOptions),
  );
  const late = await t.time('query features after write-back', () =>
    runQueryFeatures(
      db,
      queryOptions,
      queryFeatures.filter((f) => f.afterWriteBack),
    ),
  );
  const queryFeatureSummary: QueryFeatureSummary = {
    queries: { ...early.queries, ...late.queries },
    rows: early.rows + late.rows,
  };

  const top = [...hubs.hubs]
    .sort((a, b) => hubs.degree[b]! - hubs.degree[a]!)
    .slice(0, 5)
    .map((node) => ({ node: projected.keys[node]!, degree: hubs.degree[node]! }));
  let exposedAboveHalfSeed = 0;
  for (const value of exposureResult.values) if (value >= 0.5) exposedAboveHalfSeed++;
  return {
    run,
    at,
    asOf,
    engine,
    projection: { ...counts, nodes: projected.order, links: projected.linkCount },
    hubs: { count: hubs.hubs.size, top },
    components: { count: componentResult.count, largest: componentResult.largest },
    louvain: {
      communities: communities.rows.length,
      modularity,
      matched: communities.stable.matched,
      created: communities.stable.created,
    },
    exposure: {
      seeds: seeds.size,
      iterations: exposureResult.iterations,
      exposedAboveHalfSeed,
    },
    written: { featureRows, ...written },
    hubFlags,
    queryFeatures: queryFeatureSummary,
    seconds: t.seconds,
    wallSeconds: Math.round(performance.now() - started) / 1000,
  };
}
