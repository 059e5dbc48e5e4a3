// The graph of the internal-fraud view, in the shape the explorer draws (graph-shape.ts): the
// official and their person, the listed linked claims with their claimants, and the nodes and
// relationships of every linking path (household members, addresses, accounts), plus the node
// keys of each path so the explorer can highlight them. Display attributes are a fixed few
// (region, municipality, address kind and postcode, claim type, status, dates, amount): never
// a protected attribute (sex, nationality, birth year), which the queries do not even read.
import type { StaffViewRow, PathNodeRow } from '../db/internal-fraud-queries.js';
import { bands, type Band } from '../scoring/bands.js';
import { nodeKey, type GraphEdge, type GraphNode, type GraphView } from './graph-shape.js';
import type { RelationshipType } from './entity-types.js';
import type { ClaimLink } from './staff-links.js';

type Attributes = GraphNode['attributes'];

/** A listed claim with what the graph needs. */
export interface GraphClaim {
  id: string;
  type: string | null;
  start: string | null;
  end: string | null;
  status: string | null;
  amount: number | null;
  claimant: PathNodeRow;
  links: ClaimLink[];
}

export interface StaffLinkGraphInput {
  official: StaffViewRow;
  claims: GraphClaim[];
  notes: string[];
  truncated: boolean;
}

/** A band as stored, or null when none (or not one of the bands). */
export function band(value: string | null): Band | null {
  return (bands as readonly (string | null)[]).includes(value) ? (value as Band) : null;
}

/** Only the attributes that have a value. */
function attributes(values: Attributes): Attributes {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

function pathNode(n: PathNodeRow): GraphNode {
  const common = { key: nodeKey(n.label, n.id), type: n.label, id: n.id };
  switch (n.label) {
    case 'Address':
      return {
        ...common,
        label: [n.postcode, n.municipality].filter(Boolean).join(' ') || n.id,
        score: null,
        band: null,
        attributes: attributes({
          kind: n.kind,
          postcode: n.postcode,
          municipality: n.municipality,
          region: n.region,
        }),
      };
    case 'Account':
      return { ...common, label: n.id, score: null, band: null, attributes: {} };
    default:
      return {
        ...common,
        label: n.id,
        score: n.score,
        band: band(n.band),
        attributes: attributes({ region: n.region, municipality: n.municipality }),
      };
  }
}

export function staffLinkGraph(input: StaffLinkGraphInput): GraphView & { paths: string[][] } {
  const { official } = input;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const paths = new Map<string, string[]>();
  const addNode = (node: GraphNode) => {
    if (!nodes.has(node.key)) nodes.set(node.key, node);
  };
  const addEdge = (
    type: RelationshipType,
    source: string,
    target: string,
    extra: {
      key?: string | null;
      start?: string | null;
      end?: string | null;
      kind?: string | null;
    } = {},
  ) => {
    const key = `${type}:${source}->${target}${extra.key ? `#${extra.key}` : ''}`;
    if (edges.has(key)) return;
    edges.set(key, {
      key,
      source,
      target,
      type,
      start: extra.start ?? null,
      end: extra.end ?? null,
      attributes: attributes({ kind: extra.kind ?? null }),
    });
  };

  const staffKey = nodeKey('Staff', official.id);
  addNode({
    key: staffKey,
    type: 'Staff',
    id: official.id,
    label: official.id,
    score: official.score,
    band: band(official.band),
    attributes: attributes({ unit: official.unit, office_region: official.officeRegion }),
  });
  if (official.person) {
    addNode(pathNode(official.person));
    addEdge('IS', staffKey, nodeKey('Person', official.person.id));
  }

  for (const claim of input.claims) {
    const claimKey = nodeKey('Claim', claim.id);
    const claimantNode = pathNode(claim.claimant);
    addNode({
      key: claimKey,
      type: 'Claim',
      id: claim.id,
      label: `${(claim.type ?? 'claim').replace(/_/g, ' ')} ${claim.start ?? ''}`.trim(),
      score: null,
      band: null,
      attributes: attributes({
        type: claim.type,
        status: claim.status,
        start: claim.start,
        end: claim.end,
        monthly_amount_eur: claim.amount,
      }),
    });
    addNode(claimantNode);
    addEdge('CLAIMED', claimantNode.key, claimKey);
    addEdge('PROCESSED_BY', claimKey, staffKey);
    for (const link of claim.links) {
      for (const node of link.nodes) addNode(pathNode(node));
      for (const step of link.steps) {
        addEdge(step.type, step.source, step.target, {
          key: step.link?.key,
          start: step.link?.start,
          end: step.link?.end,
          kind: step.link?.kind,
        });
      }
      paths.set(link.path.join('\u0000'), link.path);
    }
  }

  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    notes: input.notes,
    truncated: input.truncated,
    paths: [...paths.values()],
  };
}
