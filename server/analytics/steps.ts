// Long in-process algorithms (Louvain, PageRank, exposure) are written as generators that yield
// every so many steps, so that one body of code can either run straight through (`runThrough`:
// tests, benchmarks) or hand the event loop back now and then (`runAlongside`: an analysis run,
// whose query features go on inside Neo4j meanwhile and need their replies read and their next
// pages sent). A yield costs nothing when running straight through; alongside, the event loop
// gets in every `sliceMs` or so: each round trip of the work alongside (a page's reply read, the
// next page sent) waits for one such turn, so the slices are short; a turn costs some µs.
export type Steps<T> = Generator<void, T, void>;

export function runThrough<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runAlongside<T>(steps: Steps<T>, sliceMs = 2): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since < sliceMs) continue;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  }
}

/** Yield every this many inner steps (a node visited, an edge walked): a power of two minus one. */
export const yieldMask = 0xffff;
