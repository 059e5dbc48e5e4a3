// GDS engine: projects into the GDS catalog, as graph $graph, the same graph each algorithm sees
// in-process. The links are those of the in-process projection (cypher/analytics/*-page.cypher:
// persons' and employers' outgoing links, officials as persons, each claim reduced to
// claimant–official, claimant–account and claimant–employer links), each named by its link
// kind (link-kinds.ts). Every projection-spec.ts entry in $specs becomes one relationship type
// ({type, hubs, weights: link kind → weight}), undirected, with property `weight`: the spec's
// weight of the kind times the hub treatment (keep: 1; cut: 0 when either end is a hub; damp:
// the product of the ends' damping factors in $hubs, node key → factor, hubs only). A link of
// weight 0 (kind not in the spec, cut, self-loop) projects its ends as nodes only, so that
// every algorithm sees the same nodes, as in-process. Every person, employer and official is a
// node even without links. Node keys (`Label:id`) use the first of $labels a node carries.
// params: $graph, $specs, $hubs, $labels
CALL () {
  MATCH (s:Person)-[r:EMPLOYED_BY|WORKS_FOR_CLIENT|DIRECTS|LIVES_AT|HOUSEHOLD|HOLDS|USES]->(t)
  RETURN s, t, CASE type(r) WHEN 'HOLDS' THEN 'PERSON_HOLDS' WHEN 'USES' THEN 'PERSON_USES' ELSE type(r) END AS kind
  UNION ALL
  MATCH (s:Employer)-[r:SEATED_AT|HOLDS|USES|SUBCONTRACTS_TO]->(t)
  RETURN s, t, CASE type(r) WHEN 'HOLDS' THEN 'EMPLOYER_HOLDS' WHEN 'USES' THEN 'EMPLOYER_USES' ELSE type(r) END AS kind
  UNION ALL
  MATCH (s:Staff)-[:IS]->(t:Person)
  RETURN s, t, 'IS' AS kind
  UNION ALL
  MATCH (s:Person)-[:CLAIMED]->(:Claim)-[r:PROCESSED_BY|PAID_TO|RESTS_ON]->(t)
  RETURN s, t, 'CLAIM_' + type(r) AS kind
  UNION ALL
  MATCH (s)
  WHERE s:Person OR s:Employer OR s:Staff
  RETURN s, null AS t, null AS kind
}
WITH s, t, kind,
     head([l IN labels(s) WHERE l IN $labels]) + ':' + s.id AS sk,
     head([l IN labels(t) WHERE l IN $labels]) + ':' + t.id AS tk
WITH s, t, kind, coalesce($hubs[sk], 1.0) AS ds, coalesce($hubs[tk], 1.0) AS dt,
     $hubs[sk] IS NOT NULL OR $hubs[tk] IS NOT NULL AS touchesHub
UNWIND $specs AS spec
WITH s, t, spec.type AS type,
     CASE WHEN t IS NULL OR s = t THEN 0.0
          ELSE coalesce(spec.weights[kind], 0.0) *
               CASE spec.hubs WHEN 'keep' THEN 1.0 WHEN 'cut' THEN CASE WHEN touchesHub THEN 0.0 ELSE 1.0 END ELSE ds * dt END
     END AS weight
UNWIND CASE WHEN weight > 0 THEN [[s, t]] WHEN t IS NULL THEN [[s, null]] ELSE [[s, null], [t, null]] END AS pair
WITH pair[0] AS source, pair[1] AS target, type, weight
WITH gds.graph.project(
  $graph,
  source,
  target,
  CASE WHEN target IS NULL THEN {} ELSE {relationshipType: type, relationshipProperties: {weight: weight}} END,
  {undirectedRelationshipTypes: ['*']}
) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships, g.projectMillis AS millis
