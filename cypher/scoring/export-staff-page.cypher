// Scores export: one page of scored Staff nodes (keyset on id).
// params: $after, $limit
MATCH (n:Staff)
WHERE n.id > $after AND n.risk_score IS NOT NULL
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id, n.risk_score AS score, n.risk_band AS band, n.risk_rank AS rank, n.risk_scope AS scope,
       n.risk_model AS model, n.risk_top_reason AS topReason, n.risk_reasons AS reasons,
       coalesce(n.risk_offences, []) AS offences, n.risk_run AS run
ORDER BY id
