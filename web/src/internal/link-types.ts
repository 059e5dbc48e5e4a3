// The internal-fraud views as GET /api/internal/staff/:id/linked-claims answers
// (server/views/staff-linked-claims-schema.ts; the fields the page uses, as the web may not
// import server code). The graph is the network canvas's own GraphView, with the paths.
import type { GraphView } from '../network/graph-types.js';
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

export interface StaffLinkGraph extends GraphView {
  /** Each linking path as node keys, to highlight on the drawing. */
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
