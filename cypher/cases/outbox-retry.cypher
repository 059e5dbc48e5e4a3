// A person sends a failed outbox message again: back to pending, due at once, with a fresh
// round of attempts (attempts back to 0; attempts_total, retries, retried_at and retried_by
// keep the history). A message that has not failed is left as it is; `was` says what it was.
// params: $id, $now, $by
MATCH (o:Outbox {id: $id})
WITH o, o.status AS was
CALL (o, was) {
  WITH o
  WHERE was = 'failed'
  SET o.status = 'pending',
      o.attempts = 0,
      o.next_attempt_at = datetime($now),
      o.failed_at = null,
      o.lease_until = null,
      o.lease_owner = null,
      o.retries = coalesce(o.retries, 0) + 1,
      o.retried_at = datetime($now),
      o.retried_by = $by
}
RETURN was, properties(o) AS outbox
