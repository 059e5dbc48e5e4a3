// Every entity of an area streamed from Neo4j in keyset chunks into columns: one Float64Array per
// numeric field (NaN = no value), one array per categorical field, and the audit columns kept
// apart (fairness tables only). Columns rather than one object per entity: a million persons
// with forty fields would otherwise cost gigabytes of small objects.
import type { Database } from '../db/database.js';
import type { QueryParams, QueryRow } from '../db/queries.js';
import { pageAudit, pageCounts } from '../db/scoring-queries.js';
import { areaFields } from './fields.js';
import { intrinsicInputs, isoDay, type IntrinsicInput, type PageView } from './intrinsic.js';
import type { EntityValues } from './entity-values.js';
import type { Area } from './areas.js';

export interface EntityTable {
  area: Area;
  asOf: string;
  /** The id prefix the table was read for ('' for all). */
  scope: string;
  ids: string[];
  /** Row index of an id. */
  index: Map<string, number>;
  numeric: Map<string, Float64Array>;
  category: Map<string, (string | null)[]>;
  audit: Map<string, (string | null)[]>;
}

type PageRow = QueryRow<'scoring/employer-page'>;

/**
 * Streams one chunk of an area's entities (keyset on id) into `onRow`, which gets each row's
 * index within the chunk (from 0 again if the driver retries the read).
 */
function streamChunk(
  db: Database,
  area: Area,
  params: Omit<QueryParams<'scoring/employer-page'>, 'limit'> & { limit: number },
  onRow: (row: PageRow, index: number) => void,
): Promise<number> {
  if (area === 'employer') return db.stream('scoring/employer-page', params, onRow);
  if (area === 'beneficiary') return db.stream('scoring/person-page', params, onRow);
  const { after, limit, prefix, keys } = params;
  return db.stream('scoring/staff-page', { after, limit, prefix, keys }, onRow);
}

export interface ReadOptions {
  asOf: string;
  /** Entities per streamed read (default 100 000). */
  pageSize?: number;
  /** Only entities whose id starts with this (default: all). */
  scope?: string | undefined;
  onProgress?: (rows: number) => void;
  /** Where tables already read are kept (entityTable). */
  tables?: TableCache | undefined;
}

/**
 * The properties an area's page reads: its network and categorical fields, then the ones its
 * intrinsic inputs read (those are also handed to the inputs by name).
 */
function pageKeys(area: Area): { keys: string[]; intrinsicReads: string[] } {
  const fieldKeys = [...areaFields(area).values()]
    .filter((f) => f.kind !== 'intrinsic')
    .map((f) => f.name);
  const intrinsicReads = [...new Set(intrinsicInputs[area].flatMap((input) => input.reads ?? []))];
  return { keys: [...new Set([...fieldKeys, ...intrinsicReads])], intrinsicReads };
}

export async function readEntityTable(
  db: Database,
  area: Area,
  options: ReadOptions,
): Promise<EntityTable> {
  const pageSize = options.pageSize ?? 100_000;
  const asOfDay = isoDay(options.asOf);
  const fields = areaFields(area);
  const { keys, intrinsicReads } = pageKeys(area);
  const ids: string[] = [];
  const numeric = new Map<string, number[]>();
  const category = new Map<string, (string | null)[]>();
  const auditNames = pageAudit[area];
  const audit = new Map(auditNames.map((name) => [name as string, [] as (string | null)[]]));
  for (const [name, field] of fields) {
    if (field.kind === 'category') category.set(name, []);
    else numeric.set(name, []);
  }
  // Where each network and categorical column finds its value in a row's `values`.
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const networkColumns = [...numeric]
    .filter(([name]) => name.startsWith('f_'))
    .map(([name, column]) => ({ at: keyIndex.get(name)!, column }));
  const categoryColumns = [...category].map(([name, column]) => ({
    at: keyIndex.get(name)!,
    column,
  }));
  const auditColumns = auditNames.map((name) => audit.get(name)!);
  const readsAt = intrinsicReads.map((k) => ({ key: k, at: keyIndex.get(k)! }));
  const inputs = (intrinsicInputs[area] as readonly IntrinsicInput<Area>[]).map((input) => ({
    column: numeric.get(input.name)!,
    input,
  }));
  const countNames = pageCounts[area];
  // One view, refilled for every row: the inputs read it and keep nothing of it.
  const view: PageView<Area> = { props: {}, counts: {} as PageView<Area>['counts'] };
  let after = '';
  for (;;) {
    // Rows land at their index, so a retried chunk overwrites what its first attempt wrote.
    const base = ids.length;
    const rows = await streamChunk(
      db,
      area,
      { after, limit: pageSize, asOf: options.asOf, prefix: options.scope ?? '', keys },
      (row, k) => {
        const i = base + k;
        ids[i] = row.id;
        const { values } = row;
        for (const { key, at } of readsAt) view.props[key] = values[at];
        countNames.forEach((name, c) => (view.counts[name] = row.counts[c] ?? null));
        for (const { column, input } of inputs) column[i] = input.value(view, asOfDay) ?? NaN;
        for (const { at, column } of networkColumns) {
          const v = values[at];
          column[i] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : NaN;
        }
        for (const { at, column } of categoryColumns) {
          const v = values[at];
          column[i] = typeof v === 'string' ? v : null;
        }
        auditColumns.forEach((column, c) => (column[i] = row.audit[c] ?? null));
      },
    );
    ids.length = base + rows;
    options.onProgress?.(ids.length);
    if (rows < pageSize) break;
    after = ids[ids.length - 1]!;
  }
  for (const column of [...category.values(), ...audit.values()]) column.length = ids.length;
  const table: EntityTable = {
    area,
    asOf: options.asOf,
    scope: options.scope ?? '',
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    numeric: new Map(),
    category,
    audit,
  };
  for (const [name, column] of numeric) {
    const values = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) values[i] = column[i] ?? NaN;
    table.numeric.set(name, values);
  }
  return table;
}

/**
 * Tables already read, by area, for a pipeline that trains, scores and evaluates in one process
 * (`ringwatch demo`, bench/score.ts). The tables stay true in between: training writes models,
 * and scoring writes risk_… properties, which no table reads. Each area is read once, not three
 * times.
 */
export type TableCache = Map<Area, EntityTable>;

/** The area's table from the cache when it was read for the same date and scope, else read. */
export async function entityTable(
  db: Database,
  area: Area,
  options: ReadOptions,
): Promise<EntityTable> {
  const cache = options.tables;
  const cached = cache?.get(area);
  if (cached && cached.asOf === options.asOf && cached.scope === (options.scope ?? '')) {
    return cached;
  }
  const table = await readEntityTable(db, area, options);
  cache?.set(area, table);
  return table;
}

/** One entity's values by field name (rules and reasons read these). */
export function entityValues(table: EntityTable, row: number): EntityValues {
  const values: Record<string, number | string | null> = {};
  for (const [name, column] of table.numeric) {
    const v = column[row]!;
    values[name] = Number.isNaN(v) ? null : v;
  }
  for (const [name, column] of table.category) values[name] = column[row] ?? null;
  return values;
}
