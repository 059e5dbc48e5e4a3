// The internal-fraud views as GET /api/internal/staff/:id/linked-claims answers
// (server/views/staff-linked-claims-schema.ts; the fields the page uses, as the web may not
// import server code). The graph is kept whole for the network canvas.
import type { Band } from '../ui/band.js';

export type LinkKind =
  'self' | 'household' | 'address' | 'account' | 'mixed' | 'paid_to_own_account';
export type LinkRelationship = 'HOUSEHOLD' | 'LIVES_AT' | 'HOLDS' | 'PAID_TO';

export interface StaffLink {
  kind: LinkKind;
  hops: number;
  /** Node keys from the claimant (the claim, for a payment) to the official's person. */
  path: string[];
  relationships: LinkRelationship[];
  period: { from: string | null; to: string | null };
}

export interface LinkedClaim {
  id: string;
  type: string | null;
  start: string | null;
  end: string | null;
  status: string | null;
  amount: number | null;
  claimant: { id: string; score: number | null; band: Band | null };
  links: StaffLink[];
}

export interface GraphNode {
  key: string;
  type: string;
  id: string;
  label: string;
  score: number | null;
  band: Band | null;
  collapsed?: { count: number; reason: 'hub' | 'cap' };
  attributes: Record<string, string | number | boolean | null>;
}

export interface GraphEdge {
  key: string;
  source: string;
  target: string;
  type: string;
  start: string | null;
  end: string | null;
  attributes: Record<string, string | number | boolean | null>;
}

/** The graph view every network route returns (server/views/graph-shape.ts), with the paths. */
export interface StaffLinkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  notes: string[];
  truncated: boolean;
  paths: string[][];
}

export interface StaffLinkedClaims {
  asOf: string;
  official: {
    id: string;
    personId: string | null;
    unit: string | null;
    officeRegion: string | null;
    score: number | null;
    band: Band | null;
    topReason: string | null;
    features: Record<string, number | null>;
  };
  summary: {
    claimsProcessed: number;
    claimsGranted: number;
    claimsLinked: number;
    claimsLinkedGranted: number;
    linkedShare: number;
    grantedShare: number | null;
    linkedGrantedShare: number | null;
    claimsLinkedOutsidePeriod: number;
  };
  claims: LinkedClaim[];
  truncated: boolean;
  graph: StaffLinkGraph;
}
