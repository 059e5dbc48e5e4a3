// Rankings (server/views/rankings.ts): scored officials (internal-fraud unit only; the service
// checks). Officials number in the hundreds or thousands, so all of them are read, filtered
// (region = office region, $q = case-insensitive id prefix), counted per band (all filters but
// the band) and one page sorted by $sort after the previous page's last row (keyset).
// params: $region, $minScore, $offence, $q, $bands, $sort, $afterScore, $afterId, $limit
MATCH (n:Staff)
WHERE n.risk_score IS NOT NULL
  AND ($region IS NULL OR n.office_region = $region)
  AND ($offence IS NULL OR $offence IN n.risk_offences)
  AND ($minScore IS NULL OR n.risk_score >= $minScore)
  AND ($q IS NULL OR toLower(n.id) STARTS WITH $q)
WITH collect(n) AS matched
CALL (matched) {
  UNWIND matched AS n
  WITH n.risk_band AS band, count(*) AS entities
  RETURN collect({band: band, entities: entities}) AS counts
}
CALL (matched) {
  UNWIND matched AS n
  WITH n
  ORDER BY n.risk_at DESC
  LIMIT 1
  RETURN collect({run: n.risk_run, at: n.risk_at.epochMillis}) AS latest
}
CALL (matched) {
  UNWIND matched AS n
  WITH n
  WHERE ($bands IS NULL OR n.risk_band IN $bands)
    AND ($afterId IS NULL OR CASE $sort
      WHEN 'score_desc' THEN n.risk_score < $afterScore OR (n.risk_score = $afterScore AND n.id > $afterId)
      WHEN 'score_asc' THEN n.risk_score > $afterScore OR (n.risk_score = $afterScore AND n.id > $afterId)
      ELSE n.id > $afterId
    END)
  WITH n, CASE $sort WHEN 'score_desc' THEN -n.risk_score WHEN 'score_asc' THEN n.risk_score END AS byScore
  ORDER BY byScore, n.id
  LIMIT $limit
  RETURN collect({id: n.id, name: null, score: n.risk_score, band: n.risk_band, rank: n.risk_rank,
                  topReason: n.risk_top_reason, maskedTopReason: n.risk_top_reason_masked,
                  offences: coalesce(n.risk_offences, []),
                  sector: null, region: n.office_region, status: null, scope: n.risk_scope,
                  model: n.risk_model}) AS items
}
RETURN counts, latest, items
