// Band counts: one batch of (:BandCount) cells, each the counts per band of one combination of
// entity type, sector level, region and offence ("any" = null) with each band's lowest and
// highest score (red_low, red_high …), stamped with the scoring run and the write's token (cells
// of an earlier write are deleted by delete-stale-band-counts).
// params: $cells, $run, $at, $token
UNWIND $cells AS cell
MERGE (c:BandCount {key: cell.key})
SET c += cell, c.run = $run, c.at = datetime($at), c.token = $token, c.written_at = datetime()
