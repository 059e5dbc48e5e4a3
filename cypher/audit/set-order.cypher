// Records how a trail begun before its head kept it runs in time (server/audit/verify-audit.ts,
// measureTrailOrder): the latest time stamped and the most a record was stamped before one it
// follows, measured up to record $seq. Only if the head is still there and still did not know.
// params: $seq, $at, $disorder
OPTIONAL MATCH (h:AuditHead {id: 'audit'})
WHERE h.seq = $seq AND h.disorder IS NULL
SET h.at = $at, h.disorder = $disorder
RETURN h IS NOT NULL AS set
