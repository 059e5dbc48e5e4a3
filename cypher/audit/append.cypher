// Appends chained records (already hashed) and moves the head to the last one, in the
// transaction that holds the head's lock (lock-head.cypher).
// params: $records, $seq, $hash
MATCH (h:AuditHead {id: 'audit'})
SET h.seq = $seq, h.hash = $hash
REMOVE h._lock
WITH h
UNWIND $records AS record
CREATE (r:AuditRecord)
SET r = record, r.seq = toInteger(record.seq)
RETURN count(r) AS appended
