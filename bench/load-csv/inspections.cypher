LOAD CSV WITH HEADERS FROM 'file:///inspections.csv' AS line
CALL (line) {
  OPTIONAL MATCH (se:Employer {id: line.subject_id}) WHERE line.subject_type = 'employer'
  OPTIONAL MATCH (sp:Person {id: line.subject_id}) WHERE line.subject_type = 'person'
  OPTIONAL MATCH (ss:Staff {id: line.subject_id}) WHERE line.subject_type = 'staff'
  WITH line, coalesce(se, sp, ss) AS subject WHERE subject IS NOT NULL
  MERGE (i:Inspection {id: line.inspection_id})
  SET i.subject_type = line.subject_type, i.opened_on = date(line.opened_on), i.closed_on = date(line.closed_on),
      i.offence = line.offence, i.outcome = line.outcome, i.origin = line.origin, i.recovered_eur = toFloat(line.recovered_eur)
  MERGE (i)-[:OF]->(subject)
} IN TRANSACTIONS OF $batch ROWS
