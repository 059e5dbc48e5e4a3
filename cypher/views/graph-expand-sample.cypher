// Network views: a sample of the neighbours of nodes too big to rank (a payroll bureau with
// tens of thousands of workers): for each allowed relationship type, the first $cap neighbours
// in storage order, read through that type's relationships only (a dense node keeps them per
// type), so the cost does not grow with the node's degree. Same filters and row shape as
// graph-expand, without `total` and `perType` (the service takes them from the degree store)
// and without the node's own details (the service has them from the expansion that found the
// node too big): its kept neighbours' come along, unless the view has them ($inView).
// params: $elements, $types, $hideStaff, $asOf, $cap, $degreesAbove, $inView
UNWIND $elements AS element
MATCH (n)
WHERE elementId(n) = element
CALL (n) {
  MATCH (n)-[r:EMPLOYED_BY]-(m)
  WHERE 'EMPLOYED_BY' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:WORKS_FOR_CLIENT]-(m)
  WHERE 'WORKS_FOR_CLIENT' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:DIRECTS]-(m)
  WHERE 'DIRECTS' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:LIVES_AT]-(m)
  WHERE 'LIVES_AT' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:SEATED_AT]-(m)
  WHERE 'SEATED_AT' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:HOUSEHOLD]-(m)
  WHERE 'HOUSEHOLD' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:HOLDS]-(m)
  WHERE 'HOLDS' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:USES]-(m)
  WHERE 'USES' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:SUBCONTRACTS_TO]-(m)
  WHERE 'SUBCONTRACTS_TO' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:CLAIMED]-(m)
  WHERE 'CLAIMED' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:PROCESSED_BY]-(m)
  WHERE 'PROCESSED_BY' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:PAID_TO]-(m)
  WHERE 'PAID_TO' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:RESTS_ON]-(m)
  WHERE 'RESTS_ON' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:IS]-(m)
  WHERE 'IS' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:OF]-(m)
  WHERE 'OF' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:CONCERNS]-(m)
  WHERE 'CONCERNS' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
  UNION
  MATCH (n)-[r:IN_COMMUNITY]-(m)
  WHERE 'IN_COMMUNITY' IN $types AND NOT ($hideStaff AND m:Staff)
    AND ($asOf IS NULL OR (coalesce(r.start, r.first_seen, date($asOf)) <= date($asOf)
                          AND coalesce(r.end, date($asOf)) >= date($asOf)))
  WITH DISTINCT m
  LIMIT $cap
  RETURN m
}
WITH element, n, collect(m) AS ms
CALL (n, ms) {
  // include: views/parts/kept-edges
  OPTIONAL CALL (m) {
    WITH m AS n WHERE NOT elementId(n) IN $inView
    // include: views/parts/node-details
    RETURN details
  }
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
RETURN apoc.convert.toJson({element: element, kept: kept}) AS json
