// Waits until every index is online (after a migration created some).
// params: $timeoutSeconds
CALL db.awaitIndexes($timeoutSeconds)
