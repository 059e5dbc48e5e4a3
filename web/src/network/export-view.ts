// Export of the visible graph (what the user sees: hidden nodes and relations inactive at the
// slider's date left out) as JSON in the API's GraphView shape and as GEXF for Gephi. The PNG
// export draws the canvas itself (@sigma/export-image, in the canvas).
import write from 'graphology-gexf/browser/writer';
import { createGraph, toGraphEdge, toGraphNode, type ExplorerGraph } from './graph-model.js';
import type { GraphView } from './graph-types.js';
import { visibleEdges, visibleNodes, type Display } from './reducers.js';

export function visibleView(graph: ExplorerGraph, display: Display, notes: string[]): GraphView {
  return {
    nodes: visibleNodes(graph, display).map((key) =>
      toGraphNode(key, graph.getNodeAttributes(key)),
    ),
    edges: visibleEdges(graph, display).map((key) =>
      toGraphEdge(key, graph.source(key), graph.target(key), graph.getEdgeAttributes(key)),
    ),
    notes: display.asOf ? [...notes, `relations active on ${display.asOf}`] : notes,
    truncated: false,
  };
}

/** The visible graph as GEXF 1.2: positions, colours and sizes as viz attributes, data flat. */
export function visibleGexf(graph: ExplorerGraph, display: Display): string {
  const copy = createGraph();
  const edges = new Set(visibleEdges(graph, display));
  for (const key of visibleNodes(graph, display)) copy.addNode(key, graph.getNodeAttributes(key));
  graph.forEachEdge((key, attributes, source, target) => {
    if (edges.has(key)) copy.addDirectedEdgeWithKey(key, source, target, attributes);
  });
  return write(copy, {
    formatNode: (key, a) => ({
      label: a.name,
      viz: { x: a.x, y: a.y, size: a.size, color: a.color },
      attributes: {
        key,
        type: a.nodeType,
        id: a.entityId,
        score: a.score ?? '',
        band: a.band ?? '',
        hiddenNeighbours: a.collapsed?.count ?? 0,
        ...flat(a.data),
      },
    }),
    formatEdge: (key, a) => ({
      label: a.relType,
      attributes: { key, type: a.relType, start: a.start ?? '', end: a.end ?? '', ...flat(a.data) },
    }),
  });
}

function flat(data: Record<string, string | number | boolean | null>) {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(data)) if (value !== null) out[name] = value;
  return out;
}

/** Offers text as a file download. */
export function download(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
