// The day an analysis is as of: what it is told, else the extraction date of the most recent
// load (the manifest's extracted_on, recorded on its LoadRun), else today. Measuring from the
// extraction date matters: "bankrupt within 3 years" or a link's age counted from today would
// drift away from the data as the data set ages.
import type { Database } from '../db/database.js';

export async function analysisDate(db: Database, asOf: string | undefined, now: Date) {
  if (asOf !== undefined) return asOf;
  const [latest] = await db.read('analytics/latest-extraction', {});
  return latest?.extractedOn ?? now.toISOString().slice(0, 10);
}
