// What a network feature is: one file per feature under server/analytics/features/ declares
// its name, the entities that carry it, a description, a unit and how it is computed, and then
// either
// - a graph feature: `value`, the function that reads its value from the results of the
//   in-process graph algorithms (write-back.ts writes it, null where it has no value), or
// - a query feature: `queries`, per label the Cypher query (cypher/analytics/features/) that
//   computes it inside the database and SETs it on every node of that label, page by page
//   (query-features.ts runs them while the graph algorithms compute, or after the graph
//   features and communities are written for those marked `afterWriteBack`).
// `ringwatch features` lists both kinds.
import type { FeatureQueryName } from '../../db/feature-queries.js';
import type { CommunityAggregates } from '../community-aggregates.js';
import type { ComponentsResult } from '../components.js';
import type { DirectorHistory } from '../director-history.js';
import type { HubReport } from '../hubs.js';
import type { LinkKind, ProjectedLabel } from '../link-kinds.js';
import type { NeighbourCounts } from '../neighbour-counts.js';
import type { ProjectedGraph } from '../projected-graph.js';
import type { WorkerInflow } from '../worker-inflow.js';

export type FeatureValue = number | string | boolean | null;

/** The results of one analysis run, from which every graph feature reads its values. */
export interface FeatureContext {
  projected: ProjectedGraph;
  hubs: HubReport;
  degreeByKind: Map<LinkKind, Uint32Array>;
  components: ComponentsResult;
  /** Entity key → its community (entities in a community of two or more). */
  communities: Map<string, { id: string; size: number }>;
  pagerank: Map<string, number>;
  /** Per projected node. */
  exposure: Float64Array;
  /** Shared resources and linked bankrupt or fraud entities, per node. */
  neighbours: NeighbourCounts;
  /** Directed companies that failed, per person and employer. */
  directors: DirectorHistory;
  /** Workers taken over from failed employers, per employer. */
  inflow: WorkerInflow;
  /** The aggregates of each community (share bankrupt, share fraud, mean exposure, sector). */
  communityAggregates: CommunityAggregates;
}

/** The labels a feature can be written on: the projected ones, and communities. */
export type FeatureLabel = ProjectedLabel | 'Community';

interface FeatureInfo {
  name: `f_${string}`;
  entities: readonly FeatureLabel[];
  description: string;
  unit: string;
  type: 'int' | 'float' | 'string' | 'boolean';
  /** How it is computed: the algorithm or query, its spec and the file that does it. */
  computed: string;
}

export interface GraphFeature extends FeatureInfo {
  entities: readonly ProjectedLabel[];
  value(context: FeatureContext, node: number, key: string): FeatureValue;
}

export interface QueryFeature extends FeatureInfo {
  /**
   * Per label, the query that writes the feature on every node of that label (several features
   * may share one query: it runs once). Queries run in registry order, labels in the order
   * written here.
   */
  queries: Partial<Record<FeatureLabel, FeatureQueryName>>;
  /**
   * Whether its queries read what the run writes back (communities, f_exposure): they then run
   * after the write-back. Without it, a query may read the graph as loaded and the hub flags
   * (f_hub), and runs while the graph algorithms compute.
   */
  afterWriteBack?: boolean;
}

export type Feature = GraphFeature | QueryFeature;

/**
 * Declares a query feature: the labels it is on are those it has a query for, and how it is
 * computed names those queries' files — both derived, so they cannot drift from `queries`.
 */
export function queryFeature(info: Omit<QueryFeature, 'entities' | 'computed'>): QueryFeature {
  const files = [...new Set(Object.values(info.queries))].map((q) => `cypher/${q}.cypher`);
  return {
    ...info,
    entities: Object.keys(info.queries) as FeatureLabel[],
    computed: `Cypher in the database: ${files.join(', ')}`,
  };
}

export function isQueryFeature(feature: Feature): feature is QueryFeature {
  return 'queries' in feature;
}

export const entities = ['Person', 'Employer', 'Staff'] as const;
export const everyLabel = ['Person', 'Employer', 'Staff', 'Address', 'Account', 'Contact'] as const;
