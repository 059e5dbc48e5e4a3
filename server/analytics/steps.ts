// Long in-process algorithms (Louvain, PageRank, exposure) are written as generators that yield
// every so many steps, so that one body of code can either run straight through (`runThrough`:
// tests, benchmarks) or hand the event loop back now and then (`runAlongside`: an analysis run,
// whose progress line goes on meanwhile, with the pages the query-feature thread reports). A
// yield costs nothing when running straight through; alongside, the event loop gets in every
// `sliceMs` or so; a turn costs some µs. (The query features' pages themselves are sent by a
// worker thread, query-features-thread.ts: a typed-array graph build or a sort of millions of
// keys holds the event loop for seconds, and no page went out meanwhile.)
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
