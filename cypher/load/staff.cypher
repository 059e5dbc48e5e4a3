// Upserts staff from staff.csv and links each official to their person (Staff)-[:IS]->(Person).
// Returns the rows whose person_id is in neither the data set nor the graph.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (p:Person {id: row.person_id})
WITH row, p, row.person_id IS NOT NULL AND p IS NULL AS missingPerson
CALL (row, p, missingPerson) {
  WITH row, p, missingPerson WHERE NOT missingPerson
  MERGE (s:Staff {id: row.id})
  SET s += row.props
  WITH s, p
  OPTIONAL MATCH (s)-[old:IS]->(other:Person) WHERE p IS NULL OR other <> p
  DELETE old
  WITH DISTINCT s, p WHERE p IS NOT NULL
  MERGE (s)-[:IS]->(p)
}
WITH row WHERE missingPerson
RETURN row.line AS line, ['person_id'] AS missing
