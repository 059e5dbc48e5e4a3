// The input and output of the internal-fraud view of one official (staff-linked-claims.ts):
// what a route parses from its path and query string, and the JSON it returns.
import { z } from 'zod';
import { EntityIdSchema } from './entity-types.js';
import { BandSchema, GraphViewSchema } from './graph-shape.js';
import { linkKinds, linkRelationships } from './staff-links.js';

export const maxLinkedClaims = 500;

export const StaffLinkedClaimsInputSchema = z.object({
  /** The official (staff id). */
  staffId: EntityIdSchema,
  /** The day the view is as of: claims started and links begun after it do not count.
   * Default: the extraction date of the latest load (as analytics), else today. */
  asOf: z.iso.date().optional(),
  /** Linked claims listed (strongest first); `truncated` says when more are linked. */
  limit: z.coerce.number().int().min(1).max(maxLinkedClaims).default(100),
});
export type StaffLinkedClaimsInput = z.input<typeof StaffLinkedClaimsInputSchema>;

const share = z.number().min(0).max(1);

export const StaffOfficialSchema = z.object({
  id: z.string(),
  /** The official as a person ((Staff)-[:IS]->(Person)); null when the data names none. */
  personId: z.string().nullable(),
  unit: z.string().nullable(),
  officeRegion: z.string().nullable(),
  score: z.number().nullable(),
  band: BandSchema.nullable(),
  topReason: z.string().nullable(),
  /** The internal-fraud features analytics wrote on the node (null: not computed). */
  features: z.object({
    f_linked_claims: z.number().nullable(),
    f_linked_claim_share: z.number().nullable(),
    f_approval_rate_ratio: z.number().nullable(),
    f_exposure: z.number().nullable(),
    f_degree_claim_processed_by: z.number().nullable(),
    f_community_size: z.number().nullable(),
    f_community_share_fraud: z.number().nullable(),
  }),
  /** The analytics run that wrote the features, and when. */
  featuresRun: z.string().nullable(),
  featuresAt: z.string().nullable(),
});

export const StaffLinkSummarySchema = z.object({
  /** Claims the official processed that started by the as-of date. */
  claimsProcessed: z.number().int().nonnegative(),
  claimsGranted: z.number().int().nonnegative(),
  /** Of those, claims with a link to the official in force during the claim. */
  claimsLinked: z.number().int().nonnegative(),
  claimsLinkedGranted: z.number().int().nonnegative(),
  /** claimsLinked / claimsProcessed (0 when none processed, as f_linked_claim_share). */
  linkedShare: share,
  /** Granted share among all processed claims and among the linked ones (null: none): the
   * unusual approval share is a linked share well above the overall one. */
  grantedShare: share.nullable(),
  linkedGrantedShare: share.nullable(),
  /** Claims linked only by residences that did not overlap the claim's period: counted by
   * f_linked_claims (which ignores end dates) but not listed. */
  claimsLinkedOutsidePeriod: z.number().int().nonnegative(),
});

export const StaffLinkSchema = z.object({
  kind: z.enum(linkKinds),
  /** 0 the official is the claimant, 1 household, 2 same address, shared account or paid into
   * the official's account, 3 one step further (as f_staff_proximity counts). */
  hops: z.number().int().min(0).max(3),
  /** Node keys (`Label:id`) from the claimant — for a payment, from the claim — to the
   * official's person. */
  path: z.array(z.string()),
  relationships: z.array(z.enum(linkRelationships)),
  /** The days within the claim's period on which every link of the path held (null: open). */
  period: z.object({ from: z.iso.date().nullable(), to: z.iso.date().nullable() }),
});

export const StaffLinkedClaimSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  start: z.iso.date().nullable(),
  end: z.iso.date().nullable(),
  status: z.string().nullable(),
  /** Monthly amount in euros. */
  amount: z.number().nullable(),
  claimant: z.object({
    id: z.string(),
    score: z.number().nullable(),
    band: BandSchema.nullable(),
  }),
  links: z.array(StaffLinkSchema).min(1),
});

export const StaffLinkGraphSchema = GraphViewSchema.extend({
  /** Node keys along each linking path of the listed claims, for highlighting. */
  paths: z.array(z.array(z.string())),
});

export const StaffLinkedClaimsSchema = z.object({
  asOf: z.iso.date(),
  official: StaffOfficialSchema,
  summary: StaffLinkSummarySchema,
  /** Strongest link first (fewest hops), then the latest claim first. */
  claims: z.array(StaffLinkedClaimSchema),
  /** More claims are linked than `limit` listed. */
  truncated: z.boolean(),
  graph: StaffLinkGraphSchema,
});
export type StaffLinkedClaims = z.infer<typeof StaffLinkedClaimsSchema>;
export type StaffLinkedClaim = z.infer<typeof StaffLinkedClaimSchema>;
export type StaffLinkGraph = z.infer<typeof StaffLinkGraphSchema>;
