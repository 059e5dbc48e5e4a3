// Records a completed load: which folder, which extraction, when, and what it counted.
// params: $id, $dataset, $source, $extractedOn, $read, $loaded, $rejected, $seconds, $rejectsPath
MERGE (r:LoadRun {id: $id})
SET r.dataset = $dataset, r.source = $source, r.extracted_on = date($extractedOn),
    r.finished_at = datetime(), r.read = $read, r.loaded = $loaded, r.rejected = $rejected,
    r.seconds = $seconds, r.rejects_path = $rejectsPath
