// The GDS engine's queries (cypher/analytics/gds/): the Cypher projection of the analytics
// graph into the GDS catalog, the algorithms (mutate mode), the streamed node properties and
// the drop. Spread into `queries` (queries.ts).
import { z } from 'zod';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const graph = z.object({ graph: z.string().min(1) });
const algorithm = graph.extend({ type: z.string().min(1), property: z.string().min(1) });
const positiveInt = z.number().int().positive().pipe(integerParam);

export const gdsQueries = {
  'analytics/gds/project': query(
    graph.extend({
      specs: z.array(
        z.object({
          type: z.string().min(1),
          hubs: z.enum(['keep', 'damp', 'cut']),
          weights: z.record(z.string(), z.number().nonnegative()),
        }),
      ),
      hubs: z.record(z.string(), z.number().positive()),
      labels: z.array(z.string()),
    }),
    z.object({
      graph: z.string(),
      nodes: z.number(),
      relationships: z.number(),
      millis: z.number(),
    }),
  ),
  'analytics/gds/wcc': query(algorithm, z.object({ count: z.number(), millis: z.number() })),
  'analytics/gds/louvain': query(
    algorithm.extend({
      maxLevels: positiveInt,
      maxIterations: positiveInt,
      tolerance: z.number().nonnegative(),
    }),
    z.object({
      count: z.number(),
      modularity: z.number(),
      levels: z.number(),
      millis: z.number(),
    }),
  ),
  'analytics/gds/leiden': query(
    algorithm.extend({
      randomSeed: z.number().int().pipe(integerParam),
      maxLevels: positiveInt,
      tolerance: z.number().nonnegative(),
    }),
    z.object({
      count: z.number(),
      modularity: z.number(),
      levels: z.number(),
      millis: z.number(),
    }),
  ),
  'analytics/gds/pagerank': query(
    algorithm.extend({
      dampingFactor: z.number().min(0).lt(1),
      tolerance: z.number().nonnegative(),
      maxIterations: positiveInt,
    }),
    z.object({ iterations: z.number(), converged: z.boolean(), millis: z.number() }),
  ),
  'analytics/gds/node-property': query(
    graph.extend({
      property: z.string().min(1),
      labels: z.array(z.string()),
      batch: positiveInt,
    }),
    z.object({ keys: z.array(z.string()), values: z.array(z.number()) }),
  ),
  'analytics/gds/drop': query(graph, z.object({ graph: z.string() })),
  'analytics/gds/memory': query(
    graph,
    z.object({
      bytes: z.number(),
      nodes: z.number(),
      relationships: z.number(),
      maxHeap: z.number(),
    }),
  ),
} as const;
