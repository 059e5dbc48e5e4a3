// Takes the audit trail's head for this transaction: the write lock on the head node makes
// every appender, in every server process, wait its turn, so records are chained one after
// the other. Reads the head after taking the lock (Neo4j's advice against lost updates).
// params: $genesis
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0, h.hash = $genesis
SET h._lock = true
WITH h
RETURN h.seq AS seq, h.hash AS hash
