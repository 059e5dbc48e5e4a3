// A network view drawn on its own, for any page: the API's GraphView with some nodes and edges
// highlighted (the internal-fraud page draws an official's linked claims with the linking paths
// highlighted). The network page uses NetworkCanvas directly, since it changes its graph.
import { useMemo } from 'preact/hooks';
import { createGraph, mergeView } from './graph-model.js';
import type { GraphView, NodeType } from './graph-types.js';
import { placeView } from './layout.js';
import { Legend } from './legend.js';
import { NetworkCanvas, type NetworkCanvasProps } from './network-canvas.js';
import { emptyDisplay } from './reducers.js';
import './network.css';

export interface GraphCanvasProps {
  view: GraphView;
  /** Node and edge keys to highlight; the rest is dimmed. */
  highlightNodes?: Iterable<string>;
  highlightEdges?: Iterable<string>;
  selected?: Iterable<string>;
  /** Read by screen readers: what the drawing shows. */
  label: string;
  onNodeClick?: NetworkCanvasProps['onNodeClick'];
  legend?: boolean;
}

export function GraphCanvas(props: GraphCanvasProps) {
  const graph = useMemo(() => {
    const g = createGraph();
    mergeView(g, props.view, { place: placeView(g, props.view), maxNodes: Infinity });
    return g;
  }, [props.view]);
  const display = useMemo(
    () => ({
      ...emptyDisplay,
      highlightNodes: new Set(props.highlightNodes ?? []),
      highlightEdges: new Set(props.highlightEdges ?? []),
      selected: new Set(props.selected ?? []),
    }),
    [props.highlightNodes, props.highlightEdges, props.selected],
  );
  const types = useMemo(() => new Set<NodeType>(props.view.nodes.map((n) => n.type)), [props.view]);
  return (
    <div class="graph-canvas">
      <NetworkCanvas
        graph={graph}
        display={display}
        revision={0}
        label={props.label}
        {...(props.onNodeClick ? { onNodeClick: props.onNodeClick } : {})}
      />
      {props.legend !== false && <Legend types={types} />}
    </div>
  );
}
