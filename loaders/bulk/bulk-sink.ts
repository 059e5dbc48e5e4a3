// Where validated rows go on a first load into an empty embedded database: staged CSV files for
// neo4j-admin's bulk import (import-tables.ts says which). References are checked against the
// ids of the data set itself, exactly as the dry run does — the database holds nothing else —
// so a row that references nothing is rejected with its line before the import ever runs.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileName } from '../../contract/files.js';
import type { GraphRow } from '../graph-rows.js';
import type { MissingReference, RowSink } from '../load-file.js';
import { DryRunSink } from '../sinks.js';
import { IMPORT_TABLES, type ImportTable } from './import-tables.js';
import { StagedCsv, type StagedResult } from './staged-csv.js';

export interface StagedTable extends StagedResult {
  table: ImportTable;
}

export class BulkSink implements RowSink {
  readonly unknownMeans = 'in the data set';
  private readonly references = new DryRunSink();
  private readonly staged = new Map<string, { table: ImportTable; csv: StagedCsv }>();
  private readonly finished: StagedTable[] = [];
  private current: FileName | undefined;
  /** Writes run one after another, so the staged rows keep the file's order (last row wins). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {}

  write(name: FileName, rows: GraphRow[]): Promise<MissingReference[]> {
    const task = this.queue.then(() => this.stage(name, rows));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async stage(name: FileName, rows: GraphRow[]): Promise<MissingReference[]> {
    // Files come one after another: a file's tables are closed (and their keys freed) when the
    // next file begins.
    if (this.current !== name) await this.closeOpenTables();
    this.current = name;
    const missing = await this.references.write(name, rows);
    const refused = new Set(missing.map((m) => m.line));
    for (const table of IMPORT_TABLES[name]) {
      const csv = await this.csv(table);
      for (const row of rows) {
        if (refused.has(row.line)) continue;
        for (const cells of table.cells(row)) {
          const wait = csv.write(cells);
          if (wait) await wait;
        }
      }
    }
    return missing;
  }

  private async csv(table: ImportTable): Promise<StagedCsv> {
    let entry = this.staged.get(table.name);
    if (!entry) {
      await mkdir(this.dir, { recursive: true });
      const base = path.join(this.dir, table.name);
      const csv = new StagedCsv(`${base}.csv`, `${base}.header.csv`, table.columns, table.dedupe);
      this.staged.set(table.name, (entry = { table, csv }));
    }
    return entry.csv;
  }

  private async closeOpenTables(): Promise<void> {
    for (const { table, csv } of this.staged.values())
      this.finished.push({ table, ...(await csv.finish()) });
    this.staged.clear();
  }

  /** Closes every staged file (folding repeated keys) once all rows are written. */
  async finish(): Promise<StagedTable[]> {
    await this.queue;
    await this.closeOpenTables();
    return this.finished;
  }
}
