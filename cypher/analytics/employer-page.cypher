// Analytics projection: one page of employers (keyset on id) with the facts exposure seeds
// and the community aggregates need, their outgoing links, as lists (analytics/person-page.cypher), and which of their seats
// are domiciliation addresses (linking no company to another: neighbour-counts.ts).
// Only ids starting with $scope (empty: all), so that an analysis can be confined to a prefix.
// params: $scope, $after, $limit
MATCH (e:Employer)
WHERE e.id > $after AND e.id STARTS WITH $scope
WITH e
ORDER BY e.id
LIMIT $limit
OPTIONAL MATCH (e)-[r:SEATED_AT|HOLDS|USES|SUBCONTRACTS_TO]->(b)
WITH e, r, b, date('1970-01-01') AS epoch
WITH e, collect(CASE WHEN r IS NULL THEN null ELSE
         [type(r), b.id, toFloat(duration.inDays(epoch, coalesce(r.start, r.first_seen)).days),
          toFloat(duration.inDays(epoch, r.end).days)] END) AS links
RETURN e.id AS id, e.status AS status, e.contribution_debt_eur AS debt, e.ceased_on AS ceasedOn,
       e.sector AS sector, links,
       [(e)-[:SEATED_AT]->(a:Address) WHERE a.kind = 'domiciliation' | a.id] AS domiciliations
ORDER BY id
