// The drawing surface: sigma (WebGL) over an explorer graph, with hover and the page's display
// (selection, highlighted path, hidden nodes, the time slider's date) applied by reducers, a
// lasso overlay, keyboard camera controls, and a handle for the page's buttons (fit, zoom,
// layout, PNG). The graph's counts are on data attributes, so tests read state, not pixels.
import { downloadAsPNG } from '@sigma/export-image';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type Sigma from 'sigma';
import type { ExplorerGraph } from './graph-model.js';
import { lassoed, type Point } from './lasso.js';
import { ExplorerRenderer } from './explorer-renderer.js';
import { LayoutRunner } from './layout.js';
import {
  hoverOf,
  styleEdge,
  styleNode,
  visibleEdges,
  visibleNodes,
  type Display,
  type Hover,
} from './reducers.js';
import { baseSettings, sizeSettings } from './sigma-settings.js';

export type ExplorerSigma = ExplorerRenderer;

export interface CanvasHandle {
  sigma: ExplorerSigma;
  layout: LayoutRunner;
  fit: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** Moves the camera to a node. */
  focus: (key: string) => void;
  exportPng: (fileName: string) => Promise<void>;
  /** Where a node is drawn, in page pixels (for the lasso and for tests). */
  pagePosition: (key: string) => Point | null;
}

export interface NetworkCanvasProps {
  graph: ExplorerGraph;
  display: Display;
  /** Changes whenever the graph's data changed (so counts and settings follow). */
  revision: number;
  label: string;
  lasso?: boolean;
  onLasso?: (keys: string[], additive: boolean) => void;
  onNodeClick?: (key: string, additive: boolean) => void;
  onNodeDoubleClick?: (key: string) => void;
  onStageClick?: () => void;
  onReady?: (handle: CanvasHandle | null) => void;
  /** Whether the layout runs by itself when the canvas opens (default true). */
  autoLayout?: boolean;
}

interface TestWindow {
  __ringwatchTest?: boolean;
  __ringwatchNetwork?: CanvasHandle & { display: () => Display };
}

export function NetworkCanvas(props: NetworkCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const handle = useRef<CanvasHandle | null>(null);
  const display = useRef(props.display);
  const hover = useRef<Hover | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { graph } = props;
    // The layout starts first: its worker iterates while sigma builds its first frame.
    let sigma: ExplorerSigma | null = null;
    const layout = new LayoutRunner(graph, () => sigma?.moveStats().frameMs ?? null);
    const stopListening = layout.onChange(setLayoutRunning);
    if (callbacks.current.autoLayout !== false) layout.start();
    try {
      sigma = new ExplorerRenderer(graph, element, {
        ...baseSettings(graph.order),
        nodeReducer: (key, data) => styleNode(key, data, display.current, hover.current),
        edgeReducer: (key, data) =>
          styleEdge(key, data, ends(graph, key), display.current, hover.current),
      });
    } catch (error) {
      stopListening();
      layout.kill();
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    const renderer = sigma;
    const camera = renderer.getCamera();
    const h: CanvasHandle = {
      sigma: renderer,
      layout,
      fit: () => void camera.animatedReset({ duration: 300 }),
      zoomIn: () => void camera.animatedZoom({ duration: 200 }),
      zoomOut: () => void camera.animatedUnzoom({ duration: 200 }),
      focus: (key) => {
        const at = renderer.getNodeDisplayData(key);
        if (at)
          void camera.animate(
            { x: at.x, y: at.y, ratio: Math.min(camera.ratio, 0.6) },
            { duration: 400 },
          );
      },
      exportPng: (fileName) =>
        downloadAsPNG(renderer as unknown as Sigma, { fileName, backgroundColor: '#ffffff' }),
      pagePosition: (key) => {
        if (!graph.hasNode(key)) return null;
        const a = graph.getNodeAttributes(key);
        const p = renderer.graphToViewport({ x: a.x, y: a.y });
        const box = element.getBoundingClientRect();
        return { x: p.x + box.left, y: p.y + box.top };
      },
    };
    handle.current = h;

    renderer.on('enterNode', ({ node }) => {
      hover.current = hoverOf(graph, node);
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveNode', () => {
      hover.current = null;
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('clickNode', ({ node, event }) => {
      const original = event.original;
      callbacks.current.onNodeClick?.(
        node,
        original.shiftKey || original.ctrlKey || original.metaKey,
      );
    });
    renderer.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      callbacks.current.onNodeDoubleClick?.(node);
    });
    renderer.on('clickStage', () => callbacks.current.onStageClick?.());
    // A node that leaves the graph (collapse, a new view) takes the hover with it.
    const dropped = (payload: { key: string }) => {
      if (hover.current?.node === payload.key) hover.current = null;
    };
    graph.on('nodeDropped', dropped);

    const test = window as unknown as TestWindow;
    if (test.__ringwatchTest) test.__ringwatchNetwork = { ...h, display: () => display.current };
    callbacks.current.onReady?.(h);

    return () => {
      graph.off('nodeDropped', dropped);
      stopListening();
      layout.kill();
      callbacks.current.onReady?.(null);
      if (test.__ringwatchNetwork?.sigma === renderer) delete test.__ringwatchNetwork;
      handle.current = null;
      renderer.kill();
    };
  }, [props.graph]);

  // The page's display: a refresh re-runs the reducers (hidden nodes need the index too). Before
  // the browser paints, so what the page shows and what the canvas draws never disagree.
  useLayoutEffect(() => {
    const before = display.current;
    display.current = props.display;
    const sigma = handle.current?.sigma;
    if (!sigma) return;
    const reindex = before.hidden !== props.display.hidden || before.asOf !== props.display.asOf;
    sigma.refresh({ skipIndexation: !reindex });
  }, [props.display]);

  useEffect(() => {
    handle.current?.sigma.setSettings(sizeSettings(props.graph.order));
  }, [props.revision]);

  useLasso(overlay, props.lasso === true, handle, props.graph, display, (keys, additive) =>
    callbacks.current.onLasso?.(keys, additive),
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const h = handle.current;
    if (!h) return;
    const camera = h.sigma.getCamera();
    const step = 0.1 * camera.ratio;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    if (move) {
      camera.setState({ x: camera.x + move[0], y: camera.y + move[1] });
    } else if (event.key === '+' || event.key === '=') h.zoomIn();
    else if (event.key === '-') h.zoomOut();
    else if (event.key === '0') h.fit();
    else return;
    event.preventDefault();
  };

  const { graph, display: shown } = props;
  const edgesShown = handle.current ? visibleEdges(graph, shown).length : graph.size;
  const nodesShown = visibleNodes(graph, shown).length;
  return (
    <div class="network-canvas-wrap">
      <div
        ref={container}
        class={`network-canvas${props.lasso ? ' lasso' : ''}`}
        role="img"
        tabIndex={0}
        aria-label={`${props.label}: ${nodesShown} nodes and ${edgesShown} relations drawn. Arrow keys pan, + and - zoom, 0 fits the view.`}
        onKeyDown={onKeyDown}
        data-testid="network-canvas"
        data-order={graph.order}
        data-size={graph.size}
        data-visible-nodes={nodesShown}
        data-hidden={graph.order - nodesShown}
        data-visible-edges={edgesShown}
        data-selected={shown.selected.size}
        data-highlighted-nodes={shown.highlightNodes.size}
        data-highlighted-edges={shown.highlightEdges.size}
        data-layout={layoutRunning ? 'running' : 'stopped'}
      />
      <canvas ref={overlay} class="network-lasso" hidden={!props.lasso} aria-hidden="true" />
      {failure && (
        <p class="error" role="alert">
          The network cannot be drawn in this browser (WebGL): {failure}
        </p>
      )}
    </div>
  );
}

function ends(graph: ExplorerGraph, key: string) {
  return { source: graph.source(key), target: graph.target(key) };
}

/** Drawing a lasso on the overlay; on release, the nodes inside it. Shift adds to the selection. */
function useLasso(
  overlay: { current: HTMLCanvasElement | null },
  active: boolean,
  handle: { current: CanvasHandle | null },
  graph: ExplorerGraph,
  display: { current: Display },
  done: (keys: string[], additive: boolean) => void,
) {
  // Listening before the overlay is painted: a press right after the lasso button is not lost.
  useLayoutEffect(() => {
    const canvas = overlay.current;
    if (!canvas || !active) return;
    const box = canvas.getBoundingClientRect();
    canvas.width = box.width;
    canvas.height = box.height;
    const context = canvas.getContext('2d');
    let points: Point[] = [];
    let drawing = false;
    const at = (event: PointerEvent): Point => {
      const b = canvas.getBoundingClientRect();
      return { x: event.clientX - b.left, y: event.clientY - b.top };
    };
    const draw = () => {
      if (!context) return;
      context.clearRect(0, 0, canvas.width, canvas.height);
      if (points.length < 2) return;
      context.beginPath();
      context.moveTo(points[0]!.x, points[0]!.y);
      for (const p of points.slice(1)) context.lineTo(p.x, p.y);
      context.closePath();
      context.fillStyle = 'rgba(43, 76, 126, 0.08)';
      context.strokeStyle = '#2b4c7e';
      context.setLineDash([5, 4]);
      context.lineWidth = 1.5;
      context.fill();
      context.stroke();
    };
    const down = (event: PointerEvent) => {
      drawing = true;
      points = [at(event)];
      canvas.setPointerCapture(event.pointerId);
    };
    const move = (event: PointerEvent) => {
      if (!drawing) return;
      points.push(at(event));
      draw();
    };
    const up = (event: PointerEvent) => {
      if (!drawing) return;
      drawing = false;
      const sigma = handle.current?.sigma;
      if (sigma) {
        // The overlay and sigma's container share their top-left corner.
        const positions: [string, Point][] = [];
        graph.forEachNode((key, a) => {
          if (display.current.hidden.has(key)) return;
          const p = sigma.graphToViewport({ x: a.x, y: a.y });
          positions.push([key, { x: p.x, y: p.y }]);
        });
        done(lassoed(points, positions), event.shiftKey);
      }
      points = [];
      draw();
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      context?.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, [active, graph]);
}
