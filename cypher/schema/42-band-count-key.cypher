// Rankings read their band counts from precomputed cells, one per key (server/scoring/band-counts.ts).
// params: none
CREATE CONSTRAINT band_count_key IF NOT EXISTS FOR (n:BandCount) REQUIRE n.key IS UNIQUE
