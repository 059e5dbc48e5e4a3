// Labels come only from closed inspections: confirmed (with an offence found) is 1, unfounded is
// 0; pending ones are not labels. An entity inspected several times is labelled by its latest
// closed inspection, once, so it never sits in both the training and the hold-out set.
// Inspections written by closing a case (the feedback loop) carry its caseId; loaded ones have
// none. An entity keeps its latest label of each kind (holdout-split.ts), and training sets
// apart the case labels the model chose itself (label-treatment.ts).
import type { Database } from '../db/database.js';
import { areaOfSubject, type Area } from './areas.js';
import { isoDay } from './intrinsic.js';

export interface Inspection {
  id: string;
  area: Area;
  subjectId: string;
  closedOn: string;
  closedDay: number;
  offence: string;
  confirmed: boolean;
  origin: string;
  /** The case whose closing wrote this inspection; null for a loaded inspection. */
  caseId: string | null;
}

/** Closed inspections with an outcome, of subjects whose id starts with `scope` (default all). */
export async function readInspections(db: Database, scope = ''): Promise<Inspection[]> {
  const rows = await db.read('scoring/labels', { prefix: scope });
  const inspections: Inspection[] = [];
  for (const row of rows) {
    const area = areaOfSubject(row.subjectType);
    if (!area) continue;
    inspections.push({
      id: row.id,
      area,
      subjectId: row.subjectId,
      closedOn: row.closedOn,
      closedDay: isoDay(row.closedOn),
      offence: row.offence,
      confirmed: row.outcome === 'confirmed' && row.offence !== 'none',
      origin: row.origin,
      caseId: row.caseId,
    });
  }
  return inspections;
}

export interface EntityLabel {
  subjectId: string;
  label: 0 | 1;
  closedOn: string;
  closedDay: number;
  origin: string;
  inspectionId: string;
  /** Set when the deciding inspection came from a closed case. */
  caseId: string | null;
}

/**
 * One label per inspected entity of the area: its latest closed inspection (ties broken by
 * inspection id). With `offence`, only inspections for that offence count.
 */
export function entityLabels(
  inspections: readonly Inspection[],
  area: Area,
  offence?: string,
): EntityLabel[] {
  const latest = new Map<string, Inspection>();
  for (const i of inspections) {
    if (i.area !== area || (offence !== undefined && i.offence !== offence)) continue;
    const seen = latest.get(i.subjectId);
    if (
      !seen ||
      i.closedDay > seen.closedDay ||
      (i.closedDay === seen.closedDay && i.id > seen.id)
    ) {
      latest.set(i.subjectId, i);
    }
  }
  return [...latest.values()]
    .map((i): EntityLabel => ({
      subjectId: i.subjectId,
      label: i.confirmed ? 1 : 0,
      closedOn: i.closedOn,
      closedDay: i.closedDay,
      origin: i.origin,
      inspectionId: i.id,
      caseId: i.caseId,
    }))
    .sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
}

/**
 * The time-based split: train on inspections closed before the split date, test on the rest.
 * Without a fixed date, the date is chosen so the latest `holdoutShare` of labels are tested.
 */
export function splitDate(labels: readonly EntityLabel[], holdoutShare: number): string | null {
  if (labels.length < 4) return null;
  const days = labels.map((l) => l.closedOn).sort();
  const cut = Math.min(days.length - 1, Math.floor(days.length * (1 - holdoutShare)));
  return days[cut]!;
}
