// The body of a staging thread (parallel-staging.ts): stages one contract file at a time as it
// is told — validation, reference checks against the ids other threads shared, the node numbers
// of the file's range, the staged CSV files — and posts progress, rejects and the outcome.
import { parentPort } from 'node:worker_threads';
import { crossingError } from '../../server/threads/crossing-error.js';
import { loadFile } from '../load-file.js';
import { NodeNumbers } from '../node-numbers.js';
import type { Reject } from '../rejects.js';
import { BulkSink } from './bulk-sink.js';
import type { StageTask, WorkerMessage } from './parallel-staging.js';

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
/** A progress message at most this often: the main thread draws the bars. */
const PROGRESS_MS = 250;

port.on('message', (task: StageTask) => {
  void stage(task);
});
post({ type: 'ready' });

async function stage(task: StageTask): Promise<void> {
  try {
    const ids = new NodeNumbers();
    for (const [label, shared] of task.shared) ids.adopt(label, shared);
    // Room for as many ids as the file has lines, rather than growing to it.
    if (task.numbers) ids.startAt(task.numbers.label, task.numbers.first, task.numbers.capacity);
    const sink = new BulkSink(task.dir, ids);
    const rejects = {
      write: (list: Reject[]) => {
        if (list.length > 0) post({ type: 'rejects', list });
        return Promise.resolve();
      },
    };
    let last = 0;
    const result = await loadFile(task.plan, sink, rejects, {
      batchSize: task.batchSize,
      concurrency: 2,
      onProgress: (bytes, rows) => {
        const now = performance.now();
        if (now - last < PROGRESS_MS) return;
        last = now;
        post({ type: 'progress', bytes, rows });
      },
    });
    const tables = (await sink.finish()).map(({ table, ...staged }) => ({
      ...staged,
      name: table.name,
    }));
    const share = task.share;
    post({ type: 'done', result, tables, shared: share ? ids.share(share) : undefined });
  } catch (error) {
    post({ type: 'failed', error: crossingError(error) });
  }
}
