// ForceAtlas2 in a web worker that iterates on its own: graphology's iteration function over
// the library's node and edge matrices, run in slices of about 30 ms, each followed by the
// positions posted to the page, until the time allowed is up or the page says stop.
//
// Why not the library's own worker: it runs one iteration per round trip and waits for the
// page to take the positions before the next one, so a page busy drawing (software WebGL: a
// frame of a 5 000-node graph takes hundreds of ms) starves it — 5 iterations in 2.5 s here.
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

/** The library's node matrix holds ten floats per node, x and y first. */
const PER_NODE = 10;
const SLICE_MS = 30;

export interface LayoutRun {
  type: 'run';
  run: number;
  nodes: ArrayBuffer;
  edges: ArrayBuffer;
  settings: Required<ForceAtlas2Settings>;
  millis: number;
  /** Enough iterations for a small graph to settle: it stops then, before its time is up. */
  maxIterations: number;
}

export interface LayoutStop {
  type: 'stop';
}

export interface LayoutPositions {
  run: number;
  /** x, y per node, in the order of the matrices. */
  xy: Float32Array;
  iterations: number;
  done: boolean;
  /** When the worker began this run (epoch ms: the page's clock and the worker's differ). */
  began: number;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<LayoutRun | LayoutStop>) => void) | null;
  postMessage(message: LayoutPositions, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let current = 0;

scope.onmessage = ({ data }) => {
  if (data.type === 'stop') current = 0;
  else start(data);
};

function start(message: LayoutRun): void {
  const run = message.run;
  current = run;
  const nodes = new Float32Array(message.nodes);
  const edges = new Float32Array(message.edges);
  const order = nodes.length / PER_NODE;
  const began = performance.timeOrigin + performance.now();
  const until = performance.now() + message.millis;
  let iterations = 0;
  const slice = () => {
    if (current !== run) return;
    const end = Math.min(performance.now() + SLICE_MS, until);
    do {
      iterate(message.settings, nodes, edges);
      iterations++;
    } while (performance.now() < end && iterations < message.maxIterations);
    const xy = new Float32Array(order * 2);
    for (let i = 0; i < order; i++) {
      xy[2 * i] = nodes[i * PER_NODE]!;
      xy[2 * i + 1] = nodes[i * PER_NODE + 1]!;
    }
    const done = performance.now() >= until || iterations >= message.maxIterations;
    scope.postMessage({ run, xy, iterations, done, began }, [xy.buffer]);
    if (done) current = 0;
    // A task boundary: a stop or a new run gets in between slices.
    else setTimeout(slice, 0);
  };
  slice();
}
