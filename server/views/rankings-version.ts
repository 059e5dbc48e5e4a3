// What the rankings were computed from, as one string (server/api/answer-cache.ts keeps pages
// under it): the token of each entity type's total band-count cell, which every scoring run
// rewrites once an area's scores are written, and the time of the most recent load.
import type { Database } from '../db/database.js';
import { areaSubject } from '../scoring/areas.js';
import { bandCountKey } from '../scoring/band-counts.js';

const totalKeys = Object.values(areaSubject).map((type) =>
  bandCountKey({ type, sector: null, region: null, offence: null }),
);

export async function rankingsVersion(db: Database): Promise<string> {
  const [row] = await db.read('views/rankings-version', { keys: totalKeys });
  return JSON.stringify([row?.tokens ?? [], row?.loadedAt ?? null]);
}
