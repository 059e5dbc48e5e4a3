// Rankings (server/views/rankings.ts): the precomputed band-count cells asked for (the filter's,
// with each band's score window, the type's total, and the region's, sector's and offence's
// alone, which size the indexes a page could be read through) and the time of the most recent load, after which cells written
// earlier may be stale. Cells are found by their key constraint, the last load by an index.
// params: $keys
UNWIND $keys AS key
OPTIONAL MATCH (c:BandCount {key: key})
WITH collect(c {.key, .red, .orange, .green, .blue, .total, .run, at: c.at.epochMillis,
                writtenAt: c.written_at.epochMillis, .red_low, .red_high, .orange_low,
                .orange_high, .green_low, .green_high, .blue_low, .blue_high}) AS cells
CALL () {
  MATCH (r:LoadRun)
  WHERE r.finished_at IS NOT NULL
  RETURN r.finished_at AS loadedAt
  ORDER BY r.finished_at DESC
  LIMIT 1
  UNION ALL
  RETURN null AS loadedAt
}
WITH cells, max(loadedAt) AS loadedAt
RETURN cells, loadedAt.epochMillis AS loadedAt
