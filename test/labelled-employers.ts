// Hand-made employers with one loaded inspection each (for the scoring tests): the intrinsic
// inputs the employer model reads, a network feature set directly on the node (scoring reads
// features from the nodes, whoever wrote them), and the inspection's outcome and origin.
import type { Database } from '../server/db/database.js';

export interface LabelledEmployer {
  id: string;
  founded: string;
  debt: number;
  /** f_exposure */
  exposure: number;
  /** Whether an inspection (for phoenix) was loaded for it. */
  inspected: boolean;
  confirmed: boolean;
  closed: string;
  origin: string;
}

/** Creates the employers and, for the inspected ones, their closed inspection `<id>-I`. */
export async function createLabelledEmployers(
  db: Database,
  rows: readonly LabelledEmployer[],
): Promise<void> {
  await db.driver.executeQuery(
    `UNWIND $rows AS row
     CREATE (e:Employer {id: row.id, kind: 'company', sector: 'F41.20', region: 'R1', status: 'active',
                         founded_on: date(row.founded), contribution_debt_eur: toFloat(row.debt),
                         declared_workers: 3, f_exposure: row.exposure})
     WITH e, row WHERE row.inspected
     CREATE (:Inspection {id: row.id + '-I', subject_type: 'employer', closed_on: date(row.closed),
                          offence: 'phoenix', outcome: CASE WHEN row.confirmed THEN 'confirmed' ELSE 'unfounded' END,
                          origin: row.origin})-[:OF]->(e)`,
    { rows },
    { database: db.connection.database },
  );
}
