// How a node and an edge look before any highlighting: fill by entity type, a ring in the band's
// colour, the band's shape in front of the label (so the band reads without colour), size by
// score. Highlighting (hover, selection, paths, the time slider) is the reducers' job
// (reducers.ts); these values are set once when a node enters the graph.
import { bandColours, bandShapes, type Band } from '../ui/band.js';
import type { GraphNode, NodeType } from './graph-types.js';

export const typeColours: Record<NodeType, string> = {
  Employer: '#6a51a3',
  Person: '#2f8f89',
  Staff: '#a67c1e',
  Address: '#8d6e63',
  Account: '#5f7584',
  Contact: '#7d8b2e',
  Claim: '#b2568f',
  Inspection: '#37474f',
  Case: '#283593',
  Community: '#9aa3ad',
};

export const typeNames: Record<NodeType, string> = {
  Employer: 'Employer',
  Person: 'Person',
  Staff: 'Official',
  Address: 'Address',
  Account: 'Account',
  Contact: 'Contact',
  Claim: 'Claim',
  Inspection: 'Inspection',
  Case: 'Case',
  Community: 'Community',
};

/** The ring of a node without a score. */
export const unscoredRing = '#d3d9e0';
export const dimmedColour = '#e3e7ec';
export const dimmedEdge = '#eef0f3';
export const baseEdgeColour = '#b9c1cc';
export const pathColour = '#1d2430';
export const hoverEdgeColour = '#5b6472';

export function ringColour(band: Band | null): string {
  return band ? bandColours[band] : unscoredRing;
}

/** Scored entities grow with their score (0–1); a collapsed hub with the neighbours behind it. */
export function nodeSize(node: Pick<GraphNode, 'score' | 'collapsed'>): number {
  const base = node.score === null ? 4 : 5 + 10 * Math.max(0, Math.min(1, node.score));
  if (!node.collapsed) return base;
  return Math.max(base, Math.min(14, 5 + 2 * Math.log10(1 + node.collapsed.count)));
}

/** The label drawn on the canvas: the band's shape first, a collapsed hub's hidden count after. */
export function displayLabel(node: Pick<GraphNode, 'label' | 'band' | 'collapsed'>): string {
  const shape = node.band ? `${bandShapes[node.band]} ` : '';
  const more = node.collapsed ? ` (+${node.collapsed.count.toLocaleString('en')})` : '';
  return `${shape}${node.label}${more}`;
}
