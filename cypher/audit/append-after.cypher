// Appends chained records in one statement when the trail's head is still the one they were
// chained after ($afterSeq, $afterHash: the head as this process last saw it). The head is
// locked first (the write), then read (lock-head.cypher says why); when it has moved on
// (another process appended), nothing is written and the head read under the lock comes back,
// for the caller to chain the records again after it. Each record carries its batch's id,
// outside the hash: it only tells a batch's own records apart from an identical batch's. The
// locked transaction runs it too, after lock-head.cypher. `present`: the batch's last record is
// in the trail, written now or by an earlier run of this statement whose commit a failure hid
// (the data layer runs it again after a transient error); the id tells it from an identical
// batch another server wrote.
// params: $records, $afterSeq, $afterHash, $seq, $hash, $batch, $genesis
MERGE (h:AuditHead {id: 'audit'})
  ON CREATE SET h.seq = 0, h.hash = $genesis
SET h._lock = true
WITH h, h.seq = $afterSeq AND h.hash = $afterHash AS current
CALL (h, current) {
  WITH h, current WHERE current
  SET h.seq = $seq, h.hash = $hash
  WITH h
  UNWIND $records AS record
  CREATE (r:AuditRecord)
  SET r = record, r.seq = toInteger(record.seq), r.batch = $batch
  RETURN count(r) AS appended
}
REMOVE h._lock
RETURN appended, h.seq AS seq, h.hash AS hash,
       EXISTS {
         MATCH (r:AuditRecord {seq: $seq})
         WHERE r.hash = $hash AND r.batch = $batch
       } AS present
