// Hub collapse for the neighbourhood views. A node of the view that analytics flagged a hub
// (f_hub, server/analytics/features/hub.ts) or that has more neighbours over one relationship
// type than the per-type cap is marked `collapsed` with the number of its neighbours the view
// does not show, when there are any.
//
// - For a node the view expanded (a start node, a node traversed at depth 2, an expanded hub)
//   the count is exact: its distinct neighbours over the allowed types, active on the as-of
//   date, less those shown.
// - For a node at the edge of the view, which the view did not expand, and for a start node too
//   big to rank (sampled), reading every neighbour of a hub would cost the view its speed; the
//   count comes from the degree store instead: its relationships of the allowed types, whatever
//   their dates, less those shown. (For a viewer who may not see staff, the officials among a
//   community's members or an inspection's subjects are in that count, not in the view.)
import type { NodeDetailsRow } from '../db/network-queries.js';
import type { GraphBuilder } from './graph-rows.js';
import type { GraphNode } from './graph-shape.js';

export interface Expansion {
  /** Distinct neighbours over the allowed types. */
  total: number;
  /** Neighbours over each type the node has. */
  perType: number[];
}

export interface CollapseContext {
  cap: number;
  /** The nodes the view expanded, by element id. */
  expanded: ReadonlyMap<string, Expansion>;
  /** Nodes the view sampled instead (too big to rank): counted from the degree store. */
  sampled?: ReadonlySet<string>;
  /** Neighbours not shown, when fixed by the caller (an expanded hub's remaining pages). */
  remaining?: ReadonlyMap<string, number>;
}

export interface CollapsedNode {
  key: string;
  count: number;
  reason: 'hub' | 'cap';
  /** How the view treated the node: expanded (capped), sampled, or left at its edge. */
  role: 'expanded' | 'sampled' | 'edge';
}

/**
 * The node's relationships of the allowed types, by the degree store. Null (not counted) when
 * degrees were not asked for, or for a node that is no hub and has no more relationships in all
 * than min(cap, rank limit) (node-details): 0 decides the same, since such a node is never
 * collapsed and never too big to rank.
 */
export function typeDegree(row: NodeDetailsRow): number {
  return row.degree ?? 0;
}

/** The largest number of relationships the node has over one allowed type (0 as typeDegree). */
export function maxTypeDegree(row: NodeDetailsRow): number {
  return row.maxTypeDegree ?? 0;
}

/** Marks the collapsed nodes of the view; returns them, and whether an expanded node lacks
 * neighbours (cut by the cap). */
export function collapseHubs(
  builder: GraphBuilder,
  elements: Iterable<string>,
  context: CollapseContext,
): { collapsed: CollapsedNode[]; expandedIncomplete: boolean } {
  const incidence = builder.incidence();
  const collapsed: CollapsedNode[] = [];
  let expandedIncomplete = false;
  for (const element of elements) {
    const key = builder.keyOf(element);
    const details = builder.detailsOf(element);
    if (!key || !details) continue;
    const shown = incidence.get(key) ?? { edges: 0, neighbours: 0 };
    const expansion = context.expanded.get(element);
    let count: number;
    let over: boolean;
    if (context.remaining?.has(element)) {
      count = context.remaining.get(element)!;
      over = true;
    } else if (expansion) {
      count = expansion.total - shown.neighbours;
      over = expansion.perType.some((n) => n > context.cap);
    } else {
      count = typeDegree(details) - shown.edges;
      over = maxTypeDegree(details) > context.cap;
    }
    count = Math.max(0, count);
    if (expansion && count > 0) expandedIncomplete = true;
    if (count > 0 && (details.hub || over)) {
      const reason: NonNullable<GraphNode['collapsed']>['reason'] = details.hub ? 'hub' : 'cap';
      builder.setCollapsed(key, { count, reason });
      const role = expansion ? 'expanded' : context.sampled?.has(element) ? 'sampled' : 'edge';
      collapsed.push({ key, count, reason, role });
    }
  }
  return { collapsed, expandedIncomplete };
}

const number = (n: number) => n.toLocaleString('en');

function list(nodes: CollapsedNode[]): string {
  const shown = nodes.slice(0, 5).map((n) => `${n.key} (${number(n.count)} not shown)`);
  return nodes.length > 5
    ? `${shown.join(', ')} and ${number(nodes.length - 5)} more`
    : shown.join(', ');
}

/** Plain-words notes on the collapsed nodes. */
export function collapseNotes(collapsed: CollapsedNode[], cap: number, depth: number): string[] {
  const notes: string[] = [];
  const capped = collapsed.filter((n) => n.role === 'expanded');
  const sampled = collapsed.filter((n) => n.role === 'sampled');
  const edge = collapsed.filter((n) => n.role === 'edge');
  if (capped.length > 0) {
    notes.push(
      `capped at ${number(cap)} neighbours per relationship type (highest risk first): ${list(capped)}; expand a node to page through the rest`,
    );
  }
  if (sampled.length > 0) {
    notes.push(
      `too many neighbours to rank by risk: ${list(sampled)}; up to ${number(cap)} per relationship type shown in no particular order; expand a node to page through all of them, sorted by id`,
    );
  }
  const hubs = edge.filter((n) => n.reason === 'hub');
  const big = edge.filter((n) => n.reason === 'cap');
  if (hubs.length > 0) {
    notes.push(
      `${number(hubs.length)} hub${hubs.length === 1 ? '' : 's'} collapsed${depth > 1 ? ' and not traversed' : ''}: ${list(hubs)}; expand one to page through its neighbours`,
    );
  }
  if (big.length > 0) {
    notes.push(
      `${number(big.length)} node${big.length === 1 ? '' : 's'} with more than ${number(cap)} neighbours over one relationship type collapsed${depth > 1 ? ' and not traversed' : ''}: ${list(big)}; expand one to page through its neighbours`,
    );
  }
  return notes;
}
