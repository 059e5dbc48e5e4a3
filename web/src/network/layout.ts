// Layout: new nodes are placed at once (scattered around the centre, or around the node they
// were expanded from) so the graph is drawn immediately; ForceAtlas2 then runs in a web worker
// for a bounded time and stops by itself. The main thread only receives positions.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { ExplorerGraph } from './graph-model.js';
import type { GraphNode, GraphView } from './graph-types.js';
import { scatter, seededRandom } from './random.js';

/** How long ForceAtlas2 runs before it stops by itself: longer for bigger graphs, bounded. */
export function layoutMillis(order: number): number {
  if (order <= 1) return 0;
  return Math.round(Math.min(2500, 1500 + 0.2 * order));
}

export function layoutSettings(order: number) {
  return {
    ...inferSettings(order),
    barnesHutOptimize: order > 400,
    adjustSizes: false,
    slowDown: order > 2000 ? 2 : 1 + Math.log10(Math.max(order, 1)),
  };
}

/** ForceAtlas2 in a worker, with start/stop, auto-stopping after a time; restarts on new data. */
export class LayoutRunner {
  private layout: FA2Layout | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<(running: boolean) => void>();

  constructor(private readonly graph: ExplorerGraph) {}

  get running(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  onChange(listener: (running: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs for `millis` (by default by the graph's size), then stops. */
  start(millis = layoutMillis(this.graph.order)): void {
    if (this.graph.order < 2) return;
    this.layout?.kill();
    this.layout = new FA2Layout(this.graph, { settings: layoutSettings(this.graph.order) });
    this.layout.start();
    this.schedule(millis);
    this.emit();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.layout?.kill();
    this.layout = null;
    this.emit();
  }

  kill(): void {
    this.stop();
    this.listeners.clear();
  }

  private schedule(millis: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.stop(), millis);
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
