// The communities of the previous analytics run, one page (keyset on id) with their members,
// to keep community ids stable across runs.
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (c:Community)
WHERE c.id > $after AND c.id STARTS WITH $scope
WITH c
ORDER BY c.id
LIMIT $limit
OPTIONAL MATCH (n)-[:IN_COMMUNITY]->(c)
WITH c, collect(CASE WHEN n:Person THEN 'Person' WHEN n:Employer THEN 'Employer' WHEN n:Staff THEN 'Staff' END + ':' + n.id) AS members
RETURN c.id AS id, members
ORDER BY id
