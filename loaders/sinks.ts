// Where a load's validated rows go: the database (one load query per file, in managed write
// transactions that the driver retries, so each query is idempotent), or, for --dry-run, an
// in-memory check of references against the ids of the data set itself.
import { FILES, type EntityType, type FileName } from '../contract/files.js';
import type { Database } from '../server/db/database.js';
import type { QueryName } from '../server/db/queries.js';
import type { GraphRow } from './graph-rows.js';
import type { MissingReference, RowSink } from './load-file.js';
import { NodeNumbers } from './node-numbers.js';

const QUERY = {
  persons: 'load/persons',
  employers: 'load/employers',
  addresses: 'load/addresses',
  staff: 'load/staff',
  accounts: 'load/accounts',
  employments: 'load/employments',
  selfEmploymentClients: 'load/self-employment-clients',
  directorships: 'load/directorships',
  residences: 'load/residences',
  seats: 'load/seats',
  households: 'load/households',
  contacts: 'load/contacts',
  subcontracts: 'load/subcontracts',
  benefits: 'load/benefits',
  inspections: 'load/inspections',
} as const satisfies Record<FileName, QueryName>;

export class DatabaseSink implements RowSink {
  readonly unknownMeans = 'in the data set or the graph';
  private committed = 0;

  /**
   * `killAfterBatches` kills this very process (SIGKILL, no clean-up) once that many batches
   * are committed: how the tests prove that a load killed half-way can be run again.
   */
  constructor(
    private readonly db: Database,
    private readonly killAfterBatches?: number,
  ) {}

  async write(name: FileName, rows: GraphRow[]): Promise<MissingReference[]> {
    const missing = await this.db.write(QUERY[name], { rows });
    this.committed += 1;
    if (this.killAfterBatches !== undefined && this.committed >= this.killAfterBatches) {
      process.kill(process.pid, 'SIGKILL');
    }
    return missing;
  }
}

/**
 * The node label of the entity each file defines that other files reference, and the graph-row
 * field holding its id (claims are referenced by no file, so their 1 M+ ids are not kept here).
 */
const DEFINES: Partial<Record<FileName, { label: string; field: string }>> = {
  persons: { label: 'Person', field: 'id' },
  employers: { label: 'Employer', field: 'id' },
  staff: { label: 'Staff', field: 'id' },
  addresses: { label: 'Address', field: 'id' },
  accounts: { label: 'Account', field: 'account_id' },
};

/** The node label of each entity a reference can point at. */
export const ENTITY_LABEL: Record<EntityType, string> = {
  person: 'Person',
  employer: 'Employer',
  staff: 'Staff',
  address: 'Address',
  account: 'Account',
  claim: 'Claim',
};

/** The label of the nodes a file defines that other files reference, if any. */
export function referencedLabel(name: FileName): string | undefined {
  return DEFINES[name]?.label;
}

export class DryRunSink implements RowSink {
  readonly unknownMeans = 'in the data set (dry run: the graph was not consulted)';

  /** `ids`: where the ids of the data set are kept (the bulk import numbers its nodes there). */
  constructor(readonly ids = new NodeNumbers()) {}

  write(name: FileName, rows: GraphRow[]): Promise<MissingReference[]> {
    const missing: MissingReference[] = [];
    const references = FILES[name].references;
    for (const row of rows) {
      let absent: string[] | undefined;
      for (const ref of references) {
        const value = row[ref.column];
        if (value === null || value === undefined) continue;
        const entity =
          typeof ref.target === 'string' ? ref.target : (row[ref.target.typeColumn] as EntityType);
        const label = ENTITY_LABEL[entity] as string | undefined;
        if (typeof value !== 'string' || label === undefined || !this.ids.has(label, value))
          (absent ??= []).push(ref.column);
      }
      if (absent) missing.push({ line: row.line, missing: absent });
      else this.remember(name, row);
    }
    return Promise.resolve(missing);
  }

  private remember(name: FileName, row: GraphRow): void {
    const defines = DEFINES[name];
    if (defines) this.ids.add(defines.label, String(row[defines.field]));
  }
}
