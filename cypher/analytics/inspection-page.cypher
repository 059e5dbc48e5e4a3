// Analytics projection: one page of inspections (keyset on id) with their subject, for the
// exposure seeds (confirmed fraud).
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (i:Inspection)
WHERE i.id > $after AND i.id STARTS WITH $scope
WITH i
ORDER BY i.id
LIMIT $limit
OPTIONAL MATCH (i)-[:OF]->(s)
WITH i, head(collect(s)) AS s
RETURN
  i.id AS id,
  i.outcome AS outcome,
  i.offence AS offence,
  i.closed_on AS closedOn,
  CASE WHEN s:Employer THEN 'Employer' WHEN s:Person THEN 'Person' WHEN s:Staff THEN 'Staff' END AS subjectLabel,
  s.id AS subject
ORDER BY id
