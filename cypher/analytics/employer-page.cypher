// Analytics projection: one page of employers (keyset on id) with the facts exposure seeds
// need and their outgoing links.
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
OPTIONAL MATCH (e)-[r:SEATED_AT|HOLDS|USES|SUBCONTRACTS_TO]->(b)
WITH e, collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), target: b.id, start: coalesce(r.start, r.first_seen), end: r.end} END) AS links
RETURN e.id AS id, e.status AS status, e.contribution_debt_eur AS debt, e.ceased_on AS ceasedOn, links
ORDER BY id
