// How the query features' pages cover a label (coverPages, query-features.ts), on an in-memory
// id list standing in for Neo4j: every node exactly once, two pages at a time, also when nodes
// are added or removed after the page starts were listed.
import { describe, expect, it } from 'vitest';
import type { PageQuery } from './pages.js';
import { coverPages } from './query-features.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `P${String(i).padStart(3, '0')}`);

/** The starts pageStarts lists: '' and every limit-th id. */
const startsOf = (list: string[], limit: number) => [
  '',
  ...list.filter((_, i) => (i + 1) % limit === 0),
];

/** A page as the feature queries run it: the `limit` ids after `after`, each one written. */
function pagesOver(list: string[], limit: number, written: string[]): PageQuery {
  return async (after) => {
    await new Promise((resolve) => setImmediate(resolve));
    const page = list
      .filter((id) => id > after)
      .sort()
      .slice(0, limit);
    written.push(...page);
    return { rows: page.length, last: page.at(-1) ?? null };
  };
}

describe('query feature pages', () => {
  it.each([10, 9, 11, 1, 0])('covers %i nodes once each, pages of 3, two at a time', async (n) => {
    const list = ids(n);
    const written: string[] = [];
    await coverPages(startsOf(list, 3), { limit: 3, concurrency: 2 }, pagesOver(list, 3, written));
    expect(written.sort()).toEqual(list);
  });

  it('covers nodes added inside a page and after the last, once the starts are listed', async () => {
    const list = ids(12);
    const starts = startsOf(list, 3);
    const added = [...list, 'P0045', 'P0046', 'P0047', 'P999'];
    const written: string[] = [];
    await coverPages(starts, { limit: 3, concurrency: 2 }, pagesOver(added, 3, written));
    expect(new Set(written)).toEqual(new Set(added));
    expect(written).toHaveLength(added.length);
  });

  it('covers every node left when one was removed after listing (a few twice)', async () => {
    const list = ids(12);
    const starts = startsOf(list, 3);
    const removed = list.filter((id) => id !== 'P004');
    const written: string[] = [];
    await coverPages(starts, { limit: 3, concurrency: 2 }, pagesOver(removed, 3, written));
    expect(new Set(written)).toEqual(new Set(removed));
  });

  it('waits for the pages under way after a failure, starts no more, and throws it', async () => {
    const list = ids(30);
    const written: string[] = [];
    const inner = pagesOver(list, 3, written);
    let running = 0;
    let finishedAfterFailure = false;
    let failed = false;
    const page: PageQuery = async (after) => {
      running++;
      try {
        if (after === 'P005') {
          failed = true;
          throw new Error('boom');
        }
        const result = await inner(after);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (failed) finishedAfterFailure = true;
        return result;
      } finally {
        running--;
      }
    };
    await expect(coverPages(startsOf(list, 3), { limit: 3, concurrency: 2 }, page)).rejects.toThrow(
      'boom',
    );
    expect(running).toBe(0);
    expect(finishedAfterFailure).toBe(true);
    expect(written.length).toBeLessThan(list.length);
  });

  it('starts nothing once stopped', async () => {
    const stop = new AbortController();
    stop.abort();
    const written: string[] = [];
    await expect(
      coverPages(
        ['', 'P002'],
        { limit: 3, concurrency: 2, signal: stop.signal },
        pagesOver(ids(6), 3, written),
      ),
    ).rejects.toThrow('stopped');
    expect(written).toEqual([]);
  });
});
