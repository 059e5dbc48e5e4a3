// Benefit claims from benefits.csv: the Claim, (Person)-[:CLAIMED]->(Claim) and, where given,
// (Claim)-[:PROCESSED_BY]->(Staff), -[:PAID_TO]->(Account), -[:RESTS_ON]->(Employer). A later
// extraction replaces these links. Returns the rows with a reference that exists nowhere.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (p:Person {id: row.person_id})
OPTIONAL MATCH (s:Staff {id: row.processed_by})
OPTIONAL MATCH (a:Account {id: row.paid_to})
OPTIONAL MATCH (e:Employer {id: row.employer_id})
WITH row, p, s, a, e,
     [c IN [
       CASE WHEN p IS NULL THEN 'person_id' END,
       CASE WHEN row.processed_by IS NOT NULL AND s IS NULL THEN 'processed_by' END,
       CASE WHEN row.paid_to IS NOT NULL AND a IS NULL THEN 'paid_to' END,
       CASE WHEN row.employer_id IS NOT NULL AND e IS NULL THEN 'employer_id' END
     ] WHERE c IS NOT NULL] AS missing
CALL (row, p, s, a, e, missing) {
  WITH row, p, s, a, e, missing WHERE size(missing) = 0
  MERGE (c:Claim {id: row.id})
  SET c += row.props
  WITH c, p, s, a, e
  OPTIONAL MATCH (c)-[old:PROCESSED_BY|PAID_TO|RESTS_ON]->()
  DELETE old
  WITH DISTINCT c, p, s, a, e
  OPTIONAL MATCH (c)<-[oldClaim:CLAIMED]-(other:Person) WHERE other <> p
  DELETE oldClaim
  WITH DISTINCT c, p, s, a, e
  MERGE (p)-[:CLAIMED]->(c)
  FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (c)-[:PROCESSED_BY]->(s))
  FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (c)-[:PAID_TO]->(a))
  FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | MERGE (c)-[:RESTS_ON]->(e))
}
WITH row, missing WHERE size(missing) > 0
RETURN row.line AS line, missing
