// Claims the due outbox messages for one dispatcher, oldest first: pending, due by $now, not
// leased by another dispatcher (or its lease has run out), and the earliest pending message of
// its case (a case's later message waits while an earlier one is still pending). The lease
// keeps every other dispatcher off them until $leaseUntil. Run after outbox-lock.cypher in the
// same transaction. $scope is a case-id prefix ('' for all); $exclude, the ids this run has
// already tried.
// params: $now, $leaseUntil, $owner, $scope, $exclude, $limit
MATCH (o:Outbox {status: 'pending'})
WHERE o.next_attempt_at <= datetime($now)
  AND (o.lease_until IS NULL OR o.lease_until <= datetime($now))
  AND o.case_id STARTS WITH $scope
  AND NOT o.id IN $exclude
  AND NOT EXISTS {
    MATCH (e:Outbox {case_id: o.case_id, status: 'pending'})
    WHERE e.created_at < o.created_at OR (e.created_at = o.created_at AND e.id < o.id)
  }
WITH o
ORDER BY o.created_at, o.id
LIMIT $limit
SET o.lease_until = datetime($leaseUntil), o.lease_owner = $owner
RETURN o.id AS id, o.event AS event, o.case_id AS caseId, o.payload AS payload,
       o.attempts AS attempts
ORDER BY o.created_at, o.id
