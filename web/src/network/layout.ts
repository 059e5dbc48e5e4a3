// Layout: new nodes are placed at once (scattered around the centre, or around the node they
// were expanded from) so the graph is drawn immediately; ForceAtlas2 then runs in a web worker
// (layout-worker.ts) for a bounded time and stops by itself. The worker iterates freely and
// posts positions; the page takes the latest at most once per animation frame, and where
// frames are slow (software WebGL) no more often than every two frames' cost, so the page
// stays free to answer between them.
import { inferSettings } from 'graphology-layout-forceatlas2';
import defaults from 'graphology-layout-forceatlas2/defaults.js';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import type { ExplorerGraph } from './graph-model.js';
import type { GraphNode, GraphView } from './graph-types.js';
import type { LayoutPositions, LayoutRun, LayoutStop } from './layout-worker.js';
import { scatter, seededRandom } from './random.js';

/**
 * How long ForceAtlas2 may run before it stops by itself: longer for bigger graphs, bounded so
 * that a 5 000-node community is drawn and laid out within 3 s (issue #9); "Run layout" goes on.
 * A small graph stops sooner, at LAYOUT_ITERATIONS.
 */
export function layoutMillis(order: number): number {
  if (order <= 1) return 0;
  return Math.round(Math.min(1800, 1000 + 0.16 * order));
}

/** Iterations after which ForceAtlas2 has settled a graph the explorer draws. */
export const LAYOUT_ITERATIONS = 600;

export function layoutSettings(order: number) {
  return {
    ...defaults,
    ...inferSettings(order),
    barnesHutOptimize: order > 400,
    // Gephi's default: a coarser Barnes–Hut approximation, 2–3 times faster per iteration than
    // the library's 0.5 on a 5 000-node graph, so more iterations fit in the time allowed.
    barnesHutTheta: 1.2,
    adjustSizes: false,
    slowDown: order > 2000 ? 2 : 1 + Math.log10(Math.max(order, 1)),
  };
}

/**
 * A layout worker booted ahead: one waits from the moment this code loads, and another is
 * booted each time one is taken. A worker booted on demand would not start iterating until the
 * page is free again — after sigma's first frame, seconds on a software renderer.
 */
let spare: Worker | null = null;
const bootWorker = () =>
  new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
if (typeof Worker !== 'undefined') spare = bootWorker();
function takeWorker(): Worker {
  const worker = spare ?? bootWorker();
  spare = bootWorker();
  return worker;
}

/** Graph changes after which the running layout's matrices no longer fit. */
const structureEvents = [
  'nodeAdded',
  'edgeAdded',
  'nodeDropped',
  'edgeDropped',
  'cleared',
] as const;

/** ForceAtlas2 in a worker, with start/stop, stopping by itself after a time; restarts when
 * nodes or relations come or go while it runs. */
export class LayoutRunner {
  private worker: Worker | null = null;
  private run = 0;
  private runningRun = 0;
  private until = 0;
  /** Nodes in the running layout's matrices (their order is the graph's). */
  private order = 0;
  private latest: LayoutPositions | null = null;
  private frame = 0;
  private paceTimer: ReturnType<typeof setTimeout> | null = null;
  private lastApplied = 0;
  private fallback: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(running: boolean) => void>();
  private restart: ReturnType<typeof setTimeout> | null = null;
  private readonly structureChanged = () => {
    if (!this.running || this.restart !== null) return;
    // Positions of the old structure no longer fit: drop them at once, and start over on the
    // new one once the change is complete (a view merges node by node).
    this.runningRun = ++this.run;
    this.latest = null;
    this.restart = setTimeout(() => {
      this.restart = null;
      if (this.running) this.start(Math.max(500, this.until - performance.now()));
    }, 0);
  };
  /** Iterations of the last run (for the bench and tests). */
  iterations = 0;
  /** When (performance.now()) the last run started, the worker began it, its first and last
   * positions arrived, and its last positions were applied (for the bench). */
  timings = { started: 0, began: 0, first: 0, done: 0, applied: 0 };

  /** `frameMs`: what a frame of the drawing costs now, if known. */
  constructor(
    private readonly graph: ExplorerGraph,
    private readonly frameMs: () => number | null = () => null,
  ) {
    for (const event of structureEvents) graph.on(event as 'nodeAdded', this.structureChanged);
  }

  get running(): boolean {
    return this.runningRun !== 0;
  }

  onChange(listener: (running: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs for `millis` (by default by the graph's size), then stops. */
  start(millis = layoutMillis(this.graph.order)): void {
    if (this.graph.order < 2) return;
    if (this.restart !== null) clearTimeout(this.restart);
    this.restart = null;
    const matrices = graphToByteArrays(this.graph, () => 1);
    this.order = this.graph.order;
    this.run++;
    this.runningRun = this.run;
    this.until = performance.now() + millis;
    this.latest = null;
    this.iterations = 0;
    this.timings = { started: performance.now(), began: 0, first: 0, done: 0, applied: 0 };
    const message: LayoutRun = {
      type: 'run',
      run: this.run,
      nodes: matrices.nodes.buffer as ArrayBuffer,
      edges: matrices.edges.buffer as ArrayBuffer,
      settings: layoutSettings(this.graph.order),
      millis,
      maxIterations: LAYOUT_ITERATIONS,
    };
    this.ensureWorker().postMessage(message, [message.nodes, message.edges]);
    // Should the worker never answer, the layout still ends.
    if (this.fallback !== null) clearTimeout(this.fallback);
    this.fallback = setTimeout(() => this.stop(), millis + 2000);
    this.emit();
  }

  stop(): void {
    const wasRunning = this.running;
    this.runningRun = 0;
    this.latest = null;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.paceTimer !== null) clearTimeout(this.paceTimer);
    this.paceTimer = null;
    if (this.fallback !== null) clearTimeout(this.fallback);
    this.fallback = null;
    if (this.restart !== null) clearTimeout(this.restart);
    this.restart = null;
    this.worker?.postMessage({ type: 'stop' } satisfies LayoutStop);
    if (wasRunning) this.emit();
  }

  kill(): void {
    this.stop();
    for (const event of structureEvents)
      this.graph.off(event as 'nodeAdded', this.structureChanged);
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = takeWorker();
    worker.onmessage = ({ data }: MessageEvent<LayoutPositions>) => this.received(data);
    worker.onerror = () => this.stop();
    this.worker = worker;
    return worker;
  }

  private received(positions: LayoutPositions): void {
    if (positions.run !== this.runningRun) return;
    this.latest = positions;
    this.iterations = positions.iterations;
    this.timings.first ||= performance.now();
    this.timings.began = positions.began - performance.timeOrigin;
    if (positions.done) this.timings.done = performance.now();
    if (this.frame) return;
    // The last positions go on at the next frame; the others no more often than the pace.
    if (this.paceTimer !== null && !positions.done) return;
    if (this.paceTimer !== null) clearTimeout(this.paceTimer);
    this.paceTimer = null;
    const interval = positions.done ? 0 : Math.min(500, 2 * (this.frameMs() ?? 0));
    const wait = this.lastApplied + interval - performance.now();
    const next = () => (this.frame = requestAnimationFrame(() => this.apply()));
    if (wait <= 0) next();
    else
      this.paceTimer = setTimeout(() => {
        this.paceTimer = null;
        next();
      }, wait);
  }

  /** The latest positions onto the graph (one update for all nodes: one redraw). */
  private apply(): void {
    this.frame = 0;
    const positions = this.latest;
    if (!positions || positions.run !== this.runningRun) return;
    this.latest = null;
    const { xy } = positions;
    if (xy.length !== this.order * 2) return;
    let i = 0;
    this.graph.updateEachNodeAttributes(
      (_key, attributes) => {
        attributes.x = xy[2 * i]!;
        attributes.y = xy[2 * i + 1]!;
        i++;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
    this.lastApplied = performance.now();
    if (positions.done) {
      this.timings.applied = this.lastApplied;
      this.stop();
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.running);
  }
}

/**
 * Where a view's new nodes go, so that the first drawing already reads: start nodes (or the
 * node expanded) in the middle, every other node on a ring around the first placed node it is
 * linked to (breadth first), the ring wider for a node with many neighbours; nodes linked to
 * nothing placed are scattered around the centre. ForceAtlas2 then only refines.
 */
export function placeView(
  graph: ExplorerGraph,
  view: GraphView,
  options: { starts?: readonly string[]; seed?: number } = {},
): (node: GraphNode) => { x: number; y: number } {
  const random = seededRandom(options.seed ?? graph.order + view.nodes.length);
  const at = new Map<string, { x: number; y: number }>();
  const known = (key: string) => at.get(key) ?? (graph.hasNode(key) ? position(graph, key) : null);
  const links = new Map<string, string[]>();
  for (const e of view.edges) {
    (links.get(e.source) ?? links.set(e.source, []).get(e.source)!).push(e.target);
    (links.get(e.target) ?? links.set(e.target, []).get(e.target)!).push(e.source);
  }
  const spread = 10 * Math.sqrt(Math.max(view.nodes.length, 1));
  const queue: string[] = [];
  for (const key of options.starts ?? []) {
    if (!known(key)) at.set(key, scatter(random, { x: 0, y: 0 }, spread / 10));
    queue.push(key);
  }
  for (const node of view.nodes) if (graph.hasNode(node.key)) queue.push(node.key);
  const visit = () => {
    while (queue.length > 0) {
      const key = queue.shift()!;
      const centre = known(key)!;
      const next = (links.get(key) ?? []).filter((k) => !known(k));
      const radius = 3 + 2.5 * Math.sqrt(next.length);
      next.forEach((k, i) => {
        const angle = (2 * Math.PI * (i + random())) / next.length;
        const r = radius * (0.75 + 0.5 * random());
        at.set(k, { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) });
        queue.push(k);
      });
    }
  };
  visit();
  for (const node of view.nodes) {
    if (known(node.key)) continue;
    at.set(node.key, scatter(random, { x: 0, y: 0 }, spread));
    queue.push(node.key);
    visit();
  }
  return (node) => at.get(node.key) ?? scatter(random, { x: 0, y: 0 }, spread);
}

function position(graph: ExplorerGraph, key: string) {
  const a = graph.getNodeAttributes(key);
  return { x: a.x, y: a.y };
}
