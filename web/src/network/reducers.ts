// Hover, selection, highlighted paths, hidden nodes and the time slider, as sigma's node and
// edge reducers: each returns a styled copy of a node's or an edge's attributes for drawing and
// never writes to the graph. The canvas keeps a Display and refreshes sigma when it changes.
import { activeAt } from './active-at.js';
import { dimmedColour, dimmedEdge, hoverEdgeColour, pathColour } from './graph-style.js';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './graph-model.js';

export interface Display {
  /** Nodes the user hid. */
  hidden: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  /** A highlighted part (a path): everything else is dimmed. Empty sets: nothing highlighted. */
  highlightNodes: ReadonlySet<string>;
  highlightEdges: ReadonlySet<string>;
  /** Only relations active on this date are drawn; null: all. */
  asOf: string | null;
}

export const emptyDisplay: Display = {
  hidden: new Set(),
  selected: new Set(),
  highlightNodes: new Set(),
  highlightEdges: new Set(),
  asOf: null,
};

/** The node under the pointer and its neighbours. */
export interface Hover {
  node: string;
  neighbours: ReadonlySet<string>;
}

export function hoverOf(graph: ExplorerGraph, node: string | null): Hover | null {
  if (node === null || !graph.hasNode(node)) return null;
  return { node, neighbours: new Set(graph.neighbors(node)) };
}

type Styled<T> = Omit<T, 'label'> & {
  hidden?: boolean;
  highlighted?: boolean;
  forceLabel?: boolean;
  zIndex?: number;
  label?: string | null;
  color?: string;
  /** The drawing program (sigma's `line` is a rectangle, wide enough for a highlight). */
  type?: string;
};

export function styleNode(
  key: string,
  data: NodeAttributes,
  display: Display,
  hover: Hover | null,
): Styled<NodeAttributes> {
  const out: Styled<NodeAttributes> = { ...data };
  if (display.hidden.has(key)) {
    out.hidden = true;
    return out;
  }
  const selected = display.selected.has(key);
  const highlighting = display.highlightNodes.size > 0;
  const inHighlight = display.highlightNodes.has(key);
  const nearHover = hover !== null && (hover.node === key || hover.neighbours.has(key));
  if (selected) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 3;
  }
  if (inHighlight) {
    out.forceLabel = true;
    out.zIndex = Math.max(out.zIndex ?? 0, 2);
  }
  if (hover !== null) {
    if (nearHover) {
      out.zIndex = Math.max(out.zIndex ?? 0, 2);
      if (hover.node === key) out.highlighted = true;
    } else if (!selected) {
      dim(out);
    }
  } else if (highlighting && !inHighlight && !selected) {
    dim(out);
  }
  return out;
}

function dim(out: Styled<NodeAttributes>): void {
  out.color = dimmedColour;
  out.borderColor = dimmedColour;
  out.label = null;
  out.zIndex = 0;
}

export function styleEdge(
  key: string,
  data: EdgeAttributes,
  ends: { source: string; target: string },
  display: Display,
  hover: Hover | null,
): Styled<EdgeAttributes> {
  const out: Styled<EdgeAttributes> = { ...data };
  if (
    display.hidden.has(ends.source) ||
    display.hidden.has(ends.target) ||
    !activeAt(data, display.asOf)
  ) {
    out.hidden = true;
    return out;
  }
  if (hover !== null) {
    if (ends.source === hover.node || ends.target === hover.node) {
      out.color = hoverEdgeColour;
      out.size = 2;
      out.type = 'line';
      out.zIndex = 2;
    } else {
      out.hidden = true;
    }
    return out;
  }
  if (display.highlightEdges.has(key)) {
    out.color = pathColour;
    out.size = 3;
    out.type = 'line';
    out.zIndex = 2;
  } else if (display.highlightNodes.size > 0) {
    out.color = dimmedEdge;
  }
  return out;
}

/** Edges drawn under a display (not hidden by the user's hiding or the time slider). */
export function visibleEdges(graph: ExplorerGraph, display: Display): string[] {
  return graph.filterEdges(
    (_, a, source, target) =>
      !display.hidden.has(source) && !display.hidden.has(target) && activeAt(a, display.asOf),
  );
}

export function visibleNodes(graph: ExplorerGraph, display: Display): string[] {
  return graph.filterNodes((key) => !display.hidden.has(key));
}
