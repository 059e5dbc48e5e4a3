// The ids of every Person node in the scope, in id order: where the pages of the projection and
// of the query features start (server/analytics/pages.ts), so that several can run at once.
// params: $scope
MATCH (n:Person)
WHERE n.id STARTS WITH $scope
RETURN n.id AS id
ORDER BY id
