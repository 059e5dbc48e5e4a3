// Appends chained records (already hashed) and moves the head to the last one, in the
// transaction that holds the head's lock (lock-head.cypher). Each record carries the id of its
// batch, outside the hash: it only tells a batch's own records apart from an identical batch's.
// params: $records, $seq, $hash, $batch
MATCH (h:AuditHead {id: 'audit'})
SET h.seq = $seq, h.hash = $hash
REMOVE h._lock
WITH h
UNWIND $records AS record
CREATE (r:AuditRecord)
SET r = record, r.seq = toInteger(record.seq), r.batch = $batch
RETURN count(r) AS appended
