// Rankings (server/views/rankings.ts): one page of a region's scored persons in id order,
// walking the (region, id) index from the previous page's last id (keyset).
// params: $region, $offence, $bands, $afterId, $limit
MATCH (n:Person)
USING RANGE INDEX n:Person(region, id)
WHERE n.region = $region AND n.id > $afterId
  AND n.risk_score IS NOT NULL
  AND ($offence IS NULL OR $offence IN n.risk_offences)
  AND ($bands IS NULL OR n.risk_band IN $bands)
RETURN n.id AS id, null AS name, n.risk_score AS score, n.risk_band AS band, n.risk_rank AS rank,
       n.risk_top_reason AS topReason, n.risk_top_reason_masked AS maskedTopReason,
       coalesce(n.risk_offences, []) AS offences, null AS sector,
       n.region AS region, null AS status, n.risk_scope AS scope, n.risk_model AS model
ORDER BY n.region, n.id
LIMIT $limit
