LOAD CSV WITH HEADERS FROM 'file:///contacts.csv' AS line
CALL (line) {
  OPTIONAL MATCH (hp:Person {id: line.holder_id}) WHERE line.holder_type = 'person'
  OPTIONAL MATCH (he:Employer {id: line.holder_id}) WHERE line.holder_type = 'employer'
  WITH line, coalesce(hp, he) AS holder WHERE holder IS NOT NULL
  MERGE (c:Contact {id: line.channel + ':' + line.value_hash})
  SET c.channel = line.channel, c.value_hash = line.value_hash
  MERGE (holder)-[r:USES]->(c)
  SET r.first_seen = date(line.first_seen)
} IN TRANSACTIONS OF $batch ROWS
