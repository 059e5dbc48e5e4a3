// Analytics projection: one page of persons (keyset on id, never SKIP) with their outgoing
// links, each a list [type, target id, start day, end day]: days since 1970-01-01 as floats,
// null when open (a contact's first_seen stands in for a start). Lists of numbers, not maps of
// dates, which took most of this process's time in a projection of 11 M links.
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (p:Person)
WHERE p.id > $after AND p.id STARTS WITH $scope
WITH p
ORDER BY p.id
LIMIT $limit
OPTIONAL MATCH (p)-[r:EMPLOYED_BY|WORKS_FOR_CLIENT|DIRECTS|LIVES_AT|HOUSEHOLD|HOLDS|USES]->(b)
WITH p, r, b, date('1970-01-01') AS epoch
WITH p, collect(CASE WHEN r IS NULL THEN null ELSE
         [type(r), b.id, toFloat(duration.inDays(epoch, coalesce(r.start, r.first_seen)).days),
          toFloat(duration.inDays(epoch, r.end).days)] END) AS links
RETURN p.id AS id, links
ORDER BY id
