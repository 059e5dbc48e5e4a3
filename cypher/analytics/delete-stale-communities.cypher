// Analytics write-back: removes up to $limit communities that the run $run did not write
// (called until it deletes none).
// params: $run, $limit
MATCH (c:Community)
WHERE c.run IS NULL OR c.run <> $run
WITH c
LIMIT $limit
DETACH DELETE c
RETURN count(*) AS deleted
