// Takes the outbox's claim lock for this transaction: the write lock on this one node makes
// every claim and every change of a message's status or lease, by every dispatcher in every
// `ringwatch serve`, run in turn, so a claim (outbox-claim.cypher) reads no message half-way
// through another's change (server/cases/outbox/outbox-lock.ts).
// params: none
MERGE (l:OutboxLock {id: 'outbox'})
SET l._lock = true
REMOVE l._lock
RETURN l.id AS id
