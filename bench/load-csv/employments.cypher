LOAD CSV WITH HEADERS FROM 'file:///employments.csv' AS line
CALL (line) {
  MATCH (a:Person {id: line.person_id})
  MATCH (b:Employer {id: line.employer_id})
  MERGE (a)-[r:EMPLOYED_BY {id: line.employment_id}]->(b)
  SET r.start = date(line.start_date), r.end = date(line.end_date), r.contract = line.contract, r.hours = toFloat(line.weekly_hours), r.wage = toFloat(line.monthly_wage_eur), r.employer = line.employer_id
} IN TRANSACTIONS OF $batch ROWS
