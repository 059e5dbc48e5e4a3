// Rankings (server/views/rankings.ts): one page of scored employers in id order, walking the id
// index from the previous page's last id (keyset). With $unnamed, only employers without a
// name: the tail of the by-name order, after every named one.
// params: $sector, $region, $offence, $bands, $unnamed, $afterId, $limit
MATCH (n:Employer)
USING RANGE INDEX n:Employer(id)
WHERE n.id > $afterId
  AND n.risk_score IS NOT NULL
  AND (NOT $unnamed OR n.name IS NULL)
  AND ($sector IS NULL OR n.sector STARTS WITH $sector)
  AND ($region IS NULL OR n.region = $region)
  AND ($offence IS NULL OR $offence IN n.risk_offences)
  AND ($bands IS NULL OR n.risk_band IN $bands)
RETURN n.id AS id, n.name AS name, n.risk_score AS score, n.risk_band AS band, n.risk_rank AS rank,
       n.risk_top_reason AS topReason, n.risk_top_reason_masked AS maskedTopReason,
       coalesce(n.risk_offences, []) AS offences, n.sector AS sector,
       n.region AS region, n.status AS status, n.risk_scope AS scope, n.risk_model AS model
ORDER BY n.id
LIMIT $limit
