// The ids of every Community node in the scope, in id order: where the query features' pages
// start (server/analytics/pages.ts), so that several can run at once.
// params: $scope
MATCH (n:Community)
WHERE n.id STARTS WITH $scope
RETURN n.id AS id
ORDER BY id
