// Where the graph algorithms run: the one place that knows both engines. An engine computes
// connected components, Louvain communities and PageRank on the graphs projection-spec.ts
// declares, from the projection and the hubs of the run; everything else of a run (degrees,
// hubs, exposure, stable community ids, write-back) is the same for both.
//
// - in-process (default): in Node, on typed-array graphs built from the projection
//   (weighted-graph.ts), about 12 B per edge end. Its limits: the projection's node keys sit in
//   one JavaScript Map, which stops at 16.7 M entries, and Node's heap.
// - gds: inside Neo4j with Graph Data Science (gds-engine.ts), for graphs beyond that.
import type { Database } from '../db/database.js';
import type { ComponentsResult } from './components.js';
import { GdsEngine } from './gds-engine.js';
import { InProcessEngine } from './in-process-engine.js';
import type { HubReport } from './hubs.js';
import type { LouvainResult } from './louvain.js';
import type { ProjectedGraph } from './projected-graph.js';

export const engineNames = ['in-process', 'gds'] as const;
export type EngineName = (typeof engineNames)[number];

export interface EngineInput {
  projected: ProjectedGraph;
  hubs: HubReport;
  /** Run id: names what the engine creates (the GDS graph). */
  run: string;
}

export interface EngineOptions {
  /** Seed of the community detection (in-process Louvain, GDS Leiden). */
  seed?: number;
  /** Louvain runs to keep the best of (in-process). */
  louvainRestarts?: number;
}

/** Times one step under a phase name (the run's timer); an engine calls it for each step. */
export type TimeStep = <T>(phase: string, work: () => T | Promise<T>) => Promise<T>;

export interface AlgorithmResults {
  components: ComponentsResult;
  louvain: LouvainResult;
  /** Node key → PageRank, summing to 1 over the projected nodes. */
  pagerank: Map<string, number>;
}

/** The algorithms on one projection; close() releases what open() made (also on failure). */
export interface EngineSession {
  components(): Promise<ComponentsResult>;
  louvain(): Promise<LouvainResult>;
  pagerank(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

export interface AnalysisEngine {
  readonly name: EngineName;
  open(input: EngineInput, time: TimeStep): Promise<EngineSession>;
}

export function analysisEngine(
  name: EngineName,
  db: Database,
  options: EngineOptions = {},
): AnalysisEngine {
  return name === 'gds'
    ? new GdsEngine(db, options.seed !== undefined ? { seed: options.seed } : {})
    : new InProcessEngine(options);
}

/** Components, Louvain and PageRank, each timed under its own name, the session closed after. */
export async function runAlgorithms(
  engine: AnalysisEngine,
  input: EngineInput,
  time: TimeStep,
  phase: (name: string) => void = () => undefined,
): Promise<AlgorithmResults> {
  const session = await engine.open(input, time);
  try {
    phase('components');
    const components = await time('components', () => session.components());
    phase('louvain');
    const louvain = await time('louvain', () => session.louvain());
    phase('pagerank');
    const pagerank = await time('pagerank', () => session.pagerank());
    return { components, louvain, pagerank };
  } finally {
    await session.close();
  }
}
