// Rows of the view queries (cypher/views/) turned into the GraphView shape: a node's readable
// label and display attributes (a fixed list per label, never protected attributes), an edge's
// key, dates and attributes, and a builder that keys nodes by `Label:id`, keeps each node and
// edge once, and drops edges whose ends are not in the view.
import type { EdgeRow, NodeDetailsRow } from '../db/network-queries.js';
import { nodeLabels, type NodeLabel } from './entity-types.js';
import {
  BandSchema,
  nodeKey,
  type GraphEdge,
  type GraphNode,
  type GraphView,
} from './graph-shape.js';

type Scalar = string | number | boolean | null;

/** The display attributes of each label (cypher/views/parts/node-details reads only these). */
export const displayAttributes: Record<NodeLabel, readonly string[]> = {
  Employer: [
    'sector',
    'region',
    'municipality',
    'status',
    'kind',
    'founded_on',
    'ceased_on',
    'declared_workers',
  ],
  Person: ['region', 'municipality'],
  Staff: ['unit', 'office_region'],
  Address: ['postcode', 'municipality', 'region', 'kind'],
  Account: [],
  Contact: ['channel'],
  Claim: ['type', 'status', 'start', 'end', 'channel'],
  Inspection: ['offence', 'outcome', 'origin', 'opened_on', 'closed_on'],
  Case: ['status'],
  Community: ['size', 'persons', 'employers'],
};

function scalar(value: unknown): Scalar | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  const s = scalar(value);
  return s === undefined || s === null || s === '' ? undefined : String(s);
}

export function nodeLabelOf(labels: readonly string[]): NodeLabel | undefined {
  return nodeLabels.find((label) => labels.includes(label));
}

/** What the explorer writes on a node: an employer's name, an address's postcode and town, a
 * claim's type and start, otherwise the id. */
function readableLabel(type: NodeLabel, id: string, props: Record<string, unknown>): string {
  if (type === 'Employer') return text(props.name) ?? id;
  if (type === 'Address') {
    const parts = [text(props.postcode), text(props.municipality)].filter(Boolean);
    return parts.length > 0 ? parts.join(' ') : id;
  }
  if (type === 'Claim') {
    const parts = [text(props.type), text(props.start)].filter(Boolean);
    return parts.length > 0 ? parts.join(' ') : id;
  }
  return id;
}

/** A node of the view, or undefined for a node outside the graph model (no whitelisted label). */
export function toGraphNode(row: NodeDetailsRow): GraphNode | undefined {
  const type = nodeLabelOf(row.labels);
  if (!type || row.id === null) return undefined;
  const props: Record<string, unknown> = Object.fromEntries(row.props);
  const attributes: Record<string, Scalar> = {};
  for (const name of displayAttributes[type]) {
    const value = scalar(props[name]);
    if (value !== undefined) attributes[name] = value;
  }
  if (row.hub) attributes.hub = true;
  const band = BandSchema.safeParse(row.band);
  return {
    key: nodeKey(type, row.id),
    type,
    id: row.id,
    label: readableLabel(type, row.id, props),
    score: row.score,
    band: band.success ? band.data : null,
    attributes,
  };
}

export function edgeKey(source: string, type: string, target: string, disc: string | null) {
  return `${source}-${type}->${target}${disc ? `#${disc}` : ''}`;
}

/** Collects a view: nodes by key (first one wins), edges between nodes of the view. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly keys = new Map<string, string>();
  private readonly details = new Map<string, NodeDetailsRow>();
  private readonly edges = new Map<string, GraphEdge>();

  get size(): number {
    return this.nodes.size;
  }

  /** Adds a node from its details row; returns its key (undefined if it is outside the model). */
  addNode(row: NodeDetailsRow): string | undefined {
    const known = this.keys.get(row.element);
    if (known) return known;
    const node = toGraphNode(row);
    if (!node) return undefined;
    this.nodes.set(node.key, node);
    this.keys.set(row.element, node.key);
    this.details.set(row.element, row);
    return node.key;
  }

  keyOf(element: string): string | undefined {
    return this.keys.get(element);
  }

  hasElement(element: string): boolean {
    return this.keys.has(element);
  }

  node(key: string): GraphNode | undefined {
    return this.nodes.get(key);
  }

  detailsOf(element: string): NodeDetailsRow | undefined {
    return this.details.get(element);
  }

  /** Adds an edge when both its ends are in the view; returns whether it is in the view. */
  addEdge(row: EdgeRow): boolean {
    const source = this.keys.get(row.start);
    const target = this.keys.get(row.end);
    if (!source || !target) return false;
    const key = edgeKey(source, row.type, target, row.disc);
    if (!this.edges.has(key)) {
      this.edges.set(key, {
        key,
        source,
        target,
        type: row.type,
        start: row.from,
        end: row.to,
        attributes: Object.fromEntries(
          Object.entries(row.attributes).filter(([, v]) => v !== null && v !== undefined),
        ),
      });
    }
    return true;
  }

  /** For every node of the view: its edges in the view and the distinct neighbours they reach. */
  incidence(): Map<string, { edges: number; neighbours: number }> {
    const sets = new Map<string, { edges: number; others: Set<string> }>();
    const at = (key: string) => {
      let entry = sets.get(key);
      if (!entry) sets.set(key, (entry = { edges: 0, others: new Set() }));
      return entry;
    };
    for (const edge of this.edges.values()) {
      const s = at(edge.source);
      s.edges++;
      s.others.add(edge.target);
      const t = at(edge.target);
      t.edges++;
      t.others.add(edge.source);
    }
    return new Map(
      [...sets].map(([key, { edges, others }]) => [key, { edges, neighbours: others.size }]),
    );
  }

  setCollapsed(key: string, collapsed: GraphNode['collapsed']): void {
    const node = this.nodes.get(key);
    if (node && collapsed) node.collapsed = collapsed;
  }

  view(notes: string[], truncated: boolean): GraphView {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], notes, truncated };
  }
}
