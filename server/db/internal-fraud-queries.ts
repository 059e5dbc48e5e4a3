// The internal-fraud view's Cypher (cypher/views/staff-linked-claims.cypher): one official with
// their counts and features, and the claims they processed whose claimant is linked to them,
// each with every candidate linking path, in one read. Spread into `queries` (queries.ts);
// server/views/staff-linked-claims.ts runs it.
import { z } from 'zod';
import { query } from './query-def.js';
import { integerParam } from './values.js';

const isoDate = z.iso.date();
const num = z.number().nullable();
const str = z.string().nullable();

/** A node on a linking path, with the few display properties the view may show. */
const pathNode = z.object({
  label: z.enum(['Person', 'Address', 'Account', 'Employer']),
  id: z.string(),
  score: num,
  band: str,
  region: str,
  municipality: str,
  postcode: str,
  kind: str,
});

/** A relationship on a linking path; `forward` when stored from the node before it. */
const pathLink = z.object({
  type: z.enum(['HOUSEHOLD', 'LIVES_AT', 'HOLDS']),
  forward: z.boolean(),
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  key: str,
  kind: str,
});

/** A processed claim whose claimant is linked to the official, with its candidate links. */
const linkedClaim = z.object({
  claimId: z.string(),
  type: str,
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  status: str,
  amount: num,
  claimant: z.object({ id: z.string(), score: num, band: str, region: str, municipality: str }),
  /** The official is the claimant. */
  self: z.boolean(),
  /** Paths from the official's person (first node) to the claimant (last). */
  paths: z.array(z.object({ nodes: z.array(pathNode), links: z.array(pathLink) })),
  /** Accounts of the official the claim is paid into. */
  accounts: z.array(z.object({ id: z.string() })),
});

export const internalFraudQueries = {
  'views/staff-linked-claims': query(
    z.object({
      staffId: z.string(),
      /** null: the extraction date of the latest load, else today. */
      asOf: isoDate.nullable(),
      maxPaths: z.number().int().positive().pipe(integerParam),
    }),
    z.object({
      asOf: isoDate,
      id: z.string(),
      /** The official as a person, shaped as a node on a linking path. */
      person: pathNode.nullable(),
      unit: str,
      officeRegion: str,
      score: num,
      band: str,
      topReason: str,
      features: z.record(z.string(), num),
      featuresRun: str,
      featuresAt: str,
      processed: z.number().int(),
      granted: z.number().int(),
      claims: z.array(linkedClaim),
      /** Paths of the official's neighbourhood read (at most maxPaths). */
      pathCount: z.number().int(),
    }),
  ),
} as const;

export type StaffViewRow = z.infer<
  (typeof internalFraudQueries)['views/staff-linked-claims']['row']
>;
export type LinkedClaimRow = z.infer<typeof linkedClaim>;
export type PathNodeRow = z.infer<typeof pathNode>;
export type PathLinkRow = z.infer<typeof pathLink>;
