// Band counts: one batch of (:BandCount) cells, each the counts per band of one combination of
// entity type, sector level, region and offence ("any" = null), stamped with the scoring run
// and the write's token (cells of an earlier write are deleted by delete-stale-band-counts).
// params: $cells, $run, $at, $token
UNWIND $cells AS cell
MERGE (c:BandCount {key: cell.key})
SET c.type = cell.type, c.sector = cell.sector, c.region = cell.region, c.offence = cell.offence,
    c.red = cell.red, c.orange = cell.orange, c.green = cell.green, c.blue = cell.blue,
    c.total = cell.total, c.run = $run, c.at = datetime($at), c.token = $token,
    c.written_at = datetime()
