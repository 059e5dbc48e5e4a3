LOAD CSV WITH HEADERS FROM 'file:///self_employment_clients.csv' AS line
CALL (line) {
  MATCH (a:Person {id: line.person_id})
  MATCH (b:Employer {id: line.employer_id})
  MERGE (a)-[r:WORKS_FOR_CLIENT {key: coalesce(line.start_date, '')}]->(b)
  SET r.start = date(line.start_date), r.end = date(line.end_date), r.share = toFloat(line.share_of_income)
} IN TRANSACTIONS OF $batch ROWS
