// Reads the counts behind the live hit rates (evaluation/live.ts): the closed inspections that
// closing a case wrote, per area, origin, snapshot model version and snapshot band.
import type { Database } from '../db/database.js';
import { AREAS, type Area, type CaseOutcomeCount } from './evaluation/index.js';

const isArea = (s: string): s is Area => (AREAS as readonly string[]).includes(s);

/** Counts of closed case inspections of subjects whose id starts with `scope` (default all). */
export async function readCaseOutcomes(db: Database, scope = ''): Promise<CaseOutcomeCount[]> {
  const rows = await db.read('scoring/case-outcomes', { prefix: scope });
  const counts: CaseOutcomeCount[] = [];
  for (const { subjectType, ...row } of rows) {
    if (isArea(subjectType)) counts.push({ area: subjectType, ...row });
  }
  return counts;
}
