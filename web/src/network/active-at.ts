// The time slider keeps the relations active on a date: started on or before it (or without a
// start) and not ended before it (or without an end). Dates are ISO `YYYY-MM-DD`, which compare
// as strings.

export interface Dated {
  start: string | null;
  end: string | null;
}

export function activeAt(relation: Dated, date: string | null): boolean {
  if (!date) return true;
  return (
    (relation.start === null || relation.start <= date) &&
    (relation.end === null || relation.end >= date)
  );
}

/** The earliest and latest dates of the relations (starts and ends), or null when none has one. */
export function dateSpan(relations: Iterable<Dated>): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const { start, end } of relations) {
    for (const date of [start, end]) {
      if (date === null) continue;
      if (from === null || date < from) from = date;
      if (to === null || date > to) to = date;
    }
  }
  return from !== null && to !== null ? { from, to } : null;
}

const DAY = 86_400_000;

/** Days from the epoch (UTC) of an ISO date, and back: the slider moves in days. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
