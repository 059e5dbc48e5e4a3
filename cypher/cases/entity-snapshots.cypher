// Cases: the entities a new case concerns, with the risk they carry now (the case keeps it as
// its snapshot) and the open cases that already concern them. Each reference is found through
// its label's id constraint; the type comes from a whitelist (employer, person, staff).
// params: $refs
UNWIND $refs AS ref
CALL (ref) {
  MATCH (n:Employer {id: ref.id}) WHERE ref.type = 'employer' RETURN n
  UNION
  MATCH (n:Person {id: ref.id}) WHERE ref.type = 'person' RETURN n
  UNION
  MATCH (n:Staff {id: ref.id}) WHERE ref.type = 'staff' RETURN n
}
RETURN ref.type AS type, n.id AS id, coalesce(n.name, n.id) AS label,
       n.risk_score AS score, n.risk_band AS band, n.risk_model AS modelVersion,
       n.risk_top_reason AS topReason, n.risk_top_reason_masked AS maskedTopReason,
       n.risk_reasons AS reasons,
       coalesce(n.sector, n.nace) AS sector, coalesce(n.region, n.office_region) AS region,
       [(c:Case)-[:CONCERNS]->(n) WHERE c.status <> 'closed' | c.id] AS openCases
