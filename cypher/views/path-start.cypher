// Shortest paths (server/views/path-search.ts): the two ends, named by `Label:id` keys ($keys:
// from, then to; views/parts/key-lookup), with their degrees, and the search's first level from
// the end with fewer relationships, `from` on a tie (the one path-search expands first; `near`,
// 0 or 1), in one round trip: the level's rows as [to, rel, degree] (path-expand's columns;
// `from` is that end), at most $limit. No row at all if a key names no node: the service then
// says which.
// params: $keys, $types, $asOf, $avoidHubs, $hideStaff, $limit
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL (key) {
  // include: views/parts/key-lookup
}
WITH i, n
ORDER BY i
WITH collect({n: n, degree: COUNT { (n)--() }}) AS found
WHERE size(found) = size($keys)
WITH found, [f IN found | elementId(f.n)] AS ends,
     CASE WHEN found[0].degree <= found[1].degree THEN 0 ELSE 1 END AS near
CALL (found, ends, near) {
  WITH found[near].n AS n, ends
  // include: views/parts/path-level
  WITH elementId(m) AS to, elementId(r) AS rel, COUNT { (m)--() } AS degree
  LIMIT $limit
  RETURN collect([to, rel, degree]) AS reached
}
RETURN ends, [f IN found | f.degree] AS degrees, near, reached
