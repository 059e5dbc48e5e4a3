LOAD CSV WITH HEADERS FROM 'file:///subcontracts.csv' AS line
CALL (line) {
  MATCH (a:Employer {id: line.contractor_id})
  MATCH (b:Employer {id: line.subcontractor_id})
  MERGE (a)-[r:SUBCONTRACTS_TO {key: coalesce(line.start_date, '')}]->(b)
  SET r.start = date(line.start_date), r.end = date(line.end_date), r.value = toFloat(line.value_eur)
} IN TRANSACTIONS OF $batch ROWS
