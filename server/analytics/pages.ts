// Pages of a label's nodes known in advance, so that several can be read or written at once:
// the keyset walk (each page starting after the last id of the one before) runs one query at a
// time, on one of Neo4j's cores. The projection reads its pages two at a time and adds them to
// the graph in id order (so the graph is the same whatever order they arrive in); the query
// features write theirs side by side (query-features.ts).
import type { Database } from '../db/database.js';
import type { PageIdQueryName } from '../db/feature-queries.js';

/** The labels whose ids can be listed in order (cypher/analytics/ids/). */
export type PagedLabel = 'Person' | 'Employer' | 'Staff' | 'Community' | 'Claim' | 'Inspection';

const idQueries: Record<PagedLabel, PageIdQueryName> = {
  Person: 'analytics/ids/person',
  Employer: 'analytics/ids/employer',
  Staff: 'analytics/ids/staff',
  Community: 'analytics/ids/community',
  Claim: 'analytics/ids/claim',
  Inspection: 'analytics/ids/inspection',
};

export function isPagedLabel(label: string): label is PagedLabel {
  return Object.hasOwn(idQueries, label);
}

/**
 * Where each page of `limit` nodes of the label starts: '' and then every `limit`-th id, so
 * that page i holds the ids after starts[i] up to starts[i + 1] (the last page: to the end).
 */
export async function pageStarts(
  db: Database,
  label: PagedLabel,
  scope: string,
  limit: number,
): Promise<string[]> {
  const starts = [''];
  await db.stream(idQueries[label], { scope }, (row, index) => {
    if ((index + 1) % limit === 0) starts[(index + 1) / limit] = row.id;
  });
  return starts;
}

/**
 * Reads the pages that start at `starts` (pageStarts), up to `concurrency` at once, and hands
 * them to `onPage` in order, each exactly once. `fetch(after)` reads at most `limit` rows with
 * ids after `after`, in id order. A page whose range gained nodes since the ids were listed
 * walks on to the next page's start; rows past it (nodes deleted meanwhile) are left to the
 * next page, so no row is handed over twice. Returns the queries run. After a failure no page
 * starts, those under way are waited for, and the first failure is thrown.
 */
export async function forEachPageInOrder<R extends { id: string }>(
  starts: readonly string[],
  limit: number,
  concurrency: number,
  fetch: (after: string) => Promise<R[]>,
  onPage: (rows: R[]) => void,
): Promise<number> {
  let queries = 0;
  const inFlight = Math.max(1, concurrency);
  // The first failure: once there is one, no page starts and none walks on.
  let failure: { error: unknown } | undefined;
  const readPage = async (i: number): Promise<R[]> => {
    const end = starts[i + 1];
    const rows: R[] = [];
    const query = async (after: string) => {
      const page = await fetch(after);
      queries++;
      for (const row of page) if (end === undefined || row.id <= end) rows.push(row);
      return { rows: page.length, last: page.at(-1)?.id ?? null };
    };
    await walkPage(starts[i]!, end, limit, query, () => {
      if (failure !== undefined) throw failure.error;
    });
    return rows;
  };
  const reading = new Map<number, Promise<R[]>>(); // page index → its rows, once read
  const startReading = (i: number) => {
    if (i >= starts.length || failure !== undefined) return;
    const page = readPage(i);
    // Awaited in turn below; meanwhile its failure stops the other pages.
    void page.catch((error: unknown) => (failure ??= { error }));
    reading.set(i, page);
  };
  try {
    for (let i = 0; i < inFlight; i++) startReading(i);
    for (let i = 0; i < starts.length; i++) {
      const rows = await reading.get(i)!;
      reading.delete(i);
      startReading(i + inFlight);
      onPage(rows);
    }
  } catch (error) {
    failure ??= { error };
    await Promise.allSettled(reading.values());
    throw failure.error;
  }
  return queries;
}

/** One query of a page: how many nodes it held and its last id (null when none). */
export type PageQuery = (
  after: string,
) => Promise<{ rows: number; last: string | null } | undefined>;

/**
 * Walks one page: the ids after `start` up to `end` (undefined: on to the last id), `limit`
 * at a time. One query, unless nodes were added in that range since the ids were listed (then
 * it walks on). `beforeEach` runs before every query and may throw to stop the walk.
 */
export async function walkPage(
  start: string,
  end: string | undefined,
  limit: number,
  query: PageQuery,
  beforeEach: () => void = () => undefined,
): Promise<void> {
  let after: string | null = start;
  while (after !== null) {
    beforeEach();
    const result = await query(after);
    const full = result !== undefined && result.rows === limit && result.last !== null;
    after = full && (end === undefined || result.last! < end) ? result.last : null;
  }
}
