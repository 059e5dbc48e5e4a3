// The graph shape every network view of the API answers with (the server's
// server/views/graph-shape.ts, restated here: the explorer talks to the server only over HTTP).
// Nodes are keyed `Label:id`; a hub comes back collapsed, standing for `count` neighbours.
import type { Band } from '../ui/band.js';

export const nodeTypes = [
  'Employer',
  'Person',
  'Staff',
  'Address',
  'Account',
  'Contact',
  'Claim',
  'Inspection',
  'Case',
  'Community',
] as const;
export type NodeType = (typeof nodeTypes)[number];

export type Scalar = string | number | boolean | null;

export interface GraphNode {
  key: string;
  type: NodeType;
  id: string;
  label: string;
  score: number | null;
  band: Band | null;
  collapsed?: { count: number; reason: 'hub' | 'cap' };
  attributes: Record<string, Scalar>;
}

export interface GraphEdge {
  key: string;
  source: string;
  target: string;
  type: string;
  /** ISO dates; null when the relation has none (always active). */
  start: string | null;
  end: string | null;
  attributes: Record<string, Scalar>;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  notes: string[];
  truncated: boolean;
}

export interface CommunityView extends GraphView {
  community: {
    id: string;
    size: number;
    persons: number | null;
    employers: number | null;
    staff: number | null;
    visibleMembers: number;
    aggregates: Record<string, Scalar>;
  };
}

export interface PathsView extends GraphView {
  /** Each path as the keys of its nodes, from one end to the other. */
  paths: string[][];
}

/** Node types a case can be opened on, and the entity type the API names them by. */
export const caseEntityTypes = { Employer: 'employer', Person: 'person', Staff: 'staff' } as const;
export type CaseEntityType = (typeof caseEntityTypes)[keyof typeof caseEntityTypes];

export function entityTypeOf(type: NodeType): CaseEntityType | null {
  return type in caseEntityTypes ? caseEntityTypes[type as keyof typeof caseEntityTypes] : null;
}

/** The explorer's page for an entity, or null for a node that has none (an address …). */
export function entityHref(node: Pick<GraphNode, 'type' | 'id'>): string | null {
  const type = entityTypeOf(node.type);
  return type ? `/entities/${type}/${encodeURIComponent(node.id)}` : null;
}
