// Network views: one page of a node's neighbours (a collapsed hub expanded page by page), with
// the same filters as graph-expand (allowed types, active on $asOf, no staff when $hideStaff),
// sorted by id then label so that the pages partition the neighbours: none lost, none twice.
// `total` counts every neighbour; the page holds those from $skip, at most $limit.
// params: $element, $types, $hideStaff, $asOf, $skip, $limit
MATCH (n)
WHERE elementId(n) = $element
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH m, collect(r) AS rels
  ORDER BY m.id, labels(m)[0]
  WITH collect({m: m, rels: rels}) AS found
  RETURN size(found) AS total, found[$skip..$skip + $limit] AS page
}
RETURN total,
       [k IN page | {
         neighbour: elementId(k.m),
         edges: [x IN k.rels | {
           start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
           from: coalesce(x.start, x.first_seen), to: x.end, disc: coalesce(x.id, x.key),
           attributes: x {.contract, .role, .share, .kind, .value}
         }]
       }] AS kept
