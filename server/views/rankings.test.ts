// Rankings against the real test Neo4j, on a hand-made scored population (ids `rk-t-`, regions
// `rk-t-R1`/`rk-t-R2` and NACE sections Z and Y that no other data uses, so the precomputed
// band counts of those cells are ours alone). Every query is asked through each way a page can
// be read (walk along the index, seek through region, sector or score) and must come out the
// same; paging crosses ties in score and the end of the named employers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Viewer } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { BadInputError, ForbiddenError } from '../errors.js';
import { writeBandCounts } from '../scoring/band-counts.js';
import { encodeCursor, type RankingsQueryInput } from './rankings-input.js';
import {
  countsFit,
  planRankings,
  walkPlan,
  type RankingsPlan,
  type SeekSource,
} from './rankings-plan.js';
import { rankings, RankingsSchema, type Rankings } from './rankings.js';

const P = 'rk-t-';
const R1 = `${P}R1`;
const R2 = `${P}R2`;
const investigator: Viewer = { username: 'ines', role: 'investigator' };
const internal: Viewer = { username: 'ivo', role: 'internal_fraud' };
const AT = '2025-06-01T10:00:00.000Z';

// id, name, sector, region, status, score, band, rank, offences
const employers: [
  string,
  string | null,
  string,
  string,
  string,
  number | null,
  string,
  number,
  string[],
][] = [
  ['E01', 'Alpha Bouw', 'Z98.76', R1, 'active', 0.9, 'red', 1, ['phoenix']],
  ['E02', 'beta Clean', 'Z98.76', R1, 'bankrupt', 0.9, 'red', 2, ['phoenix', 'undeclared_work']],
  ['E03', 'Gamma', 'Z98.11', R1, 'active', 0.75, 'orange', 3, []],
  ['E04', 'Delta BOUW', 'Z98.11', R2, 'active', 0.75, 'orange', 4, ['undeclared_work']],
  ['E05', null, 'Z98.76', R2, 'dormant', 0.75, 'orange', 5, ['phoenix']],
  ['E06', 'Epsilon', 'Y11.00', R1, 'active', 0.4, 'green', 6, []],
  ['E07', 'Zeta', 'Y11.00', R2, 'liquidated', 0.4, 'green', 7, ['phoenix']],
  ['E08', 'Eta', 'Z98.76', R1, 'active', 0.1, 'blue', 8, []],
  ['E09', 'Theta', 'Z98.76', R2, 'active', 0.1, 'blue', 9, []],
  ['E10', null, 'Y11.00', R1, 'active', 0.05, 'blue', 10, []],
  ['E11', 'Iota', 'Z98.76', R1, 'active', null, 'blue', 0, []], // never scored
];
// id, region, score, band, offences
const persons: [string, string, number | null, string, string[]][] = [
  ['P1', R1, 0.8, 'red', ['benefit_fraud']],
  ['P2', R1, 0.8, 'red', []],
  ['P3', R1, 0.3, 'green', []],
  ['P4', R2, 0.6, 'orange', ['identity_fraud']],
  ['P5', R2, 0.01, 'blue', []],
  ['P6', R1, null, 'blue', []],
];
const staff: [string, string, number, string, string[]][] = [
  ['S1', R1, 0.7, 'red', ['internal_fraud']],
  ['S2', R1, 0.2, 'blue', []],
  ['S3', R2, 0.5, 'orange', []],
];

type Way = 'plan' | 'walk' | SeekSource;
const ways: Way[] = ['plan', 'walk', 'region', 'sector', 'band', 'offence', 'score', 'search'];

/** Forces one way of reading a page, where that way can answer the query. */
function forced(way: Way): typeof planRankings {
  return (query, position, counts) => {
    if (way === 'plan' || query.type === 'staff') return planRankings(query, position, counts);
    if (way === 'walk') {
      return counts && countsFit(query)
        ? walkPlan(query, position, counts)
        : planRankings(query, position, counts);
    }
    const usable =
      (way === 'region' && query.region !== undefined) ||
      (way === 'sector' && query.sector !== undefined) ||
      (way === 'offence' && query.offence !== undefined) ||
      (way === 'band' && query.band !== undefined) ||
      (way === 'search' && query.q !== undefined) ||
      way === 'score';
    return usable
      ? ({ read: 'seek', source: way } satisfies RankingsPlan)
      : planRankings(query, position, counts);
  };
}

const ids = (r: Rankings) => r.items.map((i) => i.id.slice(P.length));

describe('rankings (real Neo4j)', () => {
  let db: Database;

  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    await db.driver.executeQuery(cypher, params, { database: db.connection.database });
  };

  /** Fresh band counts, as a scoring run leaves them. */
  const recount = async () => {
    for (const area of ['employer', 'beneficiary', 'internal'] as const) {
      await writeBandCounts(db, area, { run: 'rk-t-run', at: AT });
    }
  };

  /** All pages of a query read one way, checking each way agrees with the first. */
  async function pages(input: RankingsQueryInput, viewer = investigator) {
    let first: Rankings[] | undefined;
    for (const way of ways) {
      const got: Rankings[] = [];
      let cursor: string | undefined;
      do {
        const page = await rankings(db, { ...input, cursor }, viewer, forced(way));
        expect(RankingsSchema.parse(page)).toEqual(page); // what the route returns
        got.push(page);
        cursor = page.nextCursor ?? undefined;
        if (got.length > 20) throw new Error('paging does not end');
      } while (cursor);
      const shape = got.map((p) => ({ ids: ids(p), counts: p.counts, more: !!p.nextCursor }));
      if (!first) first = got;
      else
        expect(shape, `read by ${way}`).toEqual(
          first.map((p) => ({ ids: ids(p), counts: p.counts, more: !!p.nextCursor })),
        );
    }
    return first!;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await run(`MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P });
    await run(
      `UNWIND $rows AS r
       CREATE (e:Employer {id: $p + r[0], sector: r[2], region: r[3], status: r[4]})
       SET e.name = r[1]
       WITH e, r WHERE r[5] IS NOT NULL
       SET e.risk_score = r[5], e.risk_band = r[6], e.risk_rank = r[7], e.risk_offences = r[8],
           e.risk_top_reason = 'reason of ' + r[0], e.risk_top_reason_masked = 'reason of ' + r[0],
           e.risk_scope = 'all', e.risk_model = 'rules',
           e.risk_run = 'rk-t-run', e.risk_at = datetime($at)`,
      { rows: employers, p: P, at: AT },
    );
    await run(
      `UNWIND $rows AS r
       CREATE (n:Person {id: $p + r[0], region: r[1], sex: 'F'})
       WITH n, r WHERE r[2] IS NOT NULL
       SET n.risk_score = r[2], n.risk_band = r[3], n.risk_rank = 1, n.risk_offences = r[4],
           n.risk_scope = 'all', n.risk_model = 'm1', n.risk_run = 'rk-t-run', n.risk_at = datetime($at)`,
      { rows: persons, p: P, at: AT },
    );
    await run(
      `UNWIND $rows AS r
       CREATE (n:Staff {id: $p + r[0], office_region: r[1], unit: 'sickness',
                        risk_score: r[2], risk_band: r[3], risk_rank: 1, risk_offences: r[4],
                        risk_scope: 'all', risk_model: 'rules', risk_run: 'rk-t-staff-run',
                        risk_at: datetime($at)})`,
      { rows: staff, p: P, at: AT },
    );
    await recount();
  });

  afterAll(async () => {
    await run(`MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n`, { p: P });
    await recount();
    await db.close();
  });

  it('reads a page each way through its own query', async () => {
    const names: string[] = [];
    const transaction = db.transaction.bind(db);
    const spy = vi.spyOn(db, 'transaction').mockImplementation((mode, work) =>
      transaction(mode, (run) =>
        work((name, params) => {
          names.push(name);
          return run(name, params);
        }),
      ),
    );
    const queried = async (way: Way, input: RankingsQueryInput) => {
      names.length = 0;
      await rankings(db, input, investigator, forced(way));
      return names.filter((n) => n !== 'views/band-counts');
    };
    expect(await queried('walk', { region: R1 })).toEqual([
      'views/rankings-employer-by-score-desc',
    ]);
    expect(await queried('walk', { region: R1, sort: 'score_asc' })).toEqual([
      'views/rankings-employer-by-score-asc',
    ]);
    expect(await queried('walk', { region: R1, sort: 'name' })).toEqual([
      'views/rankings-employer-by-name',
      'views/rankings-employer-in-region-by-id',
    ]);
    expect(await queried('walk', { sector: 'Z', sort: 'name' })).toEqual([
      'views/rankings-employer-by-name',
      'views/rankings-employer-by-id',
    ]);
    expect(await queried('walk', { type: 'person', region: R1, sort: 'id' })).toEqual([
      'views/rankings-person-in-region-by-id',
    ]);
    expect(await queried('walk', { type: 'person', q: 'x', sort: 'id' })).toEqual([
      'views/rankings-person-seek',
      'views/rankings-person-seek-counts',
    ]);
    expect(await queried('region', { region: R1 })).toEqual(['views/rankings-employer-seek']);
    expect(await queried('offence', { type: 'person', offence: 'benefit_fraud' })).toEqual([
      'views/rankings-person-seek',
    ]);
    // A search has no cell: its counts are taken live.
    expect(await queried('walk', { region: R1, q: 'x' })).toEqual([
      'views/rankings-employer-seek',
      'views/rankings-employer-seek-counts',
    ]);
    // Nothing to read when the counts say no row matches.
    expect(await queried('plan', { region: R2, offence: 'internal_fraud' })).toEqual([]);
    spy.mockRestore();
  });

  it('ranks a region by score, ties by id, with its band counts and items in full', async () => {
    const [page] = await pages({ region: R1 });
    expect(ids(page!)).toEqual(['E01', 'E02', 'E03', 'E06', 'E08', 'E10']);
    expect(page!.counts).toEqual({ red: 2, orange: 1, green: 1, blue: 2, total: 6 });
    expect(page!.nextCursor).toBeNull();
    expect(page!.items[1]).toEqual({
      type: 'employer',
      id: `${P}E02`,
      label: 'beta Clean',
      score: 0.9,
      band: 'red',
      rank: 2,
      topReason: 'reason of E02',
      offences: ['phoenix', 'undeclared_work'],
      sector: 'Z98.76',
      region: R1,
      status: 'bankrupt',
      scope: 'all',
      model: 'rules',
    });
    expect(page!.items.at(-1)?.label).toBe(`${P}E10`); // no name: the id
    expect(page!.run).not.toBeNull();
  });

  it('pages across ties in score without losing or repeating a row', async () => {
    const got = await pages({ sector: 'Z', limit: 2 });
    expect(got.map(ids)).toEqual([['E01', 'E02'], ['E03', 'E04'], ['E05', 'E08'], ['E09']]);
    for (const page of got) {
      expect(page.counts).toEqual({ red: 2, orange: 3, green: 0, blue: 2, total: 7 });
    }
    const three = await pages({ sector: 'Z', limit: 3, sort: 'score_asc' });
    expect(three.map(ids)).toEqual([['E08', 'E09', 'E03'], ['E04', 'E05', 'E01'], ['E02']]);
  });

  it('sorts by id and by name, the unnamed after the named', async () => {
    expect((await pages({ region: R1, sort: 'id' })).map(ids)).toEqual([
      ['E01', 'E02', 'E03', 'E06', 'E08', 'E10'],
    ]);
    expect((await pages({ sector: 'Z', sort: 'id', limit: 3 })).map(ids)).toEqual([
      ['E01', 'E02', 'E03'],
      ['E04', 'E05', 'E08'],
      ['E09'],
    ]);
    expect((await pages({ sector: 'Z', sort: 'name', limit: 2 })).map(ids)).toEqual([
      ['E01', 'E04'],
      ['E08', 'E03'],
      ['E09', 'E02'],
      ['E05'],
    ]);
    expect((await pages({ sector: 'Z', sort: 'name', limit: 4 })).map(ids)).toEqual([
      ['E01', 'E04', 'E08', 'E03'],
      ['E09', 'E02', 'E05'],
    ]);
  });

  it('filters by sector level, finer prefix, offence, band and lowest score', async () => {
    const [fine] = await pages({ sector: 'z98.76' });
    expect(ids(fine!)).toEqual(['E01', 'E02', 'E05', 'E08', 'E09']);
    expect(fine!.counts).toEqual({ red: 2, orange: 1, green: 0, blue: 2, total: 5 });
    const [group] = await pages({ sector: 'Z98.7' });
    expect(ids(group!)).toEqual(ids(fine!));
    // Not a NACE level: counted live, same answer as the section.
    const [prefix] = await pages({ sector: 'Z9' });
    expect(ids(prefix!)).toEqual(['E01', 'E02', 'E03', 'E04', 'E05', 'E08', 'E09']);
    expect(prefix!.counts.total).toBe(7);

    const [phoenix] = await pages({ sector: 'Z', offence: 'phoenix' });
    expect(ids(phoenix!)).toEqual(['E01', 'E02', 'E05']);
    expect(phoenix!.counts).toEqual({ red: 2, orange: 1, green: 0, blue: 0, total: 3 });

    const [banded] = await pages({ sector: 'Z', band: 'orange,red' });
    expect(ids(banded!)).toEqual(['E01', 'E02', 'E03', 'E04', 'E05']);
    // Counts leave the band filter out: how many of each for the sector.
    expect(banded!.counts).toEqual({ red: 2, orange: 3, green: 0, blue: 2, total: 7 });

    const [high] = await pages({ sector: 'Z', minScore: '0.4' });
    expect(ids(high!)).toEqual(['E01', 'E02', 'E03', 'E04', 'E05']);
    expect(high!.counts).toEqual({ red: 2, orange: 3, green: 0, blue: 0, total: 5 });

    const [both] = await pages({ region: R2, offence: 'phoenix', band: ['orange', 'green'] });
    expect(ids(both!)).toEqual(['E05', 'E07']);
    expect(both!.counts).toEqual({ red: 0, orange: 1, green: 1, blue: 0, total: 2 });

    const [none] = await pages({ region: R2, offence: 'internal_fraud' });
    expect(none!.items).toEqual([]);
    expect(none!.counts).toEqual({ red: 0, orange: 0, green: 0, blue: 0, total: 0 });
  });

  it('searches ids by case-insensitive prefix and names by substring', async () => {
    const [byId] = await pages({ q: 'RK-T-e0', sort: 'id' });
    expect(ids(byId!)).toEqual(['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09']);
    expect(byId!.counts).toEqual({ red: 2, orange: 3, green: 2, blue: 2, total: 9 });
    const [byName] = await pages({ q: 'bOuW', sector: 'Z' });
    expect(ids(byName!)).toEqual(['E01', 'E04']);
    const [persons] = await pages({ type: 'person', q: 'rk-t-p' });
    expect(ids(persons!)).toEqual(['P1', 'P2', 'P4', 'P3', 'P5']);
  });

  it('ranks persons by region and offence, never the unscored', async () => {
    const [page] = await pages({ type: 'person', region: R1 });
    expect(ids(page!)).toEqual(['P1', 'P2', 'P3']);
    expect(page!.items[0]).toMatchObject({
      type: 'person',
      label: `${P}P1`,
      sector: null,
      status: null,
    });
    expect(page!.counts).toEqual({ red: 2, orange: 0, green: 1, blue: 0, total: 3 });
    const [fraud] = await pages({ type: 'person', region: R2, offence: 'identity_fraud' });
    expect(ids(fraud!)).toEqual(['P4']);
    // Within this test's ids: other tests' scored persons may share the offence.
    const [byId] = await pages({ type: 'person', offence: 'identity_fraud', sort: 'id', q: P });
    expect(ids(byId!)).toEqual(['P4']);
    const [asc] = await pages({ type: 'person', region: R1, sort: 'score_asc', limit: 1 });
    expect(ids(asc!)).toEqual(['P3']);
  });

  it('ranks officials for the internal-fraud unit only', async () => {
    const [page] = await pages({ type: 'staff', region: R1 }, internal);
    expect(ids(page!)).toEqual(['S1', 'S2']);
    expect(page!.counts).toEqual({ red: 1, orange: 0, green: 0, blue: 1, total: 2 });
    expect(page!.items[0]?.region).toBe(R1);
    const [mine] = await pages({ type: 'staff', q: 'rk-t-s3' }, internal);
    expect(mine!.run).toBe('rk-t-staff-run');
    expect(mine!.scoredAt).toBe(AT);
    await expect(rankings(db, { type: 'staff' }, investigator)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('refuses bad input: sector for non-employers, malformed or foreign cursors, bad fields', async () => {
    await expect(rankings(db, { type: 'person', sector: 'F' }, investigator)).rejects.toThrow(
      /views: sector applies to employers only/,
    );
    await expect(rankings(db, { cursor: 'not a cursor!' }, investigator)).rejects.toBeInstanceOf(
      BadInputError,
    );
    const junk = Buffer.from('{"p":-1}').toString('base64url');
    await expect(rankings(db, { cursor: junk }, investigator)).rejects.toBeInstanceOf(
      BadInputError,
    );
    const first = await rankings(db, { sector: 'Z', limit: 1 }, investigator);
    expect(first.nextCursor).not.toBeNull();
    await expect(
      rankings(db, { sector: 'Y', limit: 1, cursor: first.nextCursor! }, investigator),
    ).rejects.toThrow(/belongs to another filter or sort/);
    const forged = encodeCursor({ f: 'x', p: 0, id: 'a' });
    await expect(rankings(db, { cursor: forged }, investigator)).rejects.toBeInstanceOf(
      BadInputError,
    );
    const tooFew = await rankings(db, { limit: '0' }, investigator).catch((e: unknown) => e);
    expect(tooFew).toBeInstanceOf(BadInputError);
    expect((tooFew as BadInputError).fields.map((f) => f.path)).toEqual(['limit']);
    await expect(rankings(db, { offence: 'arson' }, investigator)).rejects.toBeInstanceOf(
      BadInputError,
    );
  });
});
