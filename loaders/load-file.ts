// Loads one contract file: streams its records, validates each with the contract's zod schema,
// checks unique keys, maps good rows to graph rows and hands them in batches to a sink (the
// database, or the dry run's in-memory checks) while reading goes on. Every problem becomes a
// reject; nothing stops the file but a failing sink.
import { createReadStream } from 'node:fs';
import { FILES, type FileName } from '../contract/files.js';
import { isProblem, readCsvRecords } from './csv-records.js';
import { GRAPH_ROWS, type GraphRow } from './graph-rows.js';
import { IdMap } from './id-map.js';
import type { PlannedFile } from './preflight.js';
import { ReasonTally, type Reject, type RejectsFile } from './rejects.js';

export interface MissingReference {
  line: number;
  missing: string[];
}

/** Where validated rows go. Returns the rows it refused because a referenced id is unknown. */
export interface RowSink {
  write(name: FileName, rows: GraphRow[]): Promise<MissingReference[]>;
  /** What "unknown" means for this sink, for the reject reason. */
  readonly unknownMeans: string;
}

export interface FileResult {
  file: string;
  read: number;
  loaded: number;
  rejected: number;
  ms: number;
  topReasons: { reason: string; count: number }[];
}

export interface LoadFileOptions {
  batchSize: number;
  concurrency: number;
  onProgress?: (bytesRead: number, rowsRead: number) => void;
}

export async function loadFile(
  plan: PlannedFile,
  sink: RowSink,
  rejects: Pick<RejectsFile, 'write'>,
  options: LoadFileOptions,
): Promise<FileResult> {
  const started = performance.now();
  const spec = FILES[plan.name];
  const toGraph = GRAPH_ROWS[plan.name] as (row: unknown, line: number) => GraphRow;
  const tally = new ReasonTally();
  const seen = spec.uniqueKey ? new IdMap(plan.lines) : undefined;
  let read = 0;
  let rejectedRows = 0;
  let batch: GraphRow[] = [];
  const inFlight = new Set<Promise<void>>();
  // The first failed write; the load stops at the next batch boundary and reports it.
  let failure: { error: unknown } | undefined;

  const reject = async (list: Reject[]) => {
    for (const r of list) tally.add(r);
    await rejects.write(list);
  };

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const task = sink.write(plan.name, rows).then(async (missing) => {
      const list: Reject[] = [];
      const index = missing.length > 0 ? new Map(rows.map((r) => [r.line, r])) : undefined;
      for (const m of missing) {
        const row = index?.get(m.line);
        rejectedRows += 1;
        for (const column of m.missing) {
          list.push({
            file: plan.file,
            line: m.line,
            column,
            value: asText(row?.[column]),
            reason: `references no ${referencedEntity(plan.name, column, row)} ${sink.unknownMeans}`,
          });
        }
      }
      await reject(list);
    });
    const tracked: Promise<void> = task
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    if (failure) throw failure.error;
  };

  // 64 kB a read: a read's records all live until the last of them is validated, and with 1 MB
  // reads (~10 000 records) they outlived young-generation collections, each copying them; the
  // 1 M-person staging peaked about 100 MB lower with 64 kB.
  const stream = createReadStream(plan.path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  let header = true;
  for await (const items of readCsvRecords(stream)) {
    const problems: Reject[] = [];
    for (const item of items) {
      if (header) {
        header = false;
        continue;
      }
      read += 1;
      if (isProblem(item)) {
        rejectedRows += 1;
        problems.push({
          file: plan.file,
          line: item.line,
          column: '',
          value: item.raw,
          reason: item.problem,
        });
        continue;
      }
      if (item.fields.length !== plan.headerLength) {
        rejectedRows += 1;
        problems.push({
          file: plan.file,
          line: item.line,
          column: '',
          value: item.fields.join(',').slice(0, 200),
          reason: `has ${item.fields.length} fields, the header has ${plan.headerLength}`,
        });
        continue;
      }
      const raw: Record<string, string> = {};
      for (const column of spec.columns)
        raw[column] = item.fields[plan.columnIndex[column] ?? -1] ?? '';
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success) {
        rejectedRows += 1;
        for (const issue of parsed.error.issues) {
          const column = String(issue.path[0] ?? '');
          problems.push({
            file: plan.file,
            line: item.line,
            column,
            value: raw[column] ?? '',
            reason: issue.message,
          });
        }
        continue;
      }
      if (seen && spec.uniqueKey) {
        const id = raw[spec.uniqueKey] ?? '';
        const first = seen.get(id);
        if (first !== undefined) {
          rejectedRows += 1;
          problems.push({
            file: plan.file,
            line: item.line,
            column: spec.uniqueKey,
            value: id,
            reason: `duplicate ${spec.uniqueKey} (first at line ${first})`,
          });
          continue;
        }
        seen.set(id, item.line);
      }
      batch.push(toGraph(parsed.data, item.line));
      if (batch.length >= options.batchSize) await flush();
    }
    await reject(problems);
    options.onProgress?.(stream.bytesRead, read);
  }
  await flush();
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  return {
    file: plan.file,
    read,
    loaded: read - rejectedRows,
    rejected: rejectedRows,
    ms: performance.now() - started,
    topReasons: tally.top(3),
  };
}

function referencedEntity(name: FileName, column: string, row: GraphRow | undefined): string {
  const ref = FILES[name].references.find((r) => r.column === column);
  if (!ref) return 'entity';
  if (typeof ref.target === 'string') return ref.target;
  return asText(row?.[ref.target.typeColumn]) || 'entity';
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
