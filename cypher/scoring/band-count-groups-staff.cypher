// Band counts (server/scoring/band-counts.ts): scored officials grouped by office region,
// offences and band, which the scoring run rolls up into (:BandCount) cells.
// params: none
MATCH (n:Staff)
WHERE n.risk_score IS NOT NULL
RETURN null AS sector, n.office_region AS region, coalesce(n.risk_offences, []) AS offences,
       n.risk_band AS band, count(*) AS entities,
       min(n.risk_score) AS low, max(n.risk_score) AS high
