// Every entity of an area read from Neo4j by keyset pages into columns: one Float64Array per
// numeric field (NaN = no value), one array per categorical field, and the audit columns kept
// apart (fairness tables only). Columns rather than one object per entity: a million persons
// with forty fields would otherwise cost gigabytes of small objects.
import type { Database } from '../db/database.js';
import type { QueryRow } from '../db/queries.js';
import { areaFields } from './fields.js';
import { intrinsicInputs, isoDay } from './intrinsic.js';
import type { EntityValues } from './entity-values.js';
import type { Area } from './areas.js';

export interface EntityTable {
  area: Area;
  asOf: string;
  ids: string[];
  /** Row index of an id. */
  index: Map<string, number>;
  numeric: Map<string, Float64Array>;
  category: Map<string, (string | null)[]>;
  audit: Map<string, (string | null)[]>;
}

type PageRow =
  | QueryRow<'scoring/employer-page'>
  | QueryRow<'scoring/person-page'>
  | QueryRow<'scoring/staff-page'>;

function readPage(
  db: Database,
  area: Area,
  after: string,
  limit: number,
  asOf: string,
  prefix: string,
) {
  if (area === 'employer') return db.read('scoring/employer-page', { after, limit, asOf, prefix });
  if (area === 'beneficiary') return db.read('scoring/person-page', { after, limit, asOf, prefix });
  return db.read('scoring/staff-page', { after, limit, prefix });
}

export interface ReadOptions {
  asOf: string;
  pageSize?: number;
  /** Only entities whose id starts with this (default: all). */
  scope?: string;
  onProgress?: (rows: number) => void;
}

export async function readEntityTable(
  db: Database,
  area: Area,
  options: ReadOptions,
): Promise<EntityTable> {
  const pageSize = options.pageSize ?? 5000;
  const asOfDay = isoDay(options.asOf);
  const fields = areaFields(area);
  const ids: string[] = [];
  const numeric = new Map<string, number[]>();
  const category = new Map<string, (string | null)[]>();
  const audit = new Map<string, (string | null)[]>();
  for (const [name, field] of fields) {
    if (field.kind === 'category') category.set(name, []);
    else numeric.set(name, []);
  }
  const inputs = intrinsicInputs[area] as {
    name: string;
    value(r: PageRow, d: number): number | null;
  }[];
  let after = '';
  for (;;) {
    const rows = (await readPage(
      db,
      area,
      after,
      pageSize,
      options.asOf,
      options.scope ?? '',
    )) as PageRow[];
    for (const row of rows) {
      const i = ids.length;
      ids.push(row.id);
      for (const input of inputs) numeric.get(input.name)![i] = input.value(row, asOfDay) ?? NaN;
      for (const [name, column] of numeric) {
        if (!name.startsWith('f_')) continue;
        const v = row.props[name];
        column[i] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : NaN;
      }
      for (const [name, column] of category) {
        const v = row.props[name];
        column[i] = typeof v === 'string' ? v : null;
      }
      for (const [name, value] of Object.entries(row.audit)) {
        let column = audit.get(name);
        if (!column) audit.set(name, (column = []));
        column[i] = value;
      }
    }
    options.onProgress?.(ids.length);
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.id;
  }
  const table: EntityTable = {
    area,
    asOf: options.asOf,
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
