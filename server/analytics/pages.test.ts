// How the projection reads its pages (forEachPageInOrder, pages.ts), on an in-memory id list
// standing in for Neo4j: every row exactly once and in id order, however the pages' replies
// overtake each other, also when nodes are added or removed after the page starts were listed.
import { describe, expect, it } from 'vitest';
import { forEachPageInOrder } from './pages.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `P${String(i).padStart(3, '0')}`);

/** The starts pageStarts lists: '' and every limit-th id. */
const startsOf = (list: string[], limit: number) => [
  '',
  ...list.filter((_, i) => (i + 1) % limit === 0),
];

/** A page read: the `limit` ids after `after`, replies delayed so that later pages come first. */
function reader(list: string[], limit: number, inFlight = { now: 0, most: 0 }) {
  let calls = 0;
  return async (after: string) => {
    inFlight.now++;
    inFlight.most = Math.max(inFlight.most, inFlight.now);
    const delay = [7, 1, 4, 0, 2][calls++ % 5]!;
    await new Promise((resolve) => setTimeout(resolve, delay));
    inFlight.now--;
    return list
      .filter((id) => id > after)
      .sort()
      .slice(0, limit)
      .map((id) => ({ id }));
  };
}

async function walk(list: string[], starts: string[], limit = 3, concurrency = 2) {
  const seen: string[] = [];
  const inFlight = { now: 0, most: 0 };
  const queries = await forEachPageInOrder(
    starts,
    limit,
    concurrency,
    reader(list, limit, inFlight),
    (rows) => seen.push(...rows.map((row) => row.id)),
  );
  return { seen, queries, most: inFlight.most };
}

describe('pages read side by side, handed over in order', () => {
  it.each([10, 9, 11, 1, 0])('hands over %i rows once each in id order', async (n) => {
    const list = ids(n);
    const { seen, most } = await walk(list, startsOf(list, 3));
    expect(seen).toEqual(list);
    if (n > 3) expect(most).toBe(2);
  });

  it('keeps to the concurrency asked for', async () => {
    const list = ids(40);
    expect((await walk(list, startsOf(list, 3), 3, 1)).most).toBe(1);
    expect((await walk(list, startsOf(list, 3), 3, 4)).most).toBe(4);
    expect((await walk(list, startsOf(list, 3), 3, 0)).seen).toEqual(list);
  });

  it('reads nodes added inside a page and after the last, once the starts are listed', async () => {
    const list = ids(12);
    const added = [...list, 'P0045', 'P0046', 'P0047', 'P999'].sort();
    const { seen, queries } = await walk(added, startsOf(list, 3));
    expect(seen).toEqual(added);
    expect(queries).toBeGreaterThan(startsOf(list, 3).length);
  });

  it('hands no row over twice when nodes were removed after listing', async () => {
    const list = ids(12);
    const removed = list.filter((id) => id !== 'P004' && id !== 'P007');
    const { seen } = await walk(removed, startsOf(list, 3));
    expect(seen).toEqual(removed);
  });

  it('waits for the pages under way after a failure, starts no more, and throws it', async () => {
    const list = ids(30);
    const read = reader(list, 3);
    let started = 0;
    let settledAfterFailure = 0;
    let failed = false;
    const fetch = async (after: string) => {
      started++;
      if (after === 'P008') {
        failed = true;
        throw new Error('database gone');
      }
      const rows = await read(after);
      if (failed) settledAfterFailure++;
      return rows;
    };
    const handed: string[] = [];
    const walking = forEachPageInOrder(startsOf(list, 3), 3, 2, fetch, (rows) =>
      handed.push(...rows.map((row) => row.id)),
    );
    await expect(walking).rejects.toThrow('database gone');
    const startedAtFailure = started;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(startedAtFailure);
    expect(handed).toEqual(list.slice(0, 9));
    expect(settledAfterFailure).toBeLessThanOrEqual(1);
  });

  it('stops when handing a page over fails, once the page under way is read', async () => {
    const list = ids(30);
    let inFlight = 0;
    const read = reader(list, 3);
    const fetch = async (after: string) => {
      inFlight++;
      try {
        return await read(after);
      } finally {
        inFlight--;
      }
    };
    const walking = forEachPageInOrder(startsOf(list, 3), 3, 2, fetch, (rows) => {
      if (rows[0]?.id === 'P003') throw new Error('bad row');
    });
    await expect(walking).rejects.toThrow('bad row');
    expect(inFlight).toBe(0);
  });

  it('stops a page walking on through added nodes once another page has failed', async () => {
    const list = ids(12);
    const starts = startsOf(list, 3);
    // Page 0 (up to P002) gained 30 nodes: it walks on, three at a time.
    const added = [...list, ...Array.from({ length: 30 }, (_, i) => `P001-${i}`)].sort();
    const read = reader(added, 3);
    let failed = false;
    let fetchesAfterFailure = 0;
    const fetch = async (after: string) => {
      if (failed) fetchesAfterFailure++;
      if (after === starts[1]) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        failed = true;
        throw new Error('database gone');
      }
      return read(after);
    };
    await expect(forEachPageInOrder(starts, 3, 2, fetch, () => undefined)).rejects.toThrow(
      'database gone',
    );
    expect(fetchesAfterFailure).toBeLessThanOrEqual(1);
  });
});
