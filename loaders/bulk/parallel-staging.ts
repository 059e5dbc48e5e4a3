// Staging for the bulk import on every core: each contract file is validated and staged by one
// of a few worker threads (staging-worker.ts), several files at once. Staging on one thread took
// 77 s of the 1 M-person set's 139 s load, about 7 µs a row of parsing, zod, reference checks
// and CSV writing; the importer itself took 30 s.
//
// What keeps it the same load whatever the threads do:
// - a file starts only once the files defining what it references are staged, and their ids
//   are shared with it (in shared memory, read-only);
// - each node file numbers its nodes from a range of its own, counted by preflight
//   from the file's lines, so the numbers and every staged byte do not depend on which thread
//   ran what, or when;
// - the summary lists files in the data set's order, the staged tables too (the importer's
//   `actual` ids must ascend over the node files in the order it is given them).
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { FILES, type FileName } from '../../contract/files.js';
import { ownSemiSpaceMb } from '../../server/config.js';
import { rebuilt, type CrossingError } from '../../server/threads/crossing-error.js';
import type { SharedIdMap } from '../id-map.js';
import type { FileResult } from '../load-file.js';
import type { PlannedFile } from '../preflight.js';
import type { Reject, RejectsFile } from '../rejects.js';
import { ENTITY_LABEL, referencedLabel } from '../sinks.js';
import type { StagedTable } from './bulk-sink.js';
import { IMPORT_TABLES, type ImportTable } from './import-tables.js';
import type { StagedResult } from './staged-csv.js';

/** What a staging thread is asked to do: one file. */
export interface StageTask {
  plan: PlannedFile;
  dir: string;
  batchSize: number;
  /**
   * The file's node label, where its numbers start, and how many ids to make room for (none
   * when its nodes are numbered without keeping their ids).
   */
  numbers: { label: string; first: number; capacity: number | undefined } | undefined;
  /** Ids of the labels the file may reference, shared by the threads that staged them. */
  shared: [string, SharedIdMap][];
  /** The label whose ids to share once the file is staged (others reference it). */
  share: string | undefined;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; bytes: number; rows: number }
  | { type: 'rejects'; list: Reject[] }
  | {
      type: 'done';
      result: FileResult;
      tables: (StagedResult & { name: string })[];
      shared: SharedIdMap | undefined;
    }
  | { type: 'failed'; error: CrossingError };

export interface StagingOptions {
  threads: number;
  /** Rows validated before they are staged together (STAGING_BATCH_ROWS unless given). */
  batchSize?: number;
  onFile?: (file: PlannedFile) => {
    progress: (bytesRead: number, rowsRead: number) => void;
    done: (result: FileResult) => void;
  };
}

export interface Staged {
  results: FileResult[];
  tables: StagedTable[];
}

const entry = new URL('../../server/threads/entry.js', import.meta.url);
const body = new URL('./staging-worker.ts', import.meta.url).href;

/** The node table a file's rows become, if any (one at most per file). */
function nodeTableOf(name: FileName): ImportTable | undefined {
  return IMPORT_TABLES[name].find((t) => t.kind === 'nodes');
}

/** The labels a file's rows may reference (by a column naming the entity type: all of them). */
function referencedLabels(name: FileName): string[] {
  return FILES[name].references.flatMap((ref) =>
    typeof ref.target === 'string' ? [ENTITY_LABEL[ref.target]] : Object.values(ENTITY_LABEL),
  );
}

/**
 * A staging thread's young generation, in MB a semi-space. The command runs with 64 (.npmrc, for
 * the analysis), which staging threads do not need: on the 1 M-person set two threads staged in
 * 47.5 s with 1.13–1.27 GB at 64, in 47–52 s with 0.82–1.05 GB at 16, in 57 s with 890 MB at 8.
 */
const STAGING_SEMI_SPACE_MB = 16;

/**
 * Rows a staging thread validates before staging them. Staging has no round trip to spare,
 * unlike the Cypher load's write transactions (--batch-size), and the rows of a batch live
 * through young-generation collections, each copying them. On the 1 M-person set, two threads
 * staged in 40.6 and 41.5 s with 100 (77–79 s of CPU) against 47.0 and 45.1 s with 1 000
 * (86–88 s), runs taken in turn; scavenges paused 2.1 ms at the median instead of 4.4.
 */
const STAGING_BATCH_ROWS = 100;

/** A staging thread, and how it ended if it did. */
interface Thread {
  worker: Worker;
  error: Error | undefined;
  exited: boolean;
}

function stopped(thread: Thread): Error {
  return new Error(
    `load: a staging thread stopped${thread.error ? `: ${thread.error.message}` : ''}`,
  );
}

/**
 * Starts the staging threads and waits until each has loaded its code. V8 reads
 * --max-semi-space-size when a thread's heap is made, and the flag overrides a Worker's
 * resourceLimits, so it is set while the threads start and put back for whatever the process
 * starts later.
 */
async function startThreads(count: number): Promise<Thread[]> {
  const own = ownSemiSpaceMb();
  v8.setFlagsFromString(`--max-semi-space-size=${STAGING_SEMI_SPACE_MB}`);
  const threads: Thread[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const thread: Thread = {
        worker: new Worker(entry, { workerData: { module: body } }),
        error: undefined,
        exited: false,
      };
      // Kept for the message of whatever task the thread runs (or is given) next.
      thread.worker.on('error', (error) => (thread.error ??= error));
      thread.worker.once('exit', () => (thread.exited = true));
      threads.push(thread);
    }
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (message: WorkerMessage) => {
              if (message.type !== 'ready') return;
              thread.worker.off('message', onMessage);
              thread.worker.off('exit', onExit);
              resolve();
            };
            const onExit = () => reject(stopped(thread));
            thread.worker.on('message', onMessage);
            thread.worker.once('exit', onExit);
          }),
      ),
    );
    return threads;
  } catch (error) {
    await Promise.all(threads.map((t) => t.worker.terminate()));
    throw error;
  } finally {
    v8.setFlagsFromString(`--max-semi-space-size=${own}`);
  }
}

export async function stageInParallel(
  files: readonly PlannedFile[],
  dir: string,
  rejects: Pick<RejectsFile, 'write'>,
  options: StagingOptions,
): Promise<Staged> {
  if (!Number.isInteger(options.threads) || options.threads < 1)
    throw new Error(`load: staging threads must be a whole number ≥ 1, not ${options.threads}`);
  const threads = await startThreads(Math.max(1, Math.min(options.threads, files.length)));
  try {
    return await stage(files, dir, rejects, options, nodeRanges(files), threads);
  } finally {
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

/** Each node file's range of numbers (its lines, counted by preflight), in data-set order. */
function nodeRanges(files: readonly PlannedFile[]): Map<PlannedFile, number> {
  const firsts = new Map<PlannedFile, number>();
  let next = 0;
  for (const file of files) {
    if (nodeTableOf(file.name) === undefined) continue;
    firsts.set(file, next);
    next += file.lines;
  }
  return firsts;
}

async function stage(
  files: readonly PlannedFile[],
  dir: string,
  rejects: Pick<RejectsFile, 'write'>,
  options: StagingOptions,
  firsts: Map<PlannedFile, number>,
  threads: Thread[],
): Promise<Staged> {
  // Files wait only for the labels some file of this data set defines.
  const defined = new Set(files.map((f) => referencedLabel(f.name)).filter((l) => l !== undefined));
  const needs = (file: PlannedFile) =>
    referencedLabels(file.name).filter((l) => defined.has(l) && l !== referencedLabel(file.name));

  const shared = new Map<string, SharedIdMap>();
  const results = new Map<PlannedFile, { result: FileResult; tables: StagedTable[] }>();
  const pending = [...files];
  const idle = [...threads];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  // Rejects are written in the order they arrive, one write after another.
  let writing: Promise<void> = Promise.resolve();

  const fail = (error: unknown) => {
    failure ??= { error };
    // The other threads' work is of no use any more: stop them rather than wait.
    for (const thread of threads) void thread.worker.terminate();
  };

  const run = (thread: Thread, file: PlannedFile): Promise<void> => {
    const { worker } = thread;
    const nodes = nodeTableOf(file.name);
    const first = firsts.get(file);
    const share = referencedLabel(file.name);
    const task: StageTask = {
      plan: file,
      dir,
      batchSize: options.batchSize ?? STAGING_BATCH_ROWS,
      numbers:
        nodes !== undefined && first !== undefined
          ? // Claims and inspections are only numbered: no ids to make room for.
            { label: nodes.label, first, capacity: nodes.unnamed ? undefined : file.lines }
          : undefined,
      shared: needs(file).flatMap((l) => {
        const ids = shared.get(l);
        return ids ? [[l, ids] as [string, SharedIdMap]] : [];
      }),
      share,
    };
    if (thread.exited) return Promise.reject(stopped(thread));
    const ui = options.onFile?.(file);
    return new Promise<void>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        outcome();
      };
      const onExit = () => settle(() => reject(stopped(thread)));
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'progress') ui?.progress(message.bytes, message.rows);
        else if (message.type === 'rejects') {
          const list = message.list;
          writing = writing.then(() => rejects.write(list)).catch(fail);
        } else if (message.type === 'failed') settle(() => reject(rebuilt(message.error)));
        else if (message.type === 'done') {
          const tables: StagedTable[] = [];
          for (const { name, ...staged } of message.tables) {
            const table = IMPORT_TABLES[file.name].find((t) => t.name === name);
            if (!table) return settle(() => reject(new Error(`load: no import table ${name}`)));
            tables.push({ table, ...staged });
          }
          if (share && message.shared) shared.set(share, message.shared);
          results.set(file, { result: message.result, tables });
          ui?.done(message.result);
          settle(resolve);
        }
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage(task);
    });
  };

  while (pending.length > 0 || running.size > 0) {
    const ready = failure ? -1 : pending.findIndex((f) => needs(f).every((l) => shared.has(l)));
    if (ready !== -1 && idle.length > 0) {
      const [file] = pending.splice(ready, 1);
      const thread = idle.pop()!;
      const task: Promise<void> = run(thread, file!)
        .then(() => {
          idle.push(thread);
        }, fail)
        .finally(() => running.delete(task));
      running.add(task);
      continue;
    }
    if (running.size === 0) {
      if (failure) break;
      throw new Error(`load: ${pending.map((f) => f.file).join(', ')} wait for ids no file gives`);
    }
    await Promise.race(running);
  }
  await writing;
  if (failure) throw failure.error;
  const ordered = files.map((f) => results.get(f)!);
  return { results: ordered.map((r) => r.result), tables: ordered.flatMap((r) => r.tables) };
}
