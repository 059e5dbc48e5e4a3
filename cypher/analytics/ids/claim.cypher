// The ids of every Claim node in the scope, in id order: where the projection's pages start
// (server/analytics/pages.ts), so that several pages can be read at once.
// params: $scope
MATCH (n:Claim)
WHERE n.id STARTS WITH $scope
RETURN n.id AS id
ORDER BY id
