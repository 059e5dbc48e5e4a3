// View (internal fraud), one official in one read: the as-of date ($asOf, else the extraction
// date of the latest load as in analytics/latest-extraction, else today); the official — unit,
// office region, risk score, band and top reason, the internal-fraud features analytics wrote —
// and their person; the claims they processed that started by then, counted (all of them: the
// one part that reads every claim of the official, a few thousand) and granted; and the
// processed claims whose claimant is linked to the official's person, each with every candidate
// link — the links of f_linked_claims and f_staff_proximity (cypher/analytics/features/): a
// simple path of 1–3 HOUSEHOLD, LIVES_AT or HOLDS links, each started by the as-of date, no hub
// on the way; the official as the claimant (unless the official is a hub); a payment into an
// account the official holds. The links start at the official's person and expand outward (a
// small neighbourhood, at most $maxPaths paths: `pathCount` tells), then keep the claims of the
// persons reached that this official processed: never a walk from each of their claims. Which
// paths were in force during a claim is decided by the service (server/views/staff-links.ts).
// A path's nodes come as {label, id, display properties} (never a protected attribute), its
// links as {type, forward (stored from the node before it), start, end, key, kind}. No row when
// there is no such official.
// params: $staffId, $asOf, $maxPaths
MATCH (s:Staff {id: $staffId})
CALL () {
  OPTIONAL MATCH (r:LoadRun)
  WHERE r.extracted_on IS NOT NULL
  RETURN r.extracted_on AS extractedOn
  ORDER BY r.finished_at DESC
  LIMIT 1
}
WITH s, coalesce(date($asOf), date(extractedOn), date()) AS asOf
CALL (s) {
  OPTIONAL MATCH (s)-[:IS]->(p:Person)
  RETURN p AS official
  ORDER BY p.id
  LIMIT 1
}
// Only claims are PROCESSED_BY: no label check on the official's thousands of claims.
CALL (s, asOf) {
  OPTIONAL MATCH (c)-[:PROCESSED_BY]->(s)
  WHERE c.start <= asOf
  RETURN count(c) AS processed, count(CASE WHEN c.status = 'granted' THEN c END) AS granted
}
CALL (official, asOf) {
  MATCH path = (official)-[:HOUSEHOLD|LIVES_AT|HOLDS*1..3]-(q:Person)
  WHERE all(n IN nodes(path) WHERE NOT coalesce(n.f_hub, false))
    AND all(r IN relationships(path) WHERE coalesce(r.start, asOf) <= asOf)
    AND all(i IN range(1, length(path)) WHERE NOT nodes(path)[i] IN nodes(path)[..i])
  WITH q, path
  LIMIT $maxPaths
  WITH q, collect(path) AS paths
  RETURN collect({q: q, paths: paths}) AS near, sum(size(paths)) AS pathCount
}
CALL (s, official, asOf, near) {
  CALL (s, official, asOf, near) {
    WITH official, near
    WHERE official IS NOT NULL
    UNWIND near + CASE WHEN coalesce(official.f_hub, false) THEN [] ELSE [{q: official, paths: []}] END AS reached
    WITH reached.q AS q, reached.paths AS paths
    MATCH (q)-[:CLAIMED]->(c:Claim)
    WHERE c.start <= asOf AND (c)-[:PROCESSED_BY]->(s)
    RETURN c, q AS claimant, paths, [] AS accounts
    UNION ALL
    WITH official
    WHERE official IS NOT NULL
    MATCH (official)-[:HOLDS]->(a:Account)<-[:PAID_TO]-(c:Claim)
    WHERE c.start <= asOf AND (c)-[:PROCESSED_BY]->(s)
    MATCH (claimant:Person)-[:CLAIMED]->(c)
    RETURN c, claimant, [] AS paths, [a] AS accounts
  }
  WITH official, c, claimant, collect(paths) AS pathLists, collect(accounts) AS accountLists
  ORDER BY c.id
  RETURN collect({
    claimId: c.id, type: c.type, start: c.start, end: c.end, status: c.status,
    amount: c.monthly_amount_eur,
    claimant: {id: claimant.id, score: claimant.risk_score, band: claimant.risk_band,
               region: claimant.region, municipality: claimant.municipality},
    self: claimant = official,
    paths: [p IN reduce(acc = [], ps IN pathLists | acc + ps) | {
      nodes: [n IN nodes(p) | {
        label: CASE WHEN n:Person THEN 'Person' WHEN n:Address THEN 'Address'
                    WHEN n:Account THEN 'Account' ELSE 'Employer' END,
        id: n.id, score: n.risk_score, band: n.risk_band, region: n.region,
        municipality: n.municipality, postcode: n.postcode, kind: n.kind
      }],
      links: [i IN range(0, length(p) - 1) | {
        type: type(relationships(p)[i]),
        forward: startNode(relationships(p)[i]) = nodes(p)[i],
        start: relationships(p)[i].start, end: relationships(p)[i].end,
        key: relationships(p)[i].key, kind: relationships(p)[i].kind
      }]
    }],
    accounts: [a IN reduce(acc = [], accs IN accountLists | acc + accs) | {id: a.id}]
  }) AS claims
}
RETURN toString(asOf) AS asOf, s.id AS id,
       CASE WHEN official IS NOT NULL THEN {
         label: 'Person', id: official.id, score: official.risk_score, band: official.risk_band,
         region: official.region, municipality: official.municipality, postcode: null, kind: null
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
       processed, granted, claims, pathCount
