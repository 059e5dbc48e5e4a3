// Where a load's validated rows go: the database (one load query per file, in managed write
// transactions that the driver retries, so each query is idempotent), or, for --dry-run, an
// in-memory check of references against the ids of the data set itself.
import { FILES, type EntityType, type FileName } from '../contract/files.js';
import type { Database } from '../server/db/database.js';
import type { QueryName } from '../server/db/queries.js';
import type { GraphRow } from './graph-rows.js';
import { IdMap } from './id-map.js';
import type { MissingReference, RowSink } from './load-file.js';

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
 * The entity each file defines that other files reference, and the graph-row field holding its
 * id (claims are referenced by no file, so their 1 M+ ids are not kept).
 */
const DEFINES: Partial<Record<FileName, { entity: EntityType; field: string }>> = {
  persons: { entity: 'person', field: 'id' },
  employers: { entity: 'employer', field: 'id' },
  staff: { entity: 'staff', field: 'id' },
  addresses: { entity: 'address', field: 'id' },
  accounts: { entity: 'account', field: 'account_id' },
};

export class DryRunSink implements RowSink {
  readonly unknownMeans = 'in the data set (dry run: the graph was not consulted)';
  private readonly ids = new Map<EntityType, IdMap>();

  write(name: FileName, rows: GraphRow[]): Promise<MissingReference[]> {
    const missing: MissingReference[] = [];
    for (const row of rows) {
      const absent = FILES[name].references
        .filter((ref) => {
          const value = row[ref.column];
          if (value === null || value === undefined) return false;
          const entity =
            typeof ref.target === 'string'
              ? ref.target
              : (row[ref.target.typeColumn] as EntityType);
          return typeof value !== 'string' || !this.ids.get(entity)?.has(value);
        })
        .map((ref) => ref.column);
      if (absent.length > 0) missing.push({ line: row.line, missing: absent });
      else this.remember(name, row);
    }
    return Promise.resolve(missing);
  }

  private remember(name: FileName, row: GraphRow): void {
    const defines = DEFINES[name];
    if (!defines) return;
    let set = this.ids.get(defines.entity);
    if (!set) this.ids.set(defines.entity, (set = new IdMap()));
    set.set(String(row[defines.field]), 1);
  }
}
