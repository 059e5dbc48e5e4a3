// The GDS engine: components, Louvain and PageRank computed inside Neo4j with Graph Data Science
// (2.13), for graphs beyond the in-process engine's reach. It projects into the GDS catalog the
// graph each algorithm sees in-process (cypher/analytics/gds/project.cypher, a Cypher
// projection derived from projection-spec.ts: one undirected relationship type per algorithm,
// weighted as its spec says, hubs from hubs.ts kept, damped or cut), runs the algorithms in
// mutate mode, streams each result back by node key, and drops the graph afterwards, also on
// failure. The results have the in-process engine's shape, so the write-back, the feature names
// and the stable community ids are the same for both engines.
//
// What differs, and why it does not matter for the features:
// - PageRank: GDS's scores are not normalised (a node starts at 1 − α, with nothing spread from
//   dangling nodes). On an undirected graph the only dangling nodes are isolated ones, and the
//   networkx / in-process solution (dangling mass spread uniformly) is then a constant multiple
//   of GDS's: dividing by the sum gives the same values. GDS stops when every node's score
//   changes by less than its tolerance; the in-process one when the L1 change of the normalised scores
//   is below n · tolerance. GDS's scores are n times larger, so GDS tolerance n · tolerance
//   stops at least as late.
// - Communities: GDS's Leiden (a refinement of Louvain), sequential and seeded, so
//   deterministic. GDS's own Louvain (sequential, no seed, also available here for the
//   benchmark) stops after two levels on these graphs and ends 0.001-0.010 of modularity
//   below the in-process Louvain (best of 3) on 1 000-person generated data sets (seeds 1-5:
//   0.0041, 0.0077, 0.0103, 0.0014, 0.0065), outside the 0.01 the engines must agree within;
//   Leiden ends within 0.0002 of it on the same graphs. Neither engine seeds from the previous
//   run's partition: stable-communities.ts keeps the ids for both.
// - Exposure, degrees and hubs stay in-process for both engines: they need the projection
//   anyway (seeds, link ages, write-back), and exposure's restart vector is not normalised and
//   its link weights decay per link, which GDS's personalised PageRank does not do.
import type { Database } from '../db/database.js';
import { RingwatchError } from '../errors.js';
import { componentsFromLabels } from './components.js';
import { hubDamping } from './hubs.js';
import type { AnalysisEngine, EngineInput, EngineSession, TimeStep } from './engine.js';
import { projectedLabels } from './link-kinds.js';
import type { LouvainResult } from './louvain.js';
import { pagerankDefaults } from './pagerank.js';
import { algorithmSpecs, type AlgorithmName } from './projection-spec.js';

/** The specs the GDS graph carries, each as one relationship type. */
const gdsAlgorithms = ['components', 'louvain', 'pagerank'] as const satisfies AlgorithmName[];
const relationshipType = (name: AlgorithmName) => name.toUpperCase();

/** GDS Louvain's and Leiden's own defaults, written out. */
export const gdsLouvainDefaults = { maxLevels: 10, maxIterations: 10, tolerance: 1e-4 } as const;
export const gdsLeidenDefaults = { maxLevels: 10, tolerance: 1e-4 } as const;

export type GdsCommunityAlgorithm = 'leiden' | 'louvain';

export interface GdsEngineOptions {
  /** Leiden's random seed (default 42). */
  seed?: number;
  /** The community detection (default leiden; louvain for the benchmark's comparison). */
  communities?: GdsCommunityAlgorithm;
}

/** pagerank.ts's settings in GDS's terms, for a graph of `nodes` nodes (see the header). */
export function gdsPagerankSettings(nodes: number) {
  return {
    dampingFactor: pagerankDefaults.alpha,
    tolerance: pagerankDefaults.tolerance * Math.max(1, nodes),
    maxIterations: pagerankDefaults.maxIterations,
  };
}

export interface GdsProjectionFacts {
  graph: string;
  nodes: number;
  /** Relationships in the catalog: each undirected link counts twice, once per type. */
  relationships: number;
  /** Heap the graph takes in the catalog, and the JVM's maximum heap. */
  bytes: number;
  maxHeap: number;
}

/** A GDS session also runs either community detection on demand (the benchmark runs both). */
export interface GdsSession extends EngineSession {
  communities(algorithm: GdsCommunityAlgorithm): Promise<LouvainResult>;
}

export class GdsEngine implements AnalysisEngine {
  readonly name = 'gds';
  /** Facts of the last projection (the benchmark reports them). */
  projection: GdsProjectionFacts | undefined;
  /** GDS's own compute time of each algorithm's last run, without streaming the results. */
  readonly computeMillis: Record<string, number> = {};

  constructor(
    private readonly db: Database,
    private readonly options: GdsEngineOptions = {},
  ) {}

  async open({ projected, hubs, run }: EngineInput, time: TimeStep): Promise<GdsSession> {
    const db = this.db;
    await requireGds(db);
    const graph = `ringwatch-${run}`.replace(/[^A-Za-z0-9_.-]/g, '_');
    const damping: Record<string, number> = {};
    for (const node of hubs.hubs) {
      damping[projected.keys[node]!] = hubDamping(hubs, projected.labels[node]!, node);
    }
    const labels = [...projectedLabels];
    const specs = gdsAlgorithms.map((name) => ({
      type: relationshipType(name),
      hubs: algorithmSpecs[name].hubs,
      weights: algorithmSpecs[name].links,
    }));
    await db.write('analytics/gds/drop', { graph });
    try {
      const [projection] = await time('gds projection', () =>
        gdsCall(db, () =>
          db.read('analytics/gds/project', { graph, specs, hubs: damping, labels }),
        ),
      );
      this.computeMillis.projection = projection?.millis ?? NaN;
      const [memory] = await db.read('analytics/gds/memory', { graph });
      if (memory) this.projection = { graph, ...memory };
    } catch (error) {
      await dropQuietly(db, graph);
      throw error;
    }

    const property = async (name: string): Promise<Map<string, number>> => {
      const values = new Map<string, number>();
      await gdsCall(db, () =>
        db.stream(
          'analytics/gds/node-property',
          { graph, property: name, labels, batch: 10_000 },
          (row) => row.keys.forEach((key, i) => values.set(key, row.values[i]!)),
        ),
      );
      return values;
    };

    const communities = async (algorithm: GdsCommunityAlgorithm): Promise<LouvainResult> => {
      const type = relationshipType('louvain');
      const common = { graph, type, property: `community_${algorithm}` };
      const [result] = await gdsCall(db, () =>
        algorithm === 'louvain'
          ? db.read('analytics/gds/louvain', { ...common, ...gdsLouvainDefaults })
          : db.read('analytics/gds/leiden', {
              ...common,
              randomSeed: this.options.seed ?? 42,
              ...gdsLeidenDefaults,
            }),
      );
      if (!result) throw new RingwatchError(`analytics: GDS ${algorithm} returned no summary`);
      this.computeMillis[algorithm] = result.millis;
      return {
        communities: await property(common.property),
        count: result.count,
        modularity: result.modularity,
      };
    };

    return {
      components: async () => {
        const type = relationshipType('components');
        const [result] = await gdsCall(db, () =>
          db.read('analytics/gds/wcc', { graph, type, property: 'component' }),
        );
        this.computeMillis.components = result?.millis ?? NaN;
        return componentsFromLabels(await property('component'));
      },
      louvain: () => communities(this.options.communities ?? 'leiden'),
      communities,
      pagerank: async () => {
        const type = relationshipType('pagerank');
        const [result] = await gdsCall(db, () =>
          db.read('analytics/gds/pagerank', {
            graph,
            type,
            property: 'pagerank',
            ...gdsPagerankSettings(projected.order),
          }),
        );
        this.computeMillis.pagerank = result?.millis ?? NaN;
        const scores = await property('pagerank');
        let sum = 0;
        for (const value of scores.values()) sum += value;
        if (sum > 0) for (const [key, value] of scores) scores.set(key, value / sum);
        return scores;
      },
      close: () => dropQuietly(db, graph),
    };
  }
}

/** Fails with what to do when the server has no Graph Data Science. */
export async function requireGds(db: Database): Promise<string> {
  const version = await db.gdsVersion();
  if (version === undefined) {
    throw new RingwatchError(
      `analytics: --engine gds needs the Graph Data Science library, and gds.version() failed on ${db.connection.uri}; install GDS 2.13 in that server's plugins folder with dbms.security.procedures.unrestricted=gds.* (the embedded database has it), or run with --engine in-process`,
    );
  }
  return version;
}

/** Runs a GDS call, turning its out-of-memory refusals into advice. */
async function gdsCall<T>(db: Database, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/memory|heap/i.test(message)) {
      throw new RingwatchError(
        `analytics: Graph Data Science ran out of heap on ${db.connection.uri} (${message.split('\n')[0]}); give Neo4j more heap (embedded: RINGWATCH_NEO4J_HEAP, e.g. 4g for a million persons, then \`ringwatch db stop\` and \`ringwatch db start\`; another server: server.memory.heap.max_size), or run with --engine in-process`,
      );
    }
    throw error;
  }
}

async function dropQuietly(db: Database, graph: string): Promise<void> {
  try {
    await db.write('analytics/gds/drop', { graph });
  } catch {
    // The graph goes with the server anyway; the original error (if any) is what matters.
  }
}
