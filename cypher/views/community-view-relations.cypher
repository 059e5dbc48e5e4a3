// Network views: the relations among the given community members, each found once from its
// start node (a member's outgoing relationships only, so a big employer's workers are not
// read from its side).
// params: $members
UNWIND $members AS element
MATCH (a)
WHERE elementId(a) = element
MATCH (a)-[r]->(b)
WHERE type(r) IN ['EMPLOYED_BY', 'WORKS_FOR_CLIENT', 'DIRECTS', 'HOUSEHOLD', 'SUBCONTRACTS_TO', 'IS']
  AND elementId(b) IN $members
RETURN {
  start: element, end: elementId(b), type: type(r),
  from: toString(r.start), to: toString(r.end), disc: coalesce(r.id, r.key),
  attributes: r {.contract, .role, .share, .kind, .value}
} AS edge
