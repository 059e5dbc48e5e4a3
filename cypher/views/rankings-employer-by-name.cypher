// Rankings (server/views/rankings.ts): one page of scored, named employers in name order (ties
// by id), walking the range index on name from the previous page's last row (keyset). Employers
// without a name follow, in id order (rankings-employer-by-id with $unnamed).
// params: $sector, $region, $offence, $bands, $afterName, $afterId, $limit
MATCH (n:Employer)
USING RANGE INDEX n:Employer(name)
WHERE n.name >= $afterName
  AND NOT (n.name = $afterName AND n.id <= $afterId)
  AND n.risk_score IS NOT NULL
  AND ($sector IS NULL OR n.sector STARTS WITH $sector)
  AND ($region IS NULL OR n.region = $region)
  AND ($offence IS NULL OR $offence IN n.risk_offences)
  AND ($bands IS NULL OR n.risk_band IN $bands)
RETURN n.id AS id, n.name AS name, n.risk_score AS score, n.risk_band AS band, n.risk_rank AS rank,
       n.risk_top_reason AS topReason, n.risk_top_reason_masked AS maskedTopReason,
       coalesce(n.risk_offences, []) AS offences, n.sector AS sector,
       n.region AS region, n.status AS status, n.risk_scope AS scope, n.risk_model AS model
ORDER BY n.name, n.id
LIMIT $limit
