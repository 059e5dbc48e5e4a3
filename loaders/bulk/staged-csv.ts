// One CSV file staged for neo4j-admin's bulk import: rows are streamed to disk as they are
// validated; the header (with each property's type, learnt from the values) is written apart
// when the file is finished, as the import tool allows. A relationship table that says how to
// fold has rows that repeat a key (relation-keys.ts) folded the way the Cypher load's MERGE
// folds them — the last row's properties win — so both load paths build the same graph.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import neo4j from 'neo4j-driver';
import { RelationKeys, type RelationFold } from './relation-keys.js';

/** Bytes of rows gathered before one write to the staged file. */
const PENDING_BYTES = 1 << 18;

export type CellType = 'string' | 'long' | 'double' | 'date' | 'boolean';

/**
 * A column: a node's number or a relationship's ends for the import tool (`:ID`, `:START_ID`,
 * `:END_ID`, with `--id-type=actual`), or a property with its type.
 */
export type StagedColumn = { kind: 'id' | 'start' | 'end' } | { kind: 'property'; name: string };

export interface StagedResult {
  header: string;
  data: string;
  rows: number;
  folded: number;
  /** The data holds a field with a line break (the import tool must be told). */
  multiline: boolean;
}

export class StagedCsv {
  private readonly out: WriteStream;
  /** For a folded table: how it folds, the last row of each key; the rows a later one replaced. */
  private readonly folding: { fold: RelationFold; lastRow: RelationKeys } | undefined;
  private readonly superseded = new Set<number>();
  private readonly types: (CellType | undefined)[];
  /** Each row's length in bytes (folded tables), to drop replaced rows: 4 bytes a row
   * where its offset took 8 (a row is far below 4 GB: its fields below 64 KB each). */
  private lengths = new Uint32Array(1024);
  private rows = 0;
  /**
   * Rows not yet handed to the stream, as bytes: one write per 256 kB, not one per row. Kept as
   * a string they were a rope of every row's pieces that lived through several young-generation
   * collections, each copying them.
   */
  private pending = Buffer.allocUnsafe(PENDING_BYTES);
  private used = 0;
  private multiline = false;

  constructor(
    readonly dataPath: string,
    readonly headerPath: string,
    private readonly columns: readonly StagedColumn[],
    fold?: RelationFold,
  ) {
    this.out = createWriteStream(dataPath);
    this.types = columns.map(() => undefined);
    if (fold) this.folding = { fold, lastRow: new RelationKeys(fold.unordered) };
  }

  /** Appends one row (one value per column); a promise to wait for when the disk lags behind. */
  write(cells: readonly unknown[]): Promise<void> | undefined {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += ',';
      line += this.cell(i, cells[i]);
    }
    line += '\n';
    // A UTF-8 character takes at most 3 bytes for each UTF-16 unit of the string.
    let wait = this.used + line.length * 3 > PENDING_BYTES ? this.flush() : undefined;
    let bytes: number;
    if (line.length * 3 > PENDING_BYTES) {
      // A row too long for the pending bytes (a field of tens of kB) goes on its own.
      const row = Buffer.from(line);
      bytes = row.length;
      if (!this.out.write(row)) wait = drained(this.out);
    } else {
      bytes = this.pending.write(line, this.used);
      this.used += bytes;
    }
    if (this.folding) {
      const { fold, lastRow } = this.folding;
      // A key column holds graph-rows.ts' merge key, a string.
      const key = fold.keyColumn === undefined ? undefined : cells[fold.keyColumn];
      const earlier = lastRow.set(
        cells[0] as number,
        cells[1] as number,
        key as string | undefined,
        this.rows,
      );
      if (earlier !== undefined) this.superseded.add(earlier);
      if (this.rows >= this.lengths.length) {
        const grown = new Uint32Array(Math.ceil(this.lengths.length * 1.5));
        grown.set(this.lengths);
        this.lengths = grown;
      }
      this.lengths[this.rows] = bytes;
    }
    this.rows += 1;
    return wait;
  }

  /** Hands the pending bytes to the stream (a fresh buffer takes their place). */
  private flush(): Promise<void> | undefined {
    if (this.used === 0) return undefined;
    const bytes = this.pending.subarray(0, this.used);
    this.pending = Buffer.allocUnsafe(PENDING_BYTES);
    this.used = 0;
    return this.out.write(bytes) ? undefined : drained(this.out);
  }

  async finish(): Promise<StagedResult> {
    await this.flush();
    await close(this.out);
    const folded = this.superseded.size;
    if (folded > 0) await this.dropRows(this.superseded);
    const header = this.columns.map((c, i) => headerCell(c, this.types[i])).join(',');
    await writeFile(this.headerPath, `${header}\n`);
    return {
      header: this.headerPath,
      data: this.dataPath,
      rows: this.rows - folded,
      folded,
      multiline: this.multiline,
    };
  }

  private cell(column: number, value: unknown): string {
    if (value === null || value === undefined) return '';
    const type = typeOf(value);
    const known = this.types[column];
    if (known === undefined) this.types[column] = type;
    else if (known !== type) {
      throw new Error(
        `bulk import: column ${describe(this.columns[column])} holds both ${known} and ${type} values`,
      );
    }
    if (type !== 'string') return textOf(value, type);
    const text = value as string;
    if (!/[",\r\n]/.test(text)) return text;
    if (/[\r\n]/.test(text)) this.multiline = true;
    return `"${text.replaceAll('"', '""')}"`;
  }

  /** Rewrites the data file without the given rows (byte ranges known from the lengths). */
  private async dropRows(drop: Set<number>): Promise<void> {
    const tmp = `${this.dataPath}.tmp`;
    const out = createWriteStream(tmp);
    let row = 0;
    let left = this.lengths[0] ?? 0; // bytes of the current row still to go
    for await (const chunk of createReadStream(this.dataPath) as AsyncIterable<Buffer>) {
      let start = 0;
      while (start < chunk.length) {
        const take = Math.min(chunk.length - start, left);
        if (!drop.has(row) && !out.write(chunk.subarray(start, start + take)))
          await new Promise<void>((r) => out.once('drain', r));
        start += take;
        left -= take;
        if (left === 0) {
          row += 1;
          left = this.lengths[row] ?? 0;
          if (row >= this.rows) break;
        }
      }
    }
    await close(out);
    await rename(tmp, this.dataPath);
  }
}

/** The import type of a value (two functions, not one returning a pair: one pair a cell, for
 * tens of millions of cells, kept the garbage collector busy). */
function typeOf(value: unknown): CellType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (neo4j.isInt(value)) return 'long';
  if (value instanceof neo4j.types.Date) return 'date';
  throw new Error(`bulk import: no import type for ${JSON.stringify(value)}`);
}

/** The text in the CSV of a value that is not a string. */
function textOf(value: unknown, type: CellType): string {
  // Contract whole numbers have at most 15 digits: exact as a double, and far quicker to print
  // than the driver's Integer.toString.
  if (type === 'long') return String((value as { toNumber(): number }).toNumber());
  if (type === 'date') return isoDate(value as DateFields);
  return String(value);
}

interface DateFields {
  year: unknown;
  month: unknown;
  day: unknown;
  toString(): string;
}

/**
 * A date as YYYY-MM-DD. The driver's own toString goes through its 64-bit Integer for each
 * field, which took 5 s of the 1 M-person staging.
 */
function isoDate(date: DateFields): string {
  const { year, month, day } = date;
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number')
    return date.toString();
  if (year < 1000 || year > 9999) return date.toString();
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function headerCell(column: StagedColumn, type: CellType | undefined): string {
  switch (column.kind) {
    case 'id':
      return ':ID';
    case 'start':
      return ':START_ID';
    case 'end':
      return ':END_ID';
    case 'property':
      return `${column.name}:${type ?? 'string'}`;
  }
}

function describe(column: StagedColumn | undefined): string {
  if (!column) return '?';
  return column.kind === 'property' ? column.name : column.kind;
}

function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.once('drain', resolve));
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}
