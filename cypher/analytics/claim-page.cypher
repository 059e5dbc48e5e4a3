// Analytics projection: one page of benefit claims (keyset on id), each reduced to its
// claimant and the official, account and employer it links the claimant to; its start and end
// as days since 1970-01-01 (null: open).
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (c:Claim)
WHERE c.id > $after AND c.id STARTS WITH $scope
WITH c
ORDER BY c.id
LIMIT $limit
RETURN
  c.id AS id,
  toFloat(duration.inDays(date('1970-01-01'), c.start).days) AS start,
  toFloat(duration.inDays(date('1970-01-01'), c.end).days) AS end,
  [(p:Person)-[:CLAIMED]->(c) | p.id][0] AS person,
  [(c)-[:PROCESSED_BY]->(s:Staff) | s.id][0] AS staff,
  [(c)-[:PAID_TO]->(a:Account) | a.id][0] AS account,
  [(c)-[:RESTS_ON]->(e:Employer) | e.id][0] AS employer
ORDER BY id
