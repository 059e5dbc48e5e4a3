// Network views: the neighbours of each given node over the allowed relationship types, active
// on $asOf when given (start ≤ asOf ≤ end, a missing date counting as open; USES dates from
// first_seen), never agency staff when $hideStaff. Neighbours are ranked highest risk first,
// then by id; for each type in $types, the first $cap neighbours over that type are kept (a
// neighbour kept for several types comes once per type: the service keeps it once), with
// every allowed relationship between the node and it. `total` counts distinct neighbours,
// `perType` the neighbours over each type of $types, in order.
// params: $elements, $types, $hideStaff, $asOf, $cap
UNWIND $elements AS element
MATCH (n)
WHERE elementId(n) = element
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH m, collect(r) AS rels
  ORDER BY coalesce(m.risk_score, -1.0) DESC, m.id
  WITH collect({m: m, rels: rels, types: [x IN rels | type(x)]}) AS found
  RETURN size(found) AS total,
         [t IN $types | size([f IN found WHERE t IN f.types])] AS perType,
         reduce(acc = [], t IN $types | acc + [f IN found WHERE t IN f.types][..$cap]) AS kept
}
RETURN element, total, perType,
       [k IN kept | {
         neighbour: elementId(k.m),
         edges: [x IN k.rels | {
           start: elementId(startNode(x)), end: elementId(endNode(x)), type: type(x),
           from: coalesce(x.start, x.first_seen), to: x.end, disc: coalesce(x.id, x.key),
           attributes: x {.contract, .role, .share, .kind, .value}
         }]
       }] AS kept
