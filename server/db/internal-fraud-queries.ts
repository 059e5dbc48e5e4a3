// The internal-fraud views' Cypher (cypher/views/staff-*.cypher): one official with their
// counts and features, and the claims they processed whose claimant is linked to them, with
// every candidate linking path. Spread into `queries` (queries.ts); server/views/ runs them.
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

export const internalFraudQueries = {
  'views/staff-official': query(
    z.object({ staffId: z.string(), asOf: isoDate }),
    z.object({
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
    }),
  ),
  'views/staff-linked-claims': query(
    z.object({
      staffId: z.string(),
      asOf: isoDate,
      maxPaths: z.number().int().positive().pipe(integerParam),
    }),
    z.object({
      claimId: z.string(),
      type: str,
      start: isoDate.nullable(),
      end: isoDate.nullable(),
      status: str,
      amount: num,
      claimant: z.object({
        id: z.string(),
        score: num,
        band: str,
        region: str,
        municipality: str,
      }),
      self: z.boolean(),
      paths: z.array(z.object({ nodes: z.array(pathNode), links: z.array(pathLink) })),
      accounts: z.array(z.object({ id: z.string() })),
      pathCount: z.number().int(),
    }),
  ),
} as const;

export type OfficialRow = z.infer<(typeof internalFraudQueries)['views/staff-official']['row']>;
export type LinkedClaimRow = z.infer<
  (typeof internalFraudQueries)['views/staff-linked-claims']['row']
>;
export type PathNodeRow = z.infer<typeof pathNode>;
export type PathLinkRow = z.infer<typeof pathLink>;
