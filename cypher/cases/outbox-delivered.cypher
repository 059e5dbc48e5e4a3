// The receiver took an outbox message (2xx): delivered. Only the dispatcher holding the lease
// may say so.
// params: $id, $owner, $now, $status
MATCH (o:Outbox {id: $id})
WHERE o.status = 'pending' AND o.lease_owner = $owner
SET o.status = 'delivered',
    o.delivered_at = datetime($now),
    o.attempts = o.attempts + 1,
    o.attempts_total = coalesce(o.attempts_total, 0) + 1,
    o.last_attempt_at = datetime($now),
    o.last_status = $status,
    o.last_error = null,
    o.lease_until = null,
    o.lease_owner = null
RETURN o.id AS id
