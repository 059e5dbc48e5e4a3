// Rankings (server/views/rankings.ts): scored persons found through one index — $source says
// which: a region, an offence (full-text index on risk_offences), an id search (id prefixes in
// every case, then matched exactly, case-insensitively, against $q) or a lowest score — then
// filtered, counted per band (all filters but the band) and one page sorted by $sort after the previous page's last row
// (keyset). Chosen when the matches are few, or when counts must be taken live. Each UNWIND is
// empty unless its source is chosen, so only one index is read.
// params: $source, $region, $idPrefixes, $minScore, $offence, $q, $bands, $sort, $afterScore, $afterId, $limit
CALL () {
  UNWIND CASE WHEN $source = 'region' THEN [$region] ELSE [] END AS region
  MATCH (n:Person) WHERE n.region = region
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'search' THEN $idPrefixes ELSE [] END AS prefix
  MATCH (n:Person) WHERE n.id STARTS WITH prefix
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'offence' THEN [$offence] ELSE [] END AS offence
  CALL db.index.fulltext.queryNodes('person_risk_offences', '"' + offence + '"') YIELD node
  RETURN node AS n
  UNION
  UNWIND CASE WHEN $source = 'score' THEN [coalesce($minScore, 0.0)] ELSE [] END AS lowest
  MATCH (n:Person) WHERE n.risk_score >= lowest
  RETURN n
}
WITH n
WHERE n.risk_score IS NOT NULL
  AND ($region IS NULL OR n.region = $region)
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
                  topReason: n.risk_top_reason, offences: coalesce(n.risk_offences, []),
                  sector: null, region: n.region, status: null, scope: n.risk_scope,
                  model: n.risk_model}) AS items
}
RETURN counts, latest, items
