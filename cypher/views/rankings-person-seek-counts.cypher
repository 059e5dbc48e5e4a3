// Rankings (server/views/rankings.ts): the band counts of a filter taken live, for filters no
// precomputed cell answers (a text search, a lowest score, a sector prefix that is no NACE
// level) — scored persons found through the index $source names (as rankings-person-seek),
// filtered by everything but the band, counted per band and scoring run as they stream by.
// params: $source, $region, $offence, $idPrefixes, $minScore, $q
CALL () {
  UNWIND CASE WHEN $source = 'region' THEN [$region] ELSE [] END AS region
  MATCH (n:Person) WHERE n.region = region
  RETURN n
  UNION
  UNWIND CASE WHEN $source = 'offence' THEN [$offence] ELSE [] END AS offence
  CALL db.index.fulltext.queryNodes('person_risk_offences', '"' + offence + '"') YIELD node
  RETURN node AS n
  UNION
  UNWIND CASE WHEN $source = 'search' THEN $idPrefixes ELSE [] END AS prefix
  MATCH (n:Person) WHERE n.id STARTS WITH prefix
  RETURN n
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
WITH n.risk_band AS band, n.risk_run AS run, count(*) AS entities, max(n.risk_at) AS at
RETURN band, run, entities, at.epochMillis AS at
