// Cases: the members of a community a case is opened on — how many the viewer may see (no
// officials when $hideStaff) and the $limit of them with the highest risk first, then by id.
// params: $communityId, $hideStaff, $limit
MATCH (c:Community {id: $communityId})
CALL (c) {
  MATCH (m)-[:IN_COMMUNITY]->(c)
  WHERE (m:Employer OR m:Person OR (m:Staff AND NOT $hideStaff))
  WITH m ORDER BY coalesce(m.risk_score, -1.0) DESC, m.id
  RETURN count(m) AS total,
         collect({type: CASE WHEN m:Employer THEN 'employer' WHEN m:Staff THEN 'staff' ELSE 'person' END,
                  id: m.id})[..$limit] AS members
}
RETURN total, members
