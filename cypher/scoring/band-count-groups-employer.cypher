// Band counts (server/scoring/band-counts.ts): scored employers grouped by sector, region,
// offences and band, which the scoring run rolls up into (:BandCount) cells. Reads the
// risk_score index, one pass.
// params: none
MATCH (n:Employer)
WHERE n.risk_score IS NOT NULL
RETURN n.sector AS sector, n.region AS region, coalesce(n.risk_offences, []) AS offences,
       n.risk_band AS band, count(*) AS entities,
       min(n.risk_score) AS low, max(n.risk_score) AS high
