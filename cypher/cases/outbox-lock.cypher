// Takes the outbox's claim lock for this transaction: the write lock on this one node makes
// every dispatcher, in every `ringwatch serve`, claim in turn, so the claim that follows in the
// same transaction (outbox-claim.cypher) reads the leases the others have committed.
// params: none
MERGE (l:OutboxLock {id: 'outbox'})
SET l._lock = true
REMOVE l._lock
RETURN l.id AS id
