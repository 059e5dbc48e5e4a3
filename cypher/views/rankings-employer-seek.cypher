// Rankings (server/views/rankings.ts): one page of scored employers found through one index —
// $source says which: a region, a sector prefix, a band, an offence (full-text index on
// risk_offences), a text search (id prefixes in every case and name substrings, then matched
// exactly, case-insensitively, against $q), or a lowest score — filtered, sorted by $sort after
// the previous page's last row (keyset). Chosen when the candidates are few, or when the band
// counts are taken live (rankings-employer-seek-counts). Each UNWIND is empty unless its source
// is chosen, so only one index is read; the page is the top of a sort (memory for the page only).
// params: $source, $sector, $region, $bands, $offence, $idPrefixes, $nameParts, $minScore, $q, $sort, $afterScore, $afterName, $afterId, $limit
CALL () {
  UNWIND CASE WHEN $source = 'region' THEN [$region] ELSE [] END AS region
  MATCH (n:Employer) WHERE n.region = region
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'sector' THEN [$sector] ELSE [] END AS sector
  MATCH (n:Employer) WHERE n.sector STARTS WITH sector
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'band' THEN $bands ELSE [] END AS band
  MATCH (n:Employer) WHERE n.risk_band = band
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'offence' THEN [$offence] ELSE [] END AS offence
  CALL db.index.fulltext.queryNodes('employer_risk_offences', '"' + offence + '"') YIELD node
  RETURN node AS n
  UNION
  UNWIND CASE WHEN $source = 'search' THEN $idPrefixes ELSE [] END AS prefix
  MATCH (n:Employer) WHERE n.id STARTS WITH prefix
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'search' THEN $nameParts ELSE [] END AS part
  MATCH (n:Employer) WHERE n.name CONTAINS part
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'score' THEN [coalesce($minScore, 0.0)] ELSE [] END AS lowest
  MATCH (n:Employer) WHERE n.risk_score >= lowest
  RETURN n
}
WITH n
WHERE n.risk_score IS NOT NULL
  AND ($sector IS NULL OR n.sector STARTS WITH $sector)
  AND ($region IS NULL OR n.region = $region)
  AND ($offence IS NULL OR $offence IN n.risk_offences)
  AND ($minScore IS NULL OR n.risk_score >= $minScore)
  AND ($q IS NULL OR toLower(n.id) STARTS WITH $q OR toLower(n.name) CONTAINS $q)
  AND ($bands IS NULL OR n.risk_band IN $bands)
  AND ($afterId IS NULL OR CASE $sort
      WHEN 'score_desc' THEN n.risk_score < $afterScore OR (n.risk_score = $afterScore AND n.id > $afterId)
      WHEN 'score_asc' THEN n.risk_score > $afterScore OR (n.risk_score = $afterScore AND n.id > $afterId)
      WHEN 'name' THEN CASE WHEN $afterName IS NULL THEN n.name IS NULL AND n.id > $afterId
        ELSE n.name > $afterName OR (n.name = $afterName AND n.id > $afterId) OR n.name IS NULL END
      ELSE n.id > $afterId
    END)
WITH n,
     CASE $sort WHEN 'score_desc' THEN -n.risk_score WHEN 'score_asc' THEN n.risk_score END AS byScore,
     CASE $sort WHEN 'name' THEN n.name END AS byName
ORDER BY byScore, byName, n.id
LIMIT $limit
RETURN n.id AS id, n.name AS name, n.risk_score AS score, n.risk_band AS band, n.risk_rank AS rank,
       n.risk_top_reason AS topReason, n.risk_top_reason_masked AS maskedTopReason,
       coalesce(n.risk_offences, []) AS offences, n.sector AS sector,
       n.region AS region, n.status AS status, n.risk_scope AS scope, n.risk_model AS model
