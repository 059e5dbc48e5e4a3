// The query features that run alongside the algorithms, in a worker thread with its own
// driver. In the main thread their pages flowed only while the algorithms handed the event loop
// back: building a typed-array graph, sorting 4.7 M keys or filling a result map holds it for
// seconds, and at 1 M persons the progress line showed no page completing for some 90 s of
// the 155 s of algorithms, during which Neo4j had nothing to do. A thread reads each reply and
// sends the next page at once, whatever the main thread is doing.
import { Worker } from 'node:worker_threads';
import type { Database } from '../db/database.js';
import type { Connection } from '../db/connection.js';
import { rebuilt, type CrossingError } from '../threads/crossing-error.js';
import type { QueryFeatureOptions, QueryFeatureSummary } from './query-features.js';

/** What the thread is given: the connection and the options that cross a thread (no callbacks). */
export interface ThreadInput {
  module: string;
  connection: Connection;
  options: Omit<QueryFeatureOptions, 'onProgress' | 'signal'>;
}

export type ThreadMessage =
  | { type: 'progress'; what: string; rows: number }
  | { type: 'done'; summary: QueryFeatureSummary }
  | { type: 'failed'; error: CrossingError };

const entry = new URL('../threads/entry.js', import.meta.url);
const body = new URL('./query-features-worker.ts', import.meta.url).href;

/**
 * Runs the query features that need only the graph and the hub flags (those not marked
 * `afterWriteBack`) in a worker thread. Once `signal` is aborted the thread starts no more
 * pages, waits for those under way and the call fails: no transaction outlives it.
 */
export function runQueryFeaturesInThread(
  db: Database,
  options: QueryFeatureOptions,
): Promise<QueryFeatureSummary> {
  const { onProgress, signal, ...crossing } = options;
  const input: ThreadInput = { module: body, connection: db.connection, options: crossing };
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: input });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      outcome();
    };
    const abort = () => worker.postMessage({ type: 'abort' });
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort);
    // A progress callback that throws stops the thread's pages; the call fails with its error
    // once the thread has finished those under way.
    let progressFailure: Error | undefined;
    const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
    const fail = (error: unknown) => settle(() => reject(progressFailure ?? asError(error)));
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'done') {
        if (progressFailure === undefined) settle(() => resolve(message.summary));
        else fail(progressFailure);
      } else if (message.type === 'failed') fail(rebuilt(message.error));
      else if (progressFailure === undefined) {
        try {
          onProgress?.(message.what, message.rows);
        } catch (error) {
          progressFailure = asError(error);
          abort();
        }
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) =>
      fail(new Error(`query features: the thread stopped (exit code ${code})`)),
    );
  });
}
