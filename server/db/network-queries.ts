// The network-view queries (cypher/views/): node keys to nodes, node details, neighbourhood
// expansion and hub pages, community subgraphs and shortest paths, all returning element ids
// that the services (server/views/) turn into the GraphView shape. Spread into `queries`.
import { z } from 'zod';
import { nodeLabels, relationshipTypes, type NodeLabel } from '../views/entity-types.js';
import { jsonRows, query } from './query-def.js';
import { openMap, scalarMap } from './open-maps.js';
import { integerParam } from './values.js';

const count = z.number().int().nonnegative().pipe(integerParam);
const asOf = z.iso.date().nullable();
const types = z.array(z.enum(relationshipTypes));

/** One relationship as the view queries return it: ends by element id, dates as ISO strings. */
export const EdgeRowSchema = z.object({
  start: z.string(),
  end: z.string(),
  type: z.enum(relationshipTypes),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** What tells parallel relationships apart: the relation's own id or load key. */
  disc: z.string().nullable(),
  attributes: scalarMap,
});
export type EdgeRow = z.infer<typeof EdgeRowSchema>;

const kept = z.array(z.object({ neighbour: z.string(), edges: z.array(EdgeRowSchema) }));

/** What the explorer shows of a node (cypher/views/parts/node-details.cypher-part). */
const NodeDetailsSchema = z.object({
  labels: z.array(z.string()),
  id: z.string().nullable(),
  score: z.number().nullable(),
  band: z.string().nullable(),
  hub: z.boolean(),
  /** Display properties the node has, as [name, value]. */
  props: z.array(z.tuple([z.string(), z.unknown()])),
  /**
   * Relationships of the asked types; null when degrees were not asked for, or the node is no
   * hub and has at most `degreesAbove` relationships of any type (nothing of it to collapse).
   */
  degree: z.number().nullable(),
  /** The most relationships of one asked type (null as `degree`). */
  maxTypeDegree: z.number().nullable(),
});

export const NodeDetailsRowSchema = NodeDetailsSchema.extend({ element: z.string() });
export type NodeDetailsRow = z.infer<typeof NodeDetailsRowSchema>;

/** What an expansion, ranked or sampled, is asked (graph-expand takes keys and a rank limit too). */
const expansionParams = z.object({
  elements: z.array(z.string()),
  types,
  hideStaff: z.boolean(),
  asOf,
  cap: count,
  degreesAbove: count.nullable(),
  inView: z.array(z.string()),
});

/** Kept neighbours with their details (null: the view has them already). */
const keptWithDetails = z.array(
  z.object({
    neighbour: z.string(),
    details: NodeDetailsSchema.nullable(),
    edges: z.array(EdgeRowSchema),
  }),
);

const resolveKeysParams = z.object({
  keys: z.array(z.object({ label: z.enum(nodeLabels), id: z.string() })),
});

/**
 * A query that looks keys up (views/parts/key-lookup: graph-resolve-keys, graph-expand,
 * path-start) with only the branches of the labels its keys have: every branch is an index seek
 * whatever the key's label, and a neighbourhood or a shortest path looks up one or two keys (one
 * person: 0.42 -> 0.30 ms of Neo4j CPU, 2026-12-05). The branches are the file's own lines, kept
 * or dropped, never written from the parameters.
 */
export function labelsAsked(text: string, { keys }: z.output<typeof resolveKeysParams>): string {
  const asked = new Set(keys.map((key) => key.label));
  // Made once for each set of labels (at most 2^10): it runs for every key lookup.
  const byLabels = statements.get(text) ?? new Map<string, string>();
  statements.set(text, byLabels);
  const labels = [...asked].sort().join();
  let statement = byLabels.get(labels);
  if (statement === undefined) {
    statement = withBranchesOf(text, asked);
    byLabels.set(labels, statement);
  }
  return statement;
}

const statements = new Map<string, Map<string, string>>();

function withBranchesOf(text: string, asked: ReadonlySet<NodeLabel>): string {
  const branch = /^MATCH \(n:(\w+) \{id: key\.id\}\) WHERE key\.label = '\1' RETURN n$/;
  const lines = text.split('\n');
  const branches = lines.filter((line) => branch.test(line));
  const labels = branches.map((line) => line.match(branch)![1]);
  if (
    labels.length !== nodeLabels.length ||
    !nodeLabels.every((label) => labels.includes(label)) ||
    !lines.includes('UNION ALL')
  ) {
    throw new Error('db: views/parts/key-lookup no longer has one branch a label, one a line');
  }
  // With no key, one branch keeps the query whole; it matches nothing.
  const kept = branches.filter((_, i) => asked.has(labels[i] as NodeLabel));
  const union = (kept.length > 0 ? kept : branches.slice(0, 1)).join('\nUNION ALL\n');
  const first = lines.indexOf(branches[0]!);
  const last = lines.indexOf(branches[branches.length - 1]!);
  return [...lines.slice(0, first), union, ...lines.slice(last + 1)].join('\n');
}

export const networkQueries = {
  'views/graph-resolve-keys': query(
    resolveKeysParams,
    z.object({
      label: z.enum(nodeLabels),
      id: z.string(),
      element: z.string(),
      degree: z.number(),
    }),
    labelsAsked,
  ),
  'views/graph-node-details': jsonRows(
    query(
      z.object({ elements: z.array(z.string()), degreesAbove: count.nullable(), types }),
      z.object({ element: z.string(), details: NodeDetailsSchema }),
    ),
  ),
  'views/graph-expand': jsonRows(
    query(
      expansionParams.extend({
        keys: resolveKeysParams.shape.keys,
        rankLimit: count.nullable(),
      }),
      z.object({
        element: z.string(),
        details: NodeDetailsSchema.nullable(),
        /** False: more relationships than $rankLimit; no total, perType or kept neighbours. */
        ranked: z.boolean(),
        total: z.number().nullable(),
        perType: z
          .array(z.object({ type: z.enum(relationshipTypes), count: z.number() }))
          .nullable(),
        kept: keptWithDetails,
      }),
      labelsAsked,
    ),
  ),
  'views/graph-expand-sample': jsonRows(
    query(expansionParams, z.object({ element: z.string(), kept: keptWithDetails })),
  ),
  'views/graph-hub-page': jsonRows(
    query(
      z.object({
        element: z.string(),
        types,
        hideStaff: z.boolean(),
        asOf,
        skip: count,
        limit: count,
      }),
      z.object({ total: z.number(), kept }),
    ),
  ),
  'views/community-view-head': query(
    z.object({ id: z.string(), hideStaff: z.boolean(), limit: count }),
    z.object({
      id: z.string(),
      props: openMap,
      total: z.number(),
      members: z.array(z.string()),
    }),
  ),
  'views/community-view-relations': query(
    z.object({ members: z.array(z.string()) }),
    z.object({ edge: EdgeRowSchema }),
  ),
  'views/community-view-connectors': query(
    z.object({ members: z.array(z.string()), hideStaff: z.boolean() }),
    z.object({
      connector: z.string(),
      links: z.array(
        z.object({ member: z.string(), via: z.array(z.string()), edges: z.array(EdgeRowSchema) }),
      ),
    }),
  ),
  'views/path-expand': query(
    z.object({
      frontier: z.array(z.string()),
      types,
      asOf,
      avoidHubs: z.boolean(),
      hideStaff: z.boolean(),
      ends: z.array(z.string()),
      limit: count,
    }),
    z.object({ from: z.string(), to: z.string(), rel: z.string(), degree: z.number() }),
  ),
  'views/path-start': query(
    z.object({
      keys: resolveKeysParams.shape.keys,
      types,
      asOf,
      avoidHubs: z.boolean(),
      hideStaff: z.boolean(),
      limit: count,
    }),
    z.object({
      ends: z.tuple([z.string(), z.string()]),
      degrees: z.tuple([z.number(), z.number()]),
      near: z.union([z.literal(0), z.literal(1)]),
      /** The first level from the near end: [to, rel, degree] (path-expand's columns). */
      reached: z.array(z.tuple([z.string(), z.string(), z.number()])),
    }),
    labelsAsked,
  ),
  'views/path-found': jsonRows(
    query(
      z.object({
        rels: z.array(z.string()),
        elements: z.array(z.string()),
        degreesAbove: count.nullable(),
        types,
      }),
      z.object({
        edges: z.array(z.object({ rel: z.string(), edge: EdgeRowSchema })),
        nodes: z.array(z.object({ element: z.string(), details: NodeDetailsSchema })),
      }),
    ),
  ),
} as const;
