// What a network feature is: one file per feature under server/analytics/features/ declares
// its name, the entities that carry it, a description, a unit, how it is computed, and the
// function that reads its value from the results of an analysis run. `ringwatch features`
// lists them; the write-back writes every feature of a label, null where it has no value.
import type { ComponentsResult } from '../components.js';
import type { HubReport } from '../hubs.js';
import type { LinkKind, ProjectedLabel } from '../link-kinds.js';
import type { ProjectedGraph } from '../projected-graph.js';

export type FeatureValue = number | string | boolean | null;

/** The results of one analysis run, from which every feature reads its values. */
export interface FeatureContext {
  projected: ProjectedGraph;
  hubs: HubReport;
  degreeByKind: Map<LinkKind, Uint32Array>;
  components: ComponentsResult;
  /** Entity key → its community (entities in a community of two or more). */
  communities: Map<string, { id: string; size: number }>;
  pagerank: Map<string, number>;
  exposure: Map<string, number>;
}

export interface Feature {
  name: `f_${string}`;
  entities: readonly ProjectedLabel[];
  description: string;
  unit: string;
  type: 'int' | 'float' | 'string' | 'boolean';
  /** How it is computed: the algorithm, its spec and the file that does it. */
  computed: string;
  value(context: FeatureContext, node: number, key: string): FeatureValue;
}

export const entities = ['Person', 'Employer', 'Staff'] as const;
export const everyLabel = ['Person', 'Employer', 'Staff', 'Address', 'Account', 'Contact'] as const;
