// The explorer's graph: a graphology multigraph whose node and edge attributes carry the view's
// data (entity type, score, band, dates …) and the base look (graph-style.ts). Views merge into
// it: a node already there keeps its place and takes the newer data (a hub's remaining count),
// an edge already there is left alone. Nothing here styles for hover or selection.
import Graph from 'graphology';
import { displayLabel, nodeSize, ringColour, typeColours } from './graph-style.js';
import type { GraphEdge, GraphNode, GraphView, NodeType, Scalar } from './graph-types.js';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  borderColor: string;
  label: string;
  /** The entity type (sigma reserves `type` for the drawing program). */
  nodeType: NodeType;
  entityId: string;
  name: string;
  score: number | null;
  band: GraphNode['band'];
  collapsed: GraphNode['collapsed'] | null;
  data: Record<string, Scalar>;
}

export interface EdgeAttributes {
  relType: string;
  start: string | null;
  end: string | null;
  size: number;
  data: Record<string, Scalar>;
}

export type ExplorerGraph = Graph<NodeAttributes, EdgeAttributes>;

export function createGraph(): ExplorerGraph {
  return new Graph<NodeAttributes, EdgeAttributes>({
    multi: true,
    type: 'directed',
    allowSelfLoops: false,
  });
}

/** The attributes a node of a view carries, at a position. */
export function nodeAttributes(node: GraphNode, at: { x: number; y: number }): NodeAttributes {
  return {
    x: at.x,
    y: at.y,
    size: nodeSize(node),
    color: typeColours[node.type],
    borderColor: ringColour(node.band),
    label: displayLabel(node),
    nodeType: node.type,
    entityId: node.id,
    name: node.label,
    score: node.score,
    band: node.band,
    collapsed: node.collapsed ?? null,
    data: node.attributes,
  };
}

export function edgeAttributes(edge: GraphEdge): EdgeAttributes {
  return { relType: edge.type, start: edge.start, end: edge.end, size: 1, data: edge.attributes };
}

/** Back to the API's shape (for the JSON export and for tests). */
export function toGraphNode(key: string, a: NodeAttributes): GraphNode {
  return {
    key,
    type: a.nodeType,
    id: a.entityId,
    label: a.name,
    score: a.score,
    band: a.band,
    ...(a.collapsed ? { collapsed: a.collapsed } : {}),
    attributes: a.data,
  };
}

export function toGraphEdge(
  key: string,
  source: string,
  target: string,
  a: EdgeAttributes,
): GraphEdge {
  return { key, source, target, type: a.relType, start: a.start, end: a.end, attributes: a.data };
}

export interface Merged {
  /** Keys of the view's nodes and edges now in the graph (new or already there). */
  nodes: string[];
  edges: string[];
  /** Of those, the ones this merge added. */
  addedNodes: string[];
  addedEdges: string[];
  /** Nodes of the view left out at the cap. */
  leftOut: number;
}

export interface MergeOptions {
  /** Where a new node goes: near the node it was expanded from, or scattered. */
  place: (node: GraphNode) => { x: number; y: number };
  /** The most nodes the graph may hold; beyond it the view's highest-scored nodes are kept. */
  maxNodes: number;
}

const byScore = (a: GraphNode, b: GraphNode) => (b.score ?? -1) - (a.score ?? -1);

/**
 * A node met again keeps the smaller count of neighbours not shown: a view that has the node at
 * its edge counts (from the degree store) neighbours the graph may already hold, while a hub's
 * next page or a view that expanded it counts what is left. None left: not collapsed.
 */
function fewerBehind(
  before: NodeAttributes['collapsed'],
  now: NodeAttributes['collapsed'],
): GraphNode['collapsed'] {
  if (!before || !now) return undefined;
  return now.count <= before.count ? now : before;
}

export function mergeView(graph: ExplorerGraph, view: GraphView, options: MergeOptions): Merged {
  const merged: Merged = { nodes: [], edges: [], addedNodes: [], addedEdges: [], leftOut: 0 };
  const fresh = view.nodes.filter((n) => !graph.hasNode(n.key));
  let room = Math.max(0, options.maxNodes - graph.order);
  const admitted = new Set(
    (fresh.length > room ? [...fresh].sort(byScore).slice(0, room) : fresh).map((n) => n.key),
  );
  merged.leftOut = fresh.length - admitted.size;
  for (const node of view.nodes) {
    if (graph.hasNode(node.key)) {
      const before = graph.getNodeAttributes(node.key);
      const collapsed = fewerBehind(before.collapsed, node.collapsed ?? null);
      graph.mergeNodeAttributes(node.key, nodeAttributes({ ...node, collapsed }, before));
      merged.nodes.push(node.key);
    } else if (admitted.has(node.key) && room > 0) {
      graph.addNode(node.key, nodeAttributes(node, options.place(node)));
      room--;
      merged.nodes.push(node.key);
      merged.addedNodes.push(node.key);
    }
  }
  for (const edge of view.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    if (edge.source === edge.target) continue;
    if (!graph.hasEdge(edge.key)) {
      graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edgeAttributes(edge));
      merged.addedEdges.push(edge.key);
    }
    merged.edges.push(edge.key);
  }
  return merged;
}
