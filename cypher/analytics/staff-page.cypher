// Analytics projection: one page of officials (keyset on id) and the person each one is.
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (s:Staff)
WHERE s.id > $after AND s.id STARTS WITH $scope
WITH s
ORDER BY s.id
LIMIT $limit
OPTIONAL MATCH (s)-[:IS]->(p:Person)
RETURN s.id AS id, head(collect(p.id)) AS person
ORDER BY id
