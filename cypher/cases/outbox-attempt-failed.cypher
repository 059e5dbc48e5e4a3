// An attempt to deliver an outbox message failed (another status, a time-out, no connection):
// counted, its error kept, and the next attempt set for $nextAttemptAt (back-off with jitter);
// after $maxAttempts attempts the message is 'failed' and waits for a person to retry it.
// Only the dispatcher holding the lease may record it.
// params: $id, $owner, $now, $nextAttemptAt, $status, $error, $maxAttempts
MATCH (o:Outbox {id: $id})
WHERE o.status = 'pending' AND o.lease_owner = $owner
WITH o, o.attempts + 1 AS attempts
WITH o, attempts, attempts >= $maxAttempts AS givenUp
SET o.attempts = attempts,
    o.attempts_total = coalesce(o.attempts_total, 0) + 1,
    o.last_attempt_at = datetime($now),
    o.last_status = $status,
    o.last_error = $error,
    o.status = CASE WHEN givenUp THEN 'failed' ELSE 'pending' END,
    o.failed_at = CASE WHEN givenUp THEN datetime($now) ELSE null END,
    o.next_attempt_at = CASE WHEN givenUp THEN o.next_attempt_at ELSE datetime($nextAttemptAt) END,
    o.lease_until = null,
    o.lease_owner = null
RETURN o.id AS id, o.status AS status, o.attempts AS attempts, o.next_attempt_at AS nextAttemptAt
