// The extraction date of the most recently loaded data set: the day scores are measured from.
// params: none
MATCH (r:LoadRun)
RETURN toString(r.extracted_on) AS extractedOn
ORDER BY r.finished_at DESC
LIMIT 1
