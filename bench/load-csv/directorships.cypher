LOAD CSV WITH HEADERS FROM 'file:///directorships.csv' AS line
CALL (line) {
  MATCH (a:Person {id: line.person_id})
  MATCH (b:Employer {id: line.employer_id})
  MERGE (a)-[r:DIRECTS {key: coalesce(line.role, '') + '|' + coalesce(line.start_date, '')}]->(b)
  SET r.role = line.role, r.start = date(line.start_date), r.end = date(line.end_date)
} IN TRANSACTIONS OF $batch ROWS
