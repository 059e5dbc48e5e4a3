// Live hit rates (issue #8): the closed inspections written by closing a case (case_id set),
// counted by subject type, origin, and the model version and band the entity had when its case
// was opened (snapshot_model, snapshot_band); `confirmed` counts those that confirmed an offence
// (outcome confirmed with an offence other than 'none', as the labels count them).
// params: $prefix
MATCH (i:Inspection)-[:OF]->(s)
WHERE i.case_id IS NOT NULL AND s.id STARTS WITH $prefix
  AND i.closed_on IS NOT NULL AND i.outcome IN ['confirmed', 'unfounded']
WITH i.subject_type AS subjectType, i.origin AS origin, i.snapshot_model AS model,
     i.snapshot_band AS band, i.closed_on AS closedOn,
     CASE WHEN i.outcome = 'confirmed' AND coalesce(i.offence, 'none') <> 'none' THEN 1 ELSE 0 END AS hit
RETURN subjectType, origin, model, band, count(*) AS closed, sum(hit) AS confirmed,
       toString(min(closedOn)) AS firstClosed, toString(max(closedOn)) AS lastClosed
ORDER BY subjectType, origin, coalesce(model, ''), coalesce(band, '')
