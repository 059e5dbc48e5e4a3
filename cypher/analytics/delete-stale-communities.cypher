// Analytics write-back: removes up to $limit communities that the run $run did not write
// (called until it deletes none).
// Only communities whose id starts with $scope (empty: all).
// params: $scope, $run, $limit
MATCH (c:Community)
WHERE (c.run IS NULL OR c.run <> $run) AND c.id STARTS WITH $scope
WITH c
LIMIT $limit
DETACH DELETE c
RETURN count(*) AS deleted
