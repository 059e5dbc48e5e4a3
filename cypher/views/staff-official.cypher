// View (internal fraud): one official by id — unit, office region, risk score, band and top
// reason, the internal-fraud features analytics wrote on the node — with their person and the
// claims they processed that started by $asOf (how many, how many granted: the one part that
// reads every claim of the official, a few thousand; only claims are PROCESSED_BY, so no label
// check). No row when there is no such official.
// params: $staffId, $asOf
MATCH (s:Staff {id: $staffId})
WITH s, date($asOf) AS asOf
CALL (s) {
  OPTIONAL MATCH (s)-[:IS]->(p:Person)
  RETURN p
  ORDER BY p.id
  LIMIT 1
}
CALL (s, asOf) {
  MATCH (c)-[:PROCESSED_BY]->(s)
  WHERE c.start <= asOf
  RETURN count(c) AS processed, count(CASE WHEN c.status = 'granted' THEN c END) AS granted
}
RETURN s.id AS id,
       CASE WHEN p IS NOT NULL THEN {
         label: 'Person', id: p.id, score: p.risk_score, band: p.risk_band, region: p.region,
         municipality: p.municipality, postcode: null, kind: null
       } END AS person,
       s.unit AS unit, s.office_region AS officeRegion,
       s.risk_score AS score, s.risk_band AS band, s.risk_top_reason AS topReason,
       {
         f_linked_claims: s.f_linked_claims,
         f_linked_claim_share: s.f_linked_claim_share,
         f_approval_rate_ratio: s.f_approval_rate_ratio,
         f_exposure: s.f_exposure,
         f_degree_claim_processed_by: s.f_degree_claim_processed_by,
         f_community_size: s.f_community_size,
         f_community_share_fraud: s.f_community_share_fraud
       } AS features,
       s.f_run AS featuresRun, s.f_at AS featuresAt,
       processed, granted
