// The shared steps of the network views: node keys to nodes within the view's read unit
// (unknown → NotFoundError, a staff key for a viewer who may not see staff → ForbiddenError,
// before the database is asked, so that the answer does not say whether the official exists),
// the relationship types a viewer may follow, and node details in one query.
import type { Database } from '../db/database.js';
import type { NodeDetailsRow } from '../db/network-queries.js';
import { canSeeStaff, type Viewer } from '../auth/roles.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { relationshipTypes, type RelationshipType } from './entity-types.js';
import { parseNodeKey } from './node-key.js';

/** The query runner of one read unit (Database.transaction('READ')). */
export type ViewRun = Parameters<Parameters<Database['transaction']>[1]>[0];

/** Relationship types that always have an official at one end. */
export const staffOnlyTypes: readonly RelationshipType[] = ['PROCESSED_BY', 'IS'];

export const staffNote =
  'staff hidden: agency staff, the claims they processed (PROCESSED_BY) and their person links (IS) are shown to the internal-fraud unit only';

/** The types a viewer may follow among the requested ones (all of them by default). */
export function visibleTypes(
  viewer: Viewer,
  requested: readonly RelationshipType[] = relationshipTypes,
): RelationshipType[] {
  const unique = [...new Set(requested)];
  return canSeeStaff(viewer) ? unique : unique.filter((t) => !staffOnlyTypes.includes(t));
}

export interface ResolvedNode {
  element: string;
  /** All its relationships. */
  degree: number;
}

/**
 * The keys parsed, each once, in their order; refused (ForbiddenError) before the database is
 * asked when one names an official and the viewer may not see staff.
 */
export function checkedKeys(keys: readonly string[], viewer: Viewer) {
  const parsed = [...new Set(keys)].map((key) => ({ key, ...parseNodeKey(key) }));
  if (!canSeeStaff(viewer)) {
    const staff = parsed.filter((k) => k.label === 'Staff');
    if (staff.length > 0) {
      throw new ForbiddenError(
        `views: ${staff.map((k) => k.key).join(', ')}: agency staff are shown to the internal-fraud unit only`,
      );
    }
  }
  return parsed;
}

/** The keyed nodes (element id and degree), in the order of the keys (duplicates once). */
export async function resolveKeys(
  run: ViewRun,
  keys: readonly string[],
  viewer: Viewer,
): Promise<Map<string, ResolvedNode>> {
  const parsed = checkedKeys(keys, viewer);
  const rows = await run('views/graph-resolve-keys', {
    keys: parsed.map(({ label, id }) => ({ label, id })),
  });
  const found = new Map(
    rows.map((row) => [`${row.label}:${row.id}`, { element: row.element, degree: row.degree }]),
  );
  const missing = parsed.filter((k) => !found.has(k.key)).map((k) => k.key);
  if (missing.length > 0) {
    throw new NotFoundError(
      `views: no node ${missing.join(', ')}; check the key (Label:id, ids are case-sensitive)`,
    );
  }
  return new Map(parsed.map((k) => [k.key, found.get(k.key)!]));
}

/**
 * Details of the given nodes, in their order; with `degrees`, their relationships of the types
 * `over` from the degree store (the neighbourhood's hub and cap decisions), for the nodes that
 * could be collapsed or be too big to rank: hubs and those with more than `above` relationships
 * (the lower of the cap and the rank limit).
 */
export async function nodeDetails(
  run: ViewRun,
  elements: readonly string[],
  degrees: { over: readonly RelationshipType[]; above: number } | null,
): Promise<NodeDetailsRow[]> {
  if (elements.length === 0) return [];
  const rows = await run('views/graph-node-details', {
    elements: [...elements],
    degreesAbove: degrees?.above ?? null,
    types: [...(degrees?.over ?? [])],
  });
  const byElement = new Map(
    rows.map((row) => [row.element, { element: row.element, ...row.details }]),
  );
  return elements.flatMap((element) => {
    const row = byElement.get(element);
    return row ? [row] : [];
  });
}

/** Labels that can link to an official (Claim, Person, and Inspection, Case, Community). */
const staffAdjacent = new Set(['Person', 'Claim', 'Inspection', 'Case', 'Community']);

/**
 * The staff note for a viewer who may not see staff, whenever the view holds a node that could
 * link to an official, whether or not one was masked: a note only when something was masked
 * would tell, on a person's view, that the person is an official.
 */
export function staffNotes(viewer: Viewer, nodes: readonly { type: string }[]): string[] {
  if (canSeeStaff(viewer)) return [];
  return nodes.some((n) => staffAdjacent.has(n.type)) ? [staffNote] : [];
}
