// The ids of every Community node in the scope, in id order: where the query features' pages start
// (server/analytics/query-features.ts), so that several pages can run at once.
// params: $scope
MATCH (n:Community)
WHERE n.id STARTS WITH $scope
RETURN n.id AS id
ORDER BY id
