// Gives back the leases a dispatcher still holds on messages it did not try (it is stopping),
// so another dispatcher may send them at once instead of when the lease runs out.
// params: $ids, $owner
MATCH (o:Outbox)
WHERE o.id IN $ids AND o.lease_owner = $owner
SET o.lease_until = null, o.lease_owner = null
RETURN count(o) AS released
