// Older timeline pages against the real test Neo4j, on a hand-made graph (ids `tp-t-`): an
// employer with more jobs than two pages, seven a day (so pages end inside a day) and some
// undated, and subcontracts both ways; one with undated jobs only; a person with claims who is
// also an official. An employer's jobs are paged along the index on (employer, start), then
// its undated ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { entityDetail } from './entity.js';
import {
  TIMELINE_PAGE,
  timelineCursor,
  timelinePage,
  type TimelinePage,
  type TimelinePageInput,
} from './entity-timeline-page.js';
import type { TimelineEvent } from './entity-timeline.js';

const P = 'tp-t-';
const investigator: Viewer = { username: 'ines', role: 'investigator' };
const internal: Viewer = { username: 'ivo', role: 'internal_fraud' };
/** Jobs with a date, seven a day, and undated ones: more than two pages. */
const dated = 2 * TIMELINE_PAGE + 7;
const undated = 3;

describe('older timeline pages', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await db.driver.executeQuery(
      `CREATE (e:Employer {id: $p + 'E1', name: 'Alpha'})
       CREATE (b:Employer {id: $p + 'E2', name: 'Beta'})
       CREATE (g:Employer {id: $p + 'E3', name: 'Gamma'})
       CREATE (u:Employer {id: $p + 'E4', name: 'Undated'})
       FOREACH (i IN range(1, 3) |
         CREATE (:Person {id: $p + 'U' + i})-[:EMPLOYED_BY {employer: u.id}]->(u))
       CREATE (e)-[:SUBCONTRACTS_TO {start: date('2024-02-01'), value: 1000.0}]->(b)
       CREATE (g)-[:SUBCONTRACTS_TO {start: date('2024-03-01'), value: 2000.0}]->(e)
       CREATE (p:Person {id: $p + 'P1'})
       CREATE (s:Staff {id: $p + 'S1'})-[:IS]->(p)
       FOREACH (i IN range(1, 3) |
         CREATE (p)-[:CLAIMED]->(:Claim {id: $p + 'C' + i, type: 'unemployment', status: 'granted',
                                          start: date('2023-01-01') + duration({months: i}),
                                          end: date('2023-01-20') + duration({months: i})}))
       WITH e
       UNWIND range(0, $dated + $undated - 1) AS i
       CREATE (:Person {id: $p + 'W' + i})-[:EMPLOYED_BY {employer: e.id,
         start: CASE WHEN i < $dated THEN date('2020-01-01') + duration({days: i / 7}) END,
         contract: CASE i % 2 WHEN 0 THEN 'full_time' ELSE 'part_time' END,
         hours: 20 + i % 3, wage: 1000.0 + i}]->(e)`,
      { p: P, dated, undated },
    );
  });

  afterAll(async () => {
    await db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    await db.close();
  });

  /** Every page after `cursor`, in order. */
  const pagesFrom = async (
    input: Omit<TimelinePageInput, 'cursor'>,
    cursor: string | null,
  ): Promise<TimelinePage[]> => {
    const pages: TimelinePage[] = [];
    while (cursor !== null) {
      const page = await timelinePage(db, { ...input, cursor }, investigator);
      pages.push(page);
      cursor = page.nextCursor;
    }
    return pages;
  };
  const byRelation = (events: TimelineEvent[], relation: string) =>
    events.filter((e) => e.relation === relation);
  /** Newest first, undated last: the order pages come in. */
  const newestFirst = (events: TimelineEvent[]) =>
    events.every((e, i) => {
      const next = events[i + 1];
      return !next || next.date === null || (e.date !== null && next.date <= e.date);
    });

  it('pages through every job of a big employer once, newest first, undated last', async () => {
    const detail = await entityDetail(db, { type: 'employer', id: `${P}E1` }, investigator);
    const truncated = detail.timelineTruncated.find((t) => t.relation === 'EMPLOYED_BY');
    expect(truncated).toEqual({
      relation: 'EMPLOYED_BY',
      shown: TIMELINE_PAGE,
      total: dated + undated,
      nextCursor: expect.any(String) as string,
    });
    const first = byRelation(detail.timeline, 'EMPLOYED_BY');
    const pages = await pagesFrom(
      { type: 'employer', id: `${P}E1`, relation: 'EMPLOYED_BY' },
      truncated!.nextCursor,
    );
    expect(pages.map((p) => p.events.length)).toEqual([TIMELINE_PAGE, dated + undated - 100]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    const older = pages.flatMap((p) => p.events);
    const ids = [...first, ...older].map((e) => e.other?.id);
    expect(new Set(ids).size).toBe(dated + undated);
    expect(newestFirst(older)).toBe(true);
    expect(older.slice(-undated).map((e) => e.date)).toEqual([null, null, null]);
    // The first page holds the most recent; the pages go on from its oldest.
    const oldestShown = first.map((e) => e.date!).sort()[0]!;
    expect(older[0]!.date! <= oldestShown).toBe(true);

    // From the start, the pages give what the entity's page showed, in the same words.
    const fromStart = await timelinePage(
      db,
      { type: 'employer', id: `${P}E1`, relation: 'EMPLOYED_BY' },
      investigator,
    );
    expect(fromStart.nextCursor).toBe(truncated!.nextCursor);
    expect(sorted(fromStart.events)).toEqual(sorted(first));
    expect(fromStart.events[0]?.summary).toMatch(/^job of tp-t-W\d+ \((full|part) time, 2\d h/);

    // Smaller pages cover the same events; pages of 57 end on the last dated job, pages of 58
    // among the undated ones.
    for (const limit of [7, 57, 58]) {
      const small = await pagesFrom(
        { type: 'employer', id: `${P}E1`, relation: 'EMPLOYED_BY', limit },
        truncated!.nextCursor,
      );
      expect(small.flatMap((p) => p.events)).toEqual(older);
    }
  });

  it('shows an employer’s undated jobs when it has no dated ones', async () => {
    const undated = await entityDetail(db, { type: 'employer', id: `${P}E4` }, investigator);
    expect(undated.timelineTruncated).toEqual([]);
    expect(
      undated.timeline
        .filter((e) => e.relation === 'EMPLOYED_BY')
        .map((e) => [e.date, e.other?.id])
        .sort(),
    ).toEqual([
      [null, `${P}U1`],
      [null, `${P}U2`],
      [null, `${P}U3`],
    ]);
    const pages = await pagesFrom(
      { type: 'employer', id: `${P}E4`, relation: 'EMPLOYED_BY', limit: 2 },
      timelineCursor({ type: 'employer', id: `${P}E4` }, 'EMPLOYED_BY', {
        date: null,
        key: '',
      }),
    );
    expect(pages.map((p) => p.events.length)).toEqual([2, 1]);
    expect(pages.flatMap((p) => p.events.map((e) => e.other?.id)).sort()).toEqual([
      `${P}U1`,
      `${P}U2`,
      `${P}U3`,
    ]);
  });

  it('pages claims, subcontracts either way, and an official’s through the person they are', async () => {
    const person = await entityDetail(db, { type: 'person', id: `${P}P1` }, investigator);
    const claims = await pagesFrom(
      { type: 'person', id: `${P}P1`, relation: 'CLAIMED', limit: 1 },
      timelineCursor({ type: 'person', id: `${P}P1` }, 'CLAIMED', { date: '9999-12-31', key: '' }),
    );
    expect(claims.map((p) => p.events.map((e) => e.date))).toEqual([
      ['2023-04-01'],
      ['2023-03-01'],
      ['2023-02-01'],
    ]);
    expect(sorted(claims.flatMap((p) => p.events))).toEqual(
      sorted(byRelation(person.timeline, 'CLAIMED')),
    );

    const employer = await entityDetail(db, { type: 'employer', id: `${P}E1` }, investigator);
    const subcontracts = await timelinePage(
      db,
      { type: 'employer', id: `${P}E1`, relation: 'SUBCONTRACTS_TO' },
      investigator,
    );
    expect(subcontracts.events.map((e) => e.kind)).toEqual(['contractor', 'subcontract']);
    expect(sorted(subcontracts.events)).toEqual(
      sorted(byRelation(employer.timeline, 'SUBCONTRACTS_TO')),
    );

    const official = { type: 'staff', id: `${P}S1`, relation: 'CLAIMED' } as const;
    const seen = await timelinePage(db, official, internal);
    expect(seen.events).toEqual(
      (await timelinePage(db, { ...official, type: 'person', id: `${P}P1` }, internal)).events,
    );
    await expect(timelinePage(db, official, investigator)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses what it cannot continue, and says when there is nothing older', async () => {
    const employer = { type: 'employer', id: `${P}E1`, relation: 'EMPLOYED_BY' } as const;
    const bad: TimelinePageInput[] = [
      { ...employer, relation: 'CLAIMED' },
      { ...employer, relation: 'KNOWS' as 'IS' },
      { ...employer, cursor: 'not a cursor' },
      { ...employer, cursor: Buffer.from('{"x":1}').toString('base64url') },
      {
        ...employer,
        cursor: timelineCursor(employer, 'DIRECTS', { date: '2024-01-01', key: 'k' }),
      },
      {
        ...employer,
        cursor: timelineCursor(employer, 'EMPLOYED_BY', { date: '2024-13-45', key: 'k' }),
      },
      {
        ...employer,
        cursor: timelineCursor({ ...employer, id: `${P}E2` }, 'EMPLOYED_BY', {
          date: '2024-01-01',
          key: 'k',
        }),
      },
      { ...employer, limit: 0 },
      { ...employer, limit: 201 },
    ];
    for (const input of bad) {
      await expect(timelinePage(db, input, investigator), JSON.stringify(input)).rejects.toThrow(
        BadInputError,
      );
    }
    await expect(
      timelinePage(db, { ...employer, relation: 'CLAIMED' }, investigator),
    ).rejects.toThrow('views: employer timelines have no CLAIMED relations');
    await expect(
      timelinePage(db, { ...employer, id: `${P}nobody` }, investigator),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      timelinePage(db, { ...employer, type: 'person' }, investigator),
    ).rejects.toBeInstanceOf(NotFoundError);
    const past = timelineCursor(employer, 'EMPLOYED_BY', { date: null, key: '~' });
    expect(await timelinePage(db, { ...employer, cursor: past }, investigator)).toEqual({
      type: 'employer',
      id: `${P}E1`,
      relation: 'EMPLOYED_BY',
      events: [],
      nextCursor: null,
    });
  });
});

/** Events in a fixed order, to compare sets. */
function sorted(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
