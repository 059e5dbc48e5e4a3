// Network views: what links two or more of the given community members, read from each member
// outwards: an address, account or contact they use, an account their claims are paid to (the
// claim comes with it), and a claim leading from its claimant to another member (the employer
// it rests on, the official who processed it). One row per connector used by at least two
// members, with each member's link to it. No staff when $hideStaff.
// params: $members, $hideStaff
UNWIND $members AS element
MATCH (a)
WHERE elementId(a) = element
CALL (a, element) {
  MATCH (a)-[r:LIVES_AT|SEATED_AT|HOLDS|USES]->(x)
  WHERE x:Address OR x:Account OR x:Contact
  RETURN x, element AS member, [] AS via, [r] AS rels
  UNION ALL
  MATCH (a)-[c:CLAIMED]->(cl:Claim)-[r:PAID_TO]->(x:Account)
  RETURN x, element AS member, [elementId(cl)] AS via, [c, r] AS rels
  UNION ALL
  MATCH (a)-[c:CLAIMED]->(x:Claim)-[r:RESTS_ON|PROCESSED_BY]->(b)
  WHERE elementId(b) IN $members AND NOT ($hideStaff AND b:Staff)
  UNWIND [{member: element, rel: c}, {member: elementId(b), rel: r}] AS link
  RETURN x, link.member AS member, [] AS via, [link.rel] AS rels
}
WITH x, collect(DISTINCT member) AS linked,
     collect({member: member, via: via, edges: [e IN rels | {
       start: elementId(startNode(e)), end: elementId(endNode(e)), type: type(e),
       from: toString(coalesce(e.start, e.first_seen)), to: toString(e.end),
       disc: coalesce(e.id, e.key),
       attributes: e {.contract, .role, .share, .kind, .value}
     }]}) AS links
WHERE size(linked) >= 2
RETURN elementId(x) AS connector, links
