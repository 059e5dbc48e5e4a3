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
// The head keeps how the trail's times run (`at`, `disorder`: server/audit/audit-record.ts,
// ChainHead): a new trail starts in time order (disorder 0); on one begun before the head kept
// it, it stays null until `ringwatch db migrate` measures it.
// params: $records, $afterSeq, $afterHash, $afterAt, $afterDisorder, $seq, $hash, $at, $disorder, $batch, $genesis
MERGE (h:AuditHead {id: 'audit'})
  ON CREATE SET h.seq = 0, h.hash = $genesis, h.disorder = 0
SET h._lock = true
// The head as last seen includes its times: once `ringwatch db migrate` has measured an older
// trail, a server that saw the head before chains its records again after the measured one.
WITH h, h.seq = $afterSeq AND h.hash = $afterHash AND coalesce(h.at, '') = coalesce($afterAt, '')
        AND coalesce(h.disorder, -1) = coalesce($afterDisorder, -1) AS current
CALL (h, current) {
  WITH h, current WHERE current
  SET h.seq = $seq, h.hash = $hash, h.at = $at, h.disorder = $disorder
  WITH h
  UNWIND $records AS record
  CREATE (r:AuditRecord)
  SET r = record, r.seq = toInteger(record.seq), r.batch = $batch
  RETURN count(r) AS appended
}
REMOVE h._lock
RETURN appended, h.seq AS seq, h.hash AS hash, h.at AS at, h.disorder AS disorder,
       EXISTS {
         MATCH (r:AuditRecord {seq: $seq})
         WHERE r.hash = $hash AND r.batch = $batch
       } AS present
