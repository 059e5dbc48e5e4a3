// Removes the cases a test opened on its own entities (ids starting with `prefix`), with their
// history, webhook messages and the inspections (labels) closing them wrote.
import type { Database } from '../server/db/database.js';

export async function deleteCasesOn(db: Database, prefix: string): Promise<void> {
  await db.driver.executeQuery(
    `MATCH (c:Case)-[:CONCERNS]->(n) WHERE n.id STARTS WITH $p
     OPTIONAL MATCH (c)-[:LOGGED]->(e)
     OPTIONAL MATCH (o:Outbox {case_id: c.id})
     OPTIONAL MATCH (i:Inspection {case_id: c.id})
     DETACH DELETE c, e, o, i`,
    { p: prefix },
  );
}

/** Removes a test's cases (above) and then its entities. */
export async function deleteTestGraph(db: Database, prefix: string): Promise<void> {
  await deleteCasesOn(db, prefix);
  await db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', {
    p: prefix,
  });
}
