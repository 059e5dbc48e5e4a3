// The most recent completed load of a data set folder, if any.
// params: $dataset
MATCH (r:LoadRun {dataset: $dataset})
RETURN r.id AS id, r.source AS source, toString(r.extracted_on) AS extractedOn,
       toString(r.finished_at) AS finishedAt, r.read AS read, r.loaded AS loaded, r.rejected AS rejected
ORDER BY r.finished_at DESC
LIMIT 1
