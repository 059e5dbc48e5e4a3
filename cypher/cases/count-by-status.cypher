// Cases: how many cases of each status match a filter (the queue's tabs), with the same
// filters as list except the status.
// params: $assignee, $bands, $sector, $region, $offence, $origin, $type, $hideStaff
MATCH (c:Case)
WHERE ($assignee IS NULL OR c.assignee = $assignee)
  AND ($bands IS NULL OR c.band IN $bands)
  AND ($sector IS NULL OR c.sector STARTS WITH $sector)
  AND ($region IS NULL OR c.region = $region)
  AND ($offence IS NULL OR c.offence = $offence)
  AND ($origin IS NULL OR c.origin = $origin)
  AND ($type IS NULL OR c.subject_type = $type)
  AND NOT ($hideStaff AND c.has_staff)
RETURN c.status AS status, count(c) AS cases
