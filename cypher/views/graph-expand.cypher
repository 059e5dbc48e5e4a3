// Network views: the neighbours of each given node over the allowed relationship types, active
// on $asOf when given (start ≤ asOf ≤ end, a missing date counting as open; USES dates from
// first_seen), never agency staff when $hideStaff. For each type, the first $cap neighbours
// over it, highest risk first, then by element id (a fixed order, if not a meaningful one:
// reading every neighbour's id to order ties cost an employer with 1,466 neighbours half its
// expansion), are kept, with every allowed relationship between the node and each of them
// (found from both ends: Expand(Into)). `total` counts distinct neighbours, `perType` the
// neighbours over each type. Every neighbour is read once to rank them: with $rankLimit, a node
// with more relationships than that is not ranked (`ranked` false, no `total`, `perType` or
// `kept`), and the service samples it (graph-expand-sample) or ranks it by the types asked for
// (server/views/neighbourhood.ts).
// With each node and each kept neighbour, its details as graph-node-details gives them (a round
// trip less for the view), unless the view has them already ($inView: null details).
// The nodes are given by element id ($elements) or by `Label:id` key ($keys: views/parts/
// key-lookup), in that order. With $rankLimit, there is no row at all if a key names no node:
// the start nodes of a view are resolved and expanded in one round trip unless a key misses.
// params: $elements, $keys, $rankLimit, $types, $hideStaff, $asOf, $cap, $degreesAbove, $inView
CALL () {
  UNWIND $elements AS element
  MATCH (n)
  WHERE elementId(n) = element
  RETURN n
  UNION ALL
  UNWIND $keys AS key
  CALL (key) {
    // include: views/parts/key-lookup
  }
  RETURN n
}
WITH n, CASE WHEN $rankLimit IS NULL THEN 0 ELSE COUNT { (n)--() } END AS degree
WITH collect({n: n, degree: degree}) AS found
WHERE $rankLimit IS NULL OR size(found) = size($keys) + size($elements)
UNWIND found AS f
WITH f.n AS n, elementId(f.n) AS element, $rankLimit IS NULL OR f.degree <= $rankLimit AS ranked
OPTIONAL CALL (n) {
  WITH n WHERE NOT elementId(n) IN $inView
  // include: views/parts/node-details
  // Named apart from the neighbours' `details` below, which would otherwise shadow it.
  RETURN details AS nodeDetails
}
CALL (n, ranked) {
  WITH n WHERE ranked
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT type(r) AS t, m
  ORDER BY coalesce(m.risk_score, -1.0) DESC, elementId(m)
  WITH t, collect(m) AS ms
  WITH collect({type: t, count: size(ms)}) AS perType, collect(ms[..$cap]) AS tops,
       collect(ms) AS byType
  // Distinct over the types, from the lists in hand: reading the relationships again for the
  // count cost a big employer's expansion an eighth more.
  RETURN perType, tops, COUNT { UNWIND byType AS ms UNWIND ms AS m RETURN DISTINCT m } AS total
}
CALL (n, tops) {
  UNWIND tops AS top
  UNWIND top AS m
  WITH n, collect(DISTINCT m) AS ms
  // include: views/parts/kept-edges
  OPTIONAL CALL (m) {
    WITH m AS n WHERE NOT elementId(n) IN $inView
    // include: views/parts/node-details
    RETURN details
  }
  WITH m, rels, details
  ORDER BY coalesce(m.risk_score, -1.0) DESC, elementId(m)
  RETURN collect({
    neighbour: elementId(m),
    details: details,
    edges: [x IN rels | {
      start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
      from: toString(coalesce(x.start, x.first_seen)), to: toString(x.end),
      disc: coalesce(x.id, x.key),
      attributes: x {.contract, .role, .share, .kind, .value}
    }]
  }) AS kept
}
// Not ranked, the subquery above read nothing and its counts say nothing: null.
RETURN apoc.convert.toJson({element: element, details: nodeDetails, ranked: ranked,
                            total: CASE WHEN ranked THEN total END,
                            perType: CASE WHEN ranked THEN perType END, kept: kept}) AS json
