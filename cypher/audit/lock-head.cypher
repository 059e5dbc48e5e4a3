// Takes the audit trail's head for this transaction: the write lock on the head node makes
// every appender, in every server process, wait its turn, so records are chained one after
// the other. Reads the head after taking the lock (Neo4j's advice against lost updates).
// `present`: the record at $triedSeq belongs to batch $batch, that is, an earlier attempt of
// this transaction committed although its caller saw it fail (the driver then runs it again).
// The head's `at` and `disorder`: as append-after.cypher says.
// params: $genesis, $batch, $triedSeq
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0, h.hash = $genesis, h.disorder = 0
SET h._lock = true
WITH h
RETURN h.seq AS seq, h.hash AS hash, h.at AS at, h.disorder AS disorder,
       EXISTS { MATCH (r:AuditRecord {seq: $triedSeq}) WHERE r.batch = $batch } AS present
