// Where validated rows go on a first load into an empty embedded database: staged CSV files for
// neo4j-admin's bulk import (import-tables.ts says which). References are checked against the
// ids of the data set itself, exactly as the dry run does — the database holds nothing else —
// so a row that references nothing is rejected with its line before the import ever runs.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileName } from '../../contract/files.js';
import type { GraphRow } from '../graph-rows.js';
import type { MissingReference, RowSink } from '../load-file.js';
import type { NodeNumbers } from '../node-numbers.js';
import { DryRunSink } from '../sinks.js';
import { IMPORT_TABLES, type ImportTable } from './import-tables.js';
import { StagedCsv, type StagedResult } from './staged-csv.js';

export interface StagedTable extends StagedResult {
  table: ImportTable;
}

interface Staging {
  table: ImportTable;
  csv: StagedCsv;
  /** A node table: the number of the last node staged. */
  lastNumber: number;
  /** A node table: rows that named a node staged before (folded as MERGE folds them). */
  repeats: number;
}

export class BulkSink implements RowSink {
  readonly unknownMeans = 'in the data set';
  private readonly references: DryRunSink;
  private readonly staged = new Map<string, Staging>();
  private readonly finished: StagedTable[] = [];
  private current: FileName | undefined;
  /** Writes run one after another, so the staged rows keep the file's order (last row wins). */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `ids`: the nodes' numbers (node-numbers.ts), with the range of each label this sink numbers
   * (parallel-staging.ts gives them); the reference checks look ids up there too.
   */
  constructor(
    readonly dir: string,
    private readonly ids: NodeNumbers,
  ) {
    this.references = new DryRunSink(ids);
  }

  write(name: FileName, rows: GraphRow[]): Promise<MissingReference[]> {
    const task = this.queue.then(() => this.stage(name, rows));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async stage(name: FileName, rows: GraphRow[]): Promise<MissingReference[]> {
    // A sink stages one file in a staging thread; should it be given another, the first one's
    // tables are closed (and their keys freed) when the next begins.
    if (this.current !== name) await this.closeOpenTables();
    this.current = name;
    const missing = await this.references.write(name, rows);
    const refused = new Set(missing.map((m) => m.line));
    // A file's node table comes first, so its rows' relationships find the numbers it gave.
    for (const table of IMPORT_TABLES[name]) {
      const staging = await this.staging(table);
      for (const row of rows) {
        if (refused.has(row.line)) continue;
        for (const cells of table.cells(row, this.ids)) {
          if (table.kind === 'nodes') {
            // Numbers are given in row order, so a number not above the last one staged is an
            // id seen before: the same node (import-tables.ts' nodeTable).
            const number = cells[0] as number;
            if (number <= staging.lastNumber) {
              staging.repeats += 1;
              continue;
            }
            staging.lastNumber = number;
          }
          const wait = staging.csv.write(cells);
          if (wait) await wait;
        }
      }
    }
    return missing;
  }

  private async staging(table: ImportTable): Promise<Staging> {
    let entry = this.staged.get(table.name);
    if (!entry) {
      await mkdir(this.dir, { recursive: true });
      const base = path.join(this.dir, table.name);
      const csv = new StagedCsv(`${base}.csv`, `${base}.header.csv`, table.columns, table.fold);
      this.staged.set(table.name, (entry = { table, csv, lastNumber: -1, repeats: 0 }));
    }
    return entry;
  }

  private async closeOpenTables(): Promise<void> {
    for (const { table, csv, repeats } of this.staged.values()) {
      const staged = await csv.finish();
      this.finished.push({ table, ...staged, folded: staged.folded + repeats });
    }
    this.staged.clear();
  }

  /** Closes every staged file (folding repeated keys) once all rows are written. */
  async finish(): Promise<StagedTable[]> {
    await this.queue;
    await this.closeOpenTables();
    return this.finished;
  }
}
