// Cases: one page of the queue for a filter, newest first ($sort 'newest', by case number) or
// highest snapshot score first ($sort 'score'), after the keyset cursor ($afterScore,
// $afterId). Cases about officials only when $hideStaff is false. A null filter is no filter.
// params: $statuses, $assignee, $bands, $sector, $region, $offence, $origin, $type, $hideStaff, $sort, $afterScore, $afterId, $limit
MATCH (c:Case)
WHERE ($statuses IS NULL OR c.status IN $statuses)
  AND ($assignee IS NULL OR c.assignee = $assignee)
  AND ($bands IS NULL OR c.band IN $bands)
  AND ($sector IS NULL OR c.sector STARTS WITH $sector)
  AND ($region IS NULL OR c.region = $region)
  AND ($offence IS NULL OR c.offence = $offence)
  AND ($origin IS NULL OR c.origin = $origin)
  AND ($type IS NULL OR c.subject_type = $type)
  AND NOT ($hideStaff AND c.has_staff)
  AND ($afterId IS NULL OR
       CASE $sort
         WHEN 'score' THEN coalesce(c.score, -1.0) < $afterScore
                           OR (coalesce(c.score, -1.0) = $afterScore AND c.id < $afterId)
         ELSE c.id < $afterId
       END)
WITH c
ORDER BY CASE $sort WHEN 'score' THEN coalesce(c.score, -1.0) ELSE 0 END DESC, c.id DESC
LIMIT $limit
RETURN c {.*, created_at: toString(c.created_at), updated_at: toString(c.updated_at),
          closed_at: toString(c.closed_at)} AS c,
       [(c)-[:CONCERNS]->(n) |
         CASE WHEN n:Employer THEN 'employer' WHEN n:Staff THEN 'staff' ELSE 'person' END
         + ':' + n.id] AS entities
