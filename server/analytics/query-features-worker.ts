// The body of the query-features thread (query-features-thread.ts): opens its own driver on the
// run's connection, runs the query features of its stage, posts progress as pages complete, and
// stops starting pages when told to abort.
import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../db/database.js';
import { queryFeatures } from './features/index.js';
import { runQueryFeatures } from './query-features.js';
import { crossingError } from '../threads/crossing-error.js';
import type { ThreadInput, ThreadMessage } from './query-features-thread.js';

const port = parentPort!;
const input = workerData as ThreadInput;
const post = (message: ThreadMessage) => port.postMessage(message);
const stop = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'abort') stop.abort();
});

const db = await Database.open(input.connection);
try {
  const summary = await runQueryFeatures(
    db,
    {
      ...input.options,
      signal: stop.signal,
      onProgress: (what, rows) => post({ type: 'progress', what, rows }),
    },
    queryFeatures.filter((f) => f.afterWriteBack !== true),
  );
  post({ type: 'done', summary });
} catch (error) {
  post({ type: 'failed', error: crossingError(error) });
} finally {
  await db.close();
  port.close();
}
