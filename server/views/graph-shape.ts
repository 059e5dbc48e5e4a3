// The graph shape every network view returns (neighbourhood, community, paths, internal-fraud
// links), in the form the Sigma.js explorer renders directly: nodes keyed `Label:id` (ids are
// unique per label only), with a type, a readable label, score and band; edges with their type
// and dates. A hub comes back collapsed: one node standing for `count` neighbours behind it.
import { z } from 'zod';
import { bands } from '../scoring/bands.js';
import { NodeLabelSchema, RelationshipTypeSchema } from './entity-types.js';

export const BandSchema = z.enum(bands);

export const GraphNodeSchema = z.object({
  /** `Label:id`, unique in a view. */
  key: z.string(),
  type: NodeLabelSchema,
  id: z.string(),
  label: z.string(),
  score: z.number().nullable(),
  band: BandSchema.nullable(),
  /** Present when the node stands collapsed for many neighbours (a hub). */
  collapsed: z
    .object({
      /** Neighbours behind the hub that the view did not return. */
      count: z.number().int().nonnegative(),
      /** Why it is collapsed: flagged a hub by analytics, or over the per-type cap. */
      reason: z.enum(['hub', 'cap']),
    })
    .optional(),
  /** A few display properties (sector, region, status, kind …), never protected attributes. */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z.object({
  /** Unique in a view. */
  key: z.string(),
  source: z.string(),
  target: z.string(),
  type: RelationshipTypeSchema,
  start: z.iso.date().nullable(),
  end: z.iso.date().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const GraphViewSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  /** Plain-words notes on what was left out: sampled, capped, hubs collapsed, staff masked. */
  notes: z.array(z.string()),
  truncated: z.boolean(),
});
export type GraphView = z.infer<typeof GraphViewSchema>;

export function nodeKey(type: string, id: string): string {
  return `${type}:${id}`;
}
