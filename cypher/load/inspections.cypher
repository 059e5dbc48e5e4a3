// Past inspections from inspections.csv: the Inspection and (Inspection)-[:OF]->(Employer|Person|Staff).
// Returns the rows whose subject exists nowhere.
// params: $rows
UNWIND $rows AS row
OPTIONAL MATCH (se:Employer {id: row.subject_id}) WHERE row.subject_type = 'employer'
OPTIONAL MATCH (sp:Person {id: row.subject_id}) WHERE row.subject_type = 'person'
OPTIONAL MATCH (ss:Staff {id: row.subject_id}) WHERE row.subject_type = 'staff'
WITH row, coalesce(se, sp, ss) AS subject
CALL (row, subject) {
  WITH row, subject WHERE subject IS NOT NULL
  MERGE (i:Inspection {id: row.id})
  SET i += row.props
  WITH i, subject
  OPTIONAL MATCH (i)-[old:OF]->(other) WHERE other <> subject
  DELETE old
  WITH DISTINCT i, subject
  MERGE (i)-[:OF]->(subject)
}
WITH row, subject WHERE subject IS NULL
RETURN row.line AS line, ['subject_id'] AS missing
