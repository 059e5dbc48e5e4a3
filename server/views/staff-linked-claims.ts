// The internal-fraud view of one official (DESIGN.md, "internal fraud": a staff member
// processes claims of people in their household, at their address, or paid to their account;
// an unusual approval share). For the internal-fraud unit only: the official with their score
// and features, how many of the claims they processed are linked to them and how often those
// were granted against all their claims, the linked claims with every link (kind, hops, path),
// and the graph the explorer draws. The links are the ones f_linked_claims counts
// (staff-links.ts), kept to those in force during the claim.
import type { Database } from '../db/database.js';
import type { StaffViewRow } from '../db/internal-fraud-queries.js';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { band, staffLinkGraph, type GraphClaim } from './staff-link-graph.js';
import {
  StaffLinkedClaimsInputSchema,
  StaffOfficialSchema,
  type StaffLinkedClaim,
  type StaffLinkedClaims,
  type StaffLinkedClaimsInput,
} from './staff-linked-claims-schema.js';
import { claimLinks, compareText } from './staff-links.js';

/** Paths of the official's neighbourhood read at most (household, residence, account links). */
export const maxNeighbourhoodPaths = 5000;

const featureNames = Object.keys(StaffOfficialSchema.shape.features.shape);

export async function staffLinkedClaims(
  db: Database,
  input: StaffLinkedClaimsInput,
  viewer: Viewer,
): Promise<StaffLinkedClaims> {
  if (!canSeeStaff(viewer)) {
    throw new ForbiddenError(
      `views: only the internal-fraud unit sees officials and their links; ${viewer.username} has the ${viewer.role} role`,
    );
  }
  const parsed = StaffLinkedClaimsInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new BadInputError(
      'views: bad input for the staff linked-claims view; see fields',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const { staffId, limit } = parsed.data;

  const [row] = await db.read('views/staff-linked-claims', {
    staffId,
    asOf: parsed.data.asOf ?? null,
    maxPaths: maxNeighbourhoodPaths,
  });
  if (!row) throw new NotFoundError(`views: no official ${staffId}; check the id`);
  return assemble(row, limit);
}

/** The view from the rows read: links per claim, summary, the listed claims and the graph. */
export function assemble(official: StaffViewRow, limit: number): StaffLinkedClaims {
  const { asOf, claims: rows, pathCount } = official;
  const linked: GraphClaim[] = [];
  let outsidePeriod = 0;
  const person = official.person;
  for (const row of rows) {
    if (!person) break;
    const { links, outsidePeriod: outside } = claimLinks(row, person, asOf);
    if (outside) outsidePeriod++;
    if (links.length === 0) continue;
    linked.push({
      id: row.claimId,
      type: row.type,
      start: row.start,
      end: row.end,
      status: row.status,
      amount: row.amount,
      claimant: { ...row.claimant, label: 'Person', postcode: null, kind: null },
      links,
    });
  }
  linked.sort(
    (a, b) =>
      strongest(a) - strongest(b) ||
      compareText(b.start ?? '', a.start ?? '') ||
      compareText(a.id, b.id),
  );
  const listed = linked.slice(0, limit);
  const truncated = linked.length > listed.length;
  const linkedGranted = linked.filter((c) => c.status === 'granted').length;

  const notes: string[] = [];
  if (!person) notes.push('the data names no person for this official: no link can be traced');
  if (truncated) notes.push(`${listed.length} of ${linked.length} linked claims shown (limit)`);
  if (outsidePeriod > 0) {
    notes.push(
      `${outsidePeriod} claim(s) linked only through residences that did not overlap the claim are left out (f_linked_claims counts them)`,
    );
  }
  if (pathCount >= maxNeighbourhoodPaths) {
    notes.push(
      `the official's neighbourhood was cut at ${maxNeighbourhoodPaths} paths: some links may be missing`,
    );
  }

  return {
    asOf,
    official: {
      id: official.id,
      personId: person?.id ?? null,
      unit: official.unit,
      officeRegion: official.officeRegion,
      score: official.score,
      band: band(official.band),
      topReason: official.topReason,
      features: StaffOfficialSchema.shape.features.parse(
        Object.fromEntries(featureNames.map((name) => [name, official.features[name] ?? null])),
      ),
      featuresRun: official.featuresRun,
      featuresAt: official.featuresAt,
    },
    summary: {
      claimsProcessed: official.processed,
      claimsGranted: official.granted,
      claimsLinked: linked.length,
      claimsLinkedGranted: linkedGranted,
      linkedShare: official.processed === 0 ? 0 : linked.length / official.processed,
      grantedShare: official.processed === 0 ? null : official.granted / official.processed,
      linkedGrantedShare: linked.length === 0 ? null : linkedGranted / linked.length,
      claimsLinkedOutsidePeriod: outsidePeriod,
    },
    claims: listed.map((c): StaffLinkedClaim => ({
      id: c.id,
      type: c.type,
      start: c.start,
      end: c.end,
      status: c.status,
      amount: c.amount,
      claimant: { id: c.claimant.id, score: c.claimant.score, band: band(c.claimant.band) },
      links: c.links.map((l) => ({
        kind: l.kind,
        hops: l.hops,
        path: l.path,
        relationships: l.relationships,
        period: l.period,
      })),
    })),
    truncated,
    graph: staffLinkGraph({
      official,
      claims: listed,
      notes,
      truncated: truncated || pathCount >= maxNeighbourhoodPaths,
    }),
  };
}

/** Links come strongest first. */
const strongest = (c: GraphClaim) => c.links[0]?.hops ?? Infinity;
