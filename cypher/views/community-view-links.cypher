// Network views: what links the given community members, read from each member outwards so
// that nothing but the members' own relations is expanded: relations to other members (each
// found once, from its start node), the addresses, accounts and contacts each member uses, and
// each member's claims with where they lead (the account paid to, the employer the claim rests
// on, the official who processed it). The service keeps the resources and claims that link two
// members or more. No staff when $hideStaff.
// params: $members, $hideStaff
UNWIND $members AS element
MATCH (a)
WHERE elementId(a) = element
CALL (a) {
  MATCH (a)-[r]->(b)
  WHERE elementId(b) IN $members
    AND type(r) IN ['EMPLOYED_BY', 'WORKS_FOR_CLIENT', 'DIRECTS', 'HOUSEHOLD', 'SUBCONTRACTS_TO', 'IS']
  RETURN collect({
    start: elementId(a), end: elementId(b), type: type(r),
    from: r.start, to: r.end, disc: coalesce(r.id, r.key),
    attributes: r {.contract, .role, .share, .kind, .value}
  }) AS direct
}
CALL (a) {
  MATCH (a)-[r:LIVES_AT|SEATED_AT|HOLDS|USES]->(x)
  WHERE x:Address OR x:Account OR x:Contact
  RETURN collect({
    resource: elementId(x),
    edge: {
      start: elementId(a), end: elementId(x), type: type(r),
      from: coalesce(r.start, r.first_seen), to: r.end, disc: coalesce(r.id, r.key),
      attributes: r {.contract, .role, .share, .kind, .value}
    }
  }) AS resources
}
CALL (a) {
  MATCH (a)-[c:CLAIMED]->(cl:Claim)-[r:PAID_TO|RESTS_ON|PROCESSED_BY]->(x)
  WHERE NOT ($hideStaff AND x:Staff)
  RETURN collect({
    claim: elementId(cl), target: elementId(x),
    claimed: {start: elementId(a), end: elementId(cl), type: 'CLAIMED', from: null, to: null,
              disc: null, attributes: {}},
    edge: {start: elementId(cl), end: elementId(x), type: type(r), from: null, to: null,
           disc: null, attributes: {}}
  }) AS claims
}
RETURN element, direct, resources, claims
