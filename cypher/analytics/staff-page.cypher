// Analytics projection: one page of officials (keyset on id) and the person each one is.
// params: $after, $limit
MATCH (s:Staff)
WHERE s.id > $after
WITH s
ORDER BY s.id
LIMIT $limit
OPTIONAL MATCH (s)-[:IS]->(p:Person)
RETURN s.id AS id, head(collect(p.id)) AS person
ORDER BY id
