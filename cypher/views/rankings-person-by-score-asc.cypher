// Rankings (server/views/rankings.ts): one page of scored persons, lowest score first (ties by
// id), walking the risk_score index upwards from the previous page's last row (keyset) and
// filtering as it goes, no higher than $ceiling (the matches' highest score, from the band
// counts).
// params: $region, $offence, $bands, $afterScore, $afterId, $ceiling, $limit
MATCH (n:Person)
USING RANGE INDEX n:Person(risk_score)
WHERE n.risk_score >= $afterScore AND n.risk_score <= $ceiling
  AND NOT (n.risk_score = $afterScore AND n.id <= $afterId)
  AND ($region IS NULL OR n.region = $region)
  AND ($offence IS NULL OR $offence IN n.risk_offences)
  AND ($bands IS NULL OR n.risk_band IN $bands)
RETURN n.id AS id, null AS name, n.risk_score AS score, n.risk_band AS band, n.risk_rank AS rank,
       n.risk_top_reason AS topReason, n.risk_top_reason_masked AS maskedTopReason,
       coalesce(n.risk_offences, []) AS offences, null AS sector,
       n.region AS region, null AS status, n.risk_scope AS scope, n.risk_model AS model
ORDER BY n.risk_score, n.id
LIMIT $limit
