// The network bench page (built by bench/web-network.ts, never shipped in the app): a generated
// community fed to the explorer's real drawing component (NetworkCanvas with its placement,
// reducers, border program and ForceAtlas2 worker), or, as the peer, the same graph drawn by
// plain sigma with default settings and no layout. window.bench runs one measurement per page.
import Graph from 'graphology';
import { render } from 'preact';
import Sigma from 'sigma';
import { createGraph, mergeView } from '../src/network/graph-model.js';
import type { GraphView } from '../src/network/graph-types.js';
import { placeView } from '../src/network/layout.js';
import { NetworkCanvas, type CanvasHandle } from '../src/network/network-canvas.js';
import { seededRandom } from '../src/network/random.js';
import { emptyDisplay } from '../src/network/reducers.js';
import { typeColours } from '../src/network/graph-style.js';
import '../src/network/network.css';
import { benchView } from './bench-graph.js';
import type { LoadFigures, PanFigures } from './bench-figures.js';

type Mode = 'component' | 'plain';

const stage = document.getElementById('stage')!;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const idle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let sigma: Sigma | null = null;
let handle: CanvasHandle | null = null;

function viewText(nodes: number, edges: number): string {
  return JSON.stringify(benchView(nodes, edges));
}

async function mountComponent(view: GraphView, autoLayout: boolean): Promise<CanvasHandle> {
  const graph = createGraph();
  mergeView(graph, view, {
    place: placeView(graph, view, { starts: [view.nodes[0]!.key] }),
    maxNodes: Infinity,
  });
  return new Promise((resolve) => {
    render(
      <NetworkCanvas
        graph={graph}
        display={emptyDisplay}
        revision={0}
        label="bench"
        autoLayout={autoLayout}
        onReady={(h) => {
          if (h) resolve(h);
        }}
      />,
      stage,
    );
  });
}

function mountPlain(view: GraphView): Sigma {
  const graph = new Graph({ multi: true, type: 'directed' });
  const random = seededRandom(3);
  for (const n of view.nodes) {
    graph.addNode(n.key, {
      x: random(),
      y: random(),
      size: 3,
      color: typeColours[n.type],
      label: n.label,
    });
  }
  for (const e of view.edges) graph.addDirectedEdgeWithKey(e.key, e.source, e.target);
  return new Sigma(graph, stage);
}

/** Loads a generated community of this size; the component lays it out in its worker. */
async function load(mode: Mode, nodes: number, edges: number): Promise<LoadFigures> {
  const text = viewText(nodes, edges);
  await frame();
  const t0 = performance.now();
  const view = JSON.parse(text) as GraphView;
  let merged: number;
  let laidOut: Promise<number> | null = null;
  if (mode === 'component') {
    handle = await mountComponent(view, true);
    sigma = handle.sigma as unknown as Sigma;
    merged = performance.now() - t0;
    const layout = handle.layout;
    laidOut = new Promise((resolve) => {
      const stop = layout.onChange((running) => {
        if (!running) {
          stop();
          resolve(performance.now() - t0);
        }
      });
    });
  } else {
    sigma = mountPlain(view);
    merged = performance.now() - t0;
  }
  await frame();
  await frame();
  const firstFrame = performance.now() - t0;
  await idle();
  const interactive = performance.now() - t0;
  // Frame gaps while the layout runs (or for a second without one).
  let longest = 0;
  let last = performance.now();
  let done = false;
  const until = laidOut ?? new Promise<number>((resolve) => setTimeout(() => resolve(0), 1000));
  void until.then(() => (done = true));
  while (!done) {
    const now = await frame();
    longest = Math.max(longest, now - last);
    last = now;
  }
  const graph = sigma.getGraph();
  return {
    merged,
    firstFrame,
    interactive,
    laidOut: laidOut ? await laidOut : null,
    iterations: mode === 'component' ? (handle?.layout.iterations ?? null) : null,
    layoutTimings:
      mode === 'component' && handle
        ? Object.fromEntries(
            Object.entries(handle.layout.timings).map(([k, v]) => [k, Math.round(v - t0)]),
          )
        : null,
    longestFrameGapMs: longest,
    order: graph.order,
    size: graph.size,
  };
}

/** Draws a graph of this size without layout, then pans and zooms the camera for `seconds`. */
async function pan(
  mode: Mode,
  nodes: number,
  edges: number,
  seconds: number,
  fullFramesOnly = false,
): Promise<PanFigures> {
  const view = JSON.parse(viewText(nodes, edges)) as GraphView;
  if (mode === 'component') {
    handle = await mountComponent(view, false);
    sigma = handle.sigma as unknown as Sigma;
    if (fullFramesOnly) handle.sigma.setMoveMode('never');
  } else {
    sigma = mountPlain(view);
  }
  for (let i = 0; i < 10; i++) await frame();
  const camera = sigma.getCamera();
  const stamps: number[] = [];
  let moving = true;
  const record = (t: number) => {
    stamps.push(t);
    if (moving) requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
  const moves = [
    { x: 0.3, y: 0.3, ratio: 0.4 },
    { x: 0.7, y: 0.4, ratio: 0.4 },
    { x: 0.6, y: 0.7, ratio: 0.15 },
    { x: 0.5, y: 0.5, ratio: 1 },
    { x: 0.4, y: 0.6, ratio: 0.6 },
    { x: 0.5, y: 0.5, ratio: 1.4 },
  ];
  const renderer = mode === 'component' ? handle?.sigma : undefined;
  const before = renderer?.moveStats();
  const started = performance.now();
  for (let i = 0; performance.now() - started < seconds * 1000; i++) {
    await camera.animate(moves[i % moves.length]!, { duration: 500 });
  }
  moving = false;
  const lastMove = performance.now();
  let restToFullMs: number | null = null;
  const stats = renderer?.moveStats();
  if (renderer && stats && !fullFramesOnly) {
    // The full frame drawn once the camera rests, until it is on screen.
    while (renderer.moveStats().drawn === stats.drawn) await frame();
    await frame();
    restToFullMs = performance.now() - lastMove;
  }
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
  gaps.sort((a, b) => a - b);
  const span = (stamps.at(-1)! - stamps[0]!) / 1000;
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]!;
  return {
    frames: gaps.length,
    seconds: span,
    fps: gaps.length / span,
    medianFrameMs: at(0.5),
    p95FrameMs: at(0.95),
    worstFrameMs: gaps.at(-1)!,
    movedFrames: stats && before ? stats.moved - before.moved : null,
    fullFrames: stats && before ? stats.drawn - before.drawn : null,
    restToFullMs,
  };
}

/** Which WebGL renderer the browser gave (software in headless Chromium without a GPU). */
function renderer(): string {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'none';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/** ms for sigma to refresh and draw what is mounted (to two frames later), with settings. */
async function refreshMs(settings: Record<string, unknown> = {}): Promise<number> {
  if (!sigma) return NaN;
  sigma.setSettings(settings);
  await frame();
  const t = performance.now();
  sigma.refresh();
  await frame();
  await frame();
  return performance.now() - t;
}

(window as unknown as { bench: unknown }).bench = {
  load,
  pan,
  renderer,
  refreshMs,
  sigma: () => sigma,
};
