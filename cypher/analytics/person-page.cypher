// Analytics projection: one page of persons (keyset on id, never SKIP) with their outgoing
// links. Dates come back as dates; a contact's first_seen stands in for a start.
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
OPTIONAL MATCH (p)-[r:EMPLOYED_BY|WORKS_FOR_CLIENT|DIRECTS|LIVES_AT|HOUSEHOLD|HOLDS|USES]->(b)
WITH p, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), target: b.id, start: coalesce(r.start, r.first_seen), end: r.end} END) AS links
RETURN p.id AS id, links
ORDER BY id
