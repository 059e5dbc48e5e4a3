// The extraction date (manifest's extracted_on) of the most recently finished load: the day
// the data describes, which an analysis measures ages from unless told otherwise.
// params: none
MATCH (r:LoadRun)
WHERE r.extracted_on IS NOT NULL
RETURN toString(r.extracted_on) AS extractedOn
ORDER BY r.finished_at DESC
LIMIT 1
