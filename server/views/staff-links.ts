// How a claim an official processed is linked to the official, from the candidate paths the
// Cypher view returns (cypher/views/staff-linked-claims.cypher). The links are those of the
// analytics features f_linked_claims and f_staff_proximity — a simple path of 1–3 household,
// residence or account links started by the as-of date with no hub on the way, the official as
// the claimant, a claim paid into the official's account — so the view explains those features.
//
// One rule is the view's own: a path counts for a claim only if all its links were in force
// together at some day of the claim's period (the claim's start to its end, or to the as-of
// date while it runs or when it ends later). Residences carry dates; household ties and
// accounts do not and always count. So an official and a claimant who lived at one address
// years before the claim are not shown as linked by it; such claims are counted apart
// (`outsidePeriod`), which is why the view's count can be below f_linked_claims.
import type { LinkedClaimRow, PathLinkRow, PathNodeRow } from '../db/internal-fraud-queries.js';
import { nodeKey } from './graph-shape.js';

export const linkKinds = [
  'self',
  'household',
  'address',
  'account',
  'mixed',
  'paid_to_own_account',
] as const;
export type LinkKind = (typeof linkKinds)[number];

export const linkRelationships = ['HOUSEHOLD', 'LIVES_AT', 'HOLDS', 'PAID_TO'] as const;
export type LinkRelationship = (typeof linkRelationships)[number];

/** A day range; null ends are open. ISO dates compare as strings. */
export interface Period {
  from: string | null;
  to: string | null;
}

/** One link between a claim and the official, with what the graph needs to draw it. */
export interface ClaimLink {
  kind: LinkKind;
  /** Relationships along `path`: 0 the official is the claimant, 1 household, 2 same address,
   * shared account or paid into the official's account, 3 one step further. */
  hops: number;
  /** Node keys from the claimant (the claim, for a payment) to the official's person. */
  path: string[];
  relationships: LinkRelationship[];
  /** When every link of the path held, within the claim's period (null ends: open). */
  period: Period;
  /** The path's nodes (a payment's claim left out: the graph has it) and relationships, in
   * path order, for the graph. */
  nodes: PathNodeRow[];
  steps: { type: LinkRelationship; source: string; target: string; link: PathLinkRow | null }[];
}

export interface ClaimLinks {
  /** Links in force during the claim, strongest (fewest hops) first. */
  links: ClaimLink[];
  /** Linked by the features' rule (any time by the as-of date) but by no link in force during
   * the claim. */
  outsidePeriod: boolean;
}

const kindOrder = new Map(linkKinds.map((k, i) => [k, i]));

/** The claim's period as of `asOf`: start to end, or to `asOf` while running or ending later. */
export function claimPeriod(start: string | null, end: string | null, asOf: string): Period {
  const to = end === null || end > asOf ? asOf : end;
  return { from: start, to };
}

/** The days on which every link held (dated links: residences), or null when none. */
export function pathPeriod(links: readonly PathLinkRow[], within: Period): Period | null {
  let from = within.from;
  let to = within.to;
  for (const link of links) {
    if (link.start !== null && (from === null || link.start > from)) from = link.start;
    if (link.end !== null && (to === null || link.end < to)) to = link.end;
  }
  return from !== null && to !== null && from > to ? null : { from, to };
}

/** The kind of a claimant's path to the official, by the relationships along it. */
export function pathKind(types: readonly string[]): LinkKind {
  if (types.length === 0) return 'self';
  const [first] = types;
  if (!types.every((t) => t === first)) return 'mixed';
  if (first === 'HOUSEHOLD') return 'household';
  if (first === 'LIVES_AT') return 'address';
  return 'account';
}

const keyOf = (n: PathNodeRow) => nodeKey(n.label, n.id);

/** A candidate path (official first) as a link from the claimant to the official. */
function personLink(path: LinkedClaimRow['paths'][number], period: Period): ClaimLink {
  const keys = path.nodes.map(keyOf);
  const steps = path.links.map((link, i) => {
    const before = keys[i] ?? '';
    const after = keys[i + 1] ?? '';
    return {
      type: link.type,
      source: link.forward ? before : after,
      target: link.forward ? after : before,
      link,
    };
  });
  return {
    kind: pathKind(path.links.map((l) => l.type)),
    hops: path.links.length,
    path: [...keys].reverse(),
    relationships: path.links.map((l) => l.type).reverse(),
    period,
    nodes: [...path.nodes].reverse(),
    steps: steps.reverse(),
  };
}

/** Code-unit order: fixed whatever the locale, and far cheaper than localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLinks(a: ClaimLink, b: ClaimLink): number {
  return (
    a.hops - b.hops ||
    (kindOrder.get(a.kind) ?? 0) - (kindOrder.get(b.kind) ?? 0) ||
    compareText(a.path.join('|'), b.path.join('|'))
  );
}

/**
 * The links of one claim: per kind the shortest path in force during the claim (ties: the
 * first by node keys); a `mixed` path only when the claimant has no shorter link of their own.
 */
export function claimLinks(row: LinkedClaimRow, official: PathNodeRow, asOf: string): ClaimLinks {
  const within = claimPeriod(row.start, row.end, asOf);
  const officialKey = keyOf(official);
  const claimKey = nodeKey('Claim', row.claimId);
  const candidates: ClaimLink[] = [];
  if (row.self) {
    candidates.push({
      kind: 'self',
      hops: 0,
      path: [officialKey],
      relationships: [],
      period: within,
      nodes: [official],
      steps: [],
    });
  }
  let outside = false;
  for (const path of row.paths) {
    const period = pathPeriod(path.links, within);
    if (period === null) outside = true;
    else candidates.push(personLink(path, period));
  }
  for (const account of row.accounts) {
    const accountKey = nodeKey('Account', account.id);
    candidates.push({
      kind: 'paid_to_own_account',
      hops: 2,
      path: [claimKey, accountKey, officialKey],
      relationships: ['PAID_TO', 'HOLDS'],
      period: within,
      nodes: [accountNode(account.id), official],
      steps: [
        { type: 'PAID_TO', source: claimKey, target: accountKey, link: null },
        { type: 'HOLDS', source: officialKey, target: accountKey, link: null },
      ],
    });
  }
  candidates.sort(compareLinks);
  const best = new Map<LinkKind, ClaimLink>();
  for (const link of candidates) if (!best.has(link.kind)) best.set(link.kind, link);
  const personHops = [...best.values()]
    .filter((l) => l.kind !== 'mixed' && l.kind !== 'paid_to_own_account')
    .map((l) => l.hops);
  const mixed = best.get('mixed');
  if (mixed && personHops.some((h) => h < mixed.hops)) best.delete('mixed');
  const links = [...best.values()].sort(compareLinks);
  return { links, outsidePeriod: links.length === 0 && outside };
}

function accountNode(id: string): PathNodeRow {
  return {
    label: 'Account',
    id,
    score: null,
    band: null,
    region: null,
    municipality: null,
    postcode: null,
    kind: null,
  };
}
