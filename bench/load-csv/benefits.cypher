LOAD CSV WITH HEADERS FROM 'file:///benefits.csv' AS line
CALL (line) {
  MATCH (p:Person {id: line.person_id})
  MERGE (c:Claim {id: line.claim_id})
  SET c.type = line.type, c.start = date(line.start_date), c.end = date(line.end_date),
      c.monthly_amount_eur = toFloat(line.monthly_amount_eur), c.status = line.status, c.channel = line.channel
  MERGE (p)-[:CLAIMED]->(c)
  WITH c, line
  OPTIONAL MATCH (s:Staff {id: line.processed_by})
  OPTIONAL MATCH (a:Account {id: line.paid_to})
  OPTIONAL MATCH (e:Employer {id: line.employer_id})
  FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (c)-[:PROCESSED_BY]->(s))
  FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (c)-[:PAID_TO]->(a))
  FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | MERGE (c)-[:RESTS_ON]->(e))
} IN TRANSACTIONS OF $batch ROWS
