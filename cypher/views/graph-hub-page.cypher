// Network views: one page of a node's neighbours (a collapsed hub expanded page by page), with
// the same filters as graph-expand (allowed types, active on $asOf, no staff when $hideStaff),
// sorted by id then label so that the pages partition the neighbours: none lost, none twice.
// The page is a top-k of the sorted neighbours (no full sort kept in memory), its relationships
// found from both ends. `total` counts every neighbour; the page holds those from $skip, at
// most $limit.
// params: $element, $types, $hideStaff, $asOf, $skip, $limit
MATCH (n)
WHERE elementId(n) = $element
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  RETURN count(DISTINCT m) AS total
}
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  ORDER BY m.id, labels(m)[0]
  SKIP $skip
  LIMIT $limit
  RETURN collect(m) AS ms
}
CALL (n, ms) {
  // include: views/parts/kept-edges
  ORDER BY m.id, labels(m)[0]
  RETURN collect({
    neighbour: elementId(m),
    edges: [x IN rels | {
      start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
      from: toString(coalesce(x.start, x.first_seen)), to: toString(x.end),
      disc: coalesce(x.id, x.key),
      attributes: x {.contract, .role, .share, .kind, .value}
    }]
  }) AS kept
}
RETURN apoc.convert.toJson({total: total, kept: kept}) AS json
