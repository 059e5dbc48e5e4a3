// A linking path written out, from the official to the claim: "official S1 (person P9)
// —lives at→ address A3 ←lives at— person P4 —claimed→ claim C7". The API gives each path from
// the claimant (or, for a payment, the claim) to the official's person with the relationship
// types between; arrows follow the graph's own direction (a person lives at an address, holds
// an account; a claim is paid to an account; household ties have none).
import type { LinkedClaim, LinkRelationship, StaffLink } from './link-types.js';

export type PathStep =
  | { step: 'node'; key: string; type: string; id: string; text: string }
  | { step: 'edge'; text: string };

const relationWords: Record<LinkRelationship, string> = {
  HOUSEHOLD: 'household',
  LIVES_AT: 'lives at',
  HOLDS: 'holds',
  PAID_TO: 'paid to',
};

/** The label each relationship starts from (HOUSEHOLD: either way). */
const startsAt: Record<LinkRelationship, string | null> = {
  HOUSEHOLD: null,
  LIVES_AT: 'Person',
  HOLDS: 'Person',
  PAID_TO: 'Claim',
};

function splitKey(key: string): { type: string; id: string } {
  const at = key.indexOf(':');
  return at < 0 ? { type: '', id: key } : { type: key.slice(0, at), id: key.slice(at + 1) };
}

function node(key: string, official?: string): PathStep {
  const { type, id } = splitKey(key);
  const text = official
    ? `official ${official} (${type.toLowerCase()} ${id})`
    : `${type.toLowerCase()} ${id}`;
  return { step: 'node', key, type, id, text };
}

function edge(type: LinkRelationship, from: string): PathStep {
  const words = relationWords[type];
  const start = startsAt[type];
  if (start === null) return { step: 'edge', text: `—${words}—` };
  return { step: 'edge', text: splitKey(from).type === start ? `—${words}→` : `←${words}—` };
}

/** The steps of one link, official first, ending at the claim. */
export function linkSteps(link: StaffLink, claimId: string, officialId: string): PathStep[] {
  const keys = [...link.path].reverse();
  const relations = [...link.relationships].reverse();
  const steps: PathStep[] = [];
  keys.forEach((key, i) => {
    steps.push(node(key, i === 0 ? officialId : undefined));
    const relation = relations[i];
    if (relation && i + 1 < keys.length) steps.push(edge(relation, key));
  });
  const last = keys[keys.length - 1];
  if (!last || splitKey(last).type !== 'Claim') {
    steps.push({ step: 'edge', text: '—claimed→' });
    steps.push(node(`Claim:${claimId}`));
  }
  return steps;
}

export const stepsText = (steps: readonly PathStep[]): string => steps.map((s) => s.text).join(' ');

export const kindWords: Record<StaffLink['kind'], string> = {
  self: 'the official is the claimant',
  household: 'same household',
  address: 'same address',
  account: 'shared account',
  mixed: 'several kinds of link',
  paid_to_own_account: 'paid into the official’s account',
};

/** Every path of a claim written out, strongest first (as the API orders them). */
export function claimPaths(claim: LinkedClaim, officialId: string): string[] {
  return claim.links.map((l) => stepsText(linkSteps(l, claim.id, officialId)));
}

/**
 * What to highlight on the drawing: every node on a linking path, and the edges between
 * consecutive nodes of a path (either direction).
 */
export function pathHighlight(graph: {
  edges: readonly { key: string; source: string; target: string }[];
  paths: readonly (readonly string[])[];
}): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const steps = new Set<string>();
  for (const path of graph.paths) {
    path.forEach((key, i) => {
      nodes.add(key);
      const next = path[i + 1];
      if (next !== undefined) steps.add(`${key}\u0000${next}`).add(`${next}\u0000${key}`);
    });
  }
  const edges = new Set<string>();
  for (const edge of graph.edges) {
    if (steps.has(`${edge.source}\u0000${edge.target}`)) edges.add(edge.key);
  }
  return { nodes, edges };
}
