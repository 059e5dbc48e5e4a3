import { describe, expect, it } from 'vitest';
import { RankingsQuerySchema } from './rankings-input.js';
import { planRankings, type BandWindows, type CountsView } from './rankings-plan.js';

const q = (input: Record<string, unknown>) => RankingsQuerySchema.parse(input);
const windows: BandWindows = {
  red: { low: 0.8, high: 1 },
  orange: { low: 0.6, high: 0.8 },
  green: { low: 0.3, high: 0.6 },
  blue: { low: 0, high: 0.3 },
};
const all = { low: 0, high: 1 };
const view = (over: Partial<CountsView> = {}): CountsView => ({
  current: true,
  filter: { red: 10, orange: 40, green: 150, blue: 800, total: 1000 },
  total: 100_000,
  byBand: { red: 2_000, orange: 5_000, green: 15_000, blue: 78_000, total: 100_000 },
  filterWindows: windows,
  typeWindows: windows,
  region: 10_000,
  sector: 20_000,
  offence: null,
  ...over,
});

describe('planRankings', () => {
  it('walks the index when matches are dense, to the page end known from the counts', () => {
    // 1 000 matches among 100 000: the first page of 50 reads ~5 000 index entries.
    expect(planRankings(q({ region: 'R' }), 0, view())).toEqual({
      read: 'walk',
      limit: 50,
      more: true,
      window: all,
    });
    // The last 20 rows: stop at the 20th instead of reading on to the end of the index.
    expect(planRankings(q({}), 980, view({ region: null, sector: null }))).toEqual({
      read: 'walk',
      limit: 20,
      more: false,
      window: all,
    });
    // Sorted by id: no score window.
    expect(planRankings(q({ region: 'R', sort: 'id' }), 0, view())).toMatchObject({
      read: 'walk',
      window: null,
    });
  });

  it('walks only the score window of the bands asked for', () => {
    // 150 green in the region, among the 15 000 green scores in [0.3, 0.6]: ~5 000 entries read
    // there, against 10 000 in the region and 15 000 in the band index.
    expect(planRankings(q({ region: 'R', band: 'green' }), 0, view())).toEqual({
      read: 'walk',
      limit: 50,
      more: true,
      window: { low: 0.3, high: 0.6 },
    });
    // The filter cell's window is tighter than the band's when the counts are current …
    const tight = view({ filterWindows: { ...windows, green: { low: 0.4, high: 0.5 } } });
    expect(planRankings(q({ region: 'R', band: 'green' }), 0, tight)).toMatchObject({
      window: { low: 0.4, high: 0.5 },
    });
    // … and only the band's holds when a load may have moved entities between regions.
    expect(planRankings(q({ band: 'green,red' }), 0, { ...tight, current: false })).toMatchObject({
      read: 'walk',
      window: { low: 0.3, high: 1 },
      limit: 51,
      more: null,
    });
    // Reading band by band: 10 red and 40 orange matches among 2 000 red and 5 000 orange
    // entities; a walk passes both bands for the first page (7 000 entries), the region holds
    // 5 000.
    expect(planRankings(q({ region: 'R' }), 0, view({ region: 5_000 }))).toEqual({
      read: 'seek',
      source: 'region',
    });
  });

  it('seeks through the smallest of region, sector and band when the walk would read more', () => {
    // Red only, 10 in the region: the walk reads the red window (2 000), as the band index would.
    expect(planRankings(q({ region: 'R', sector: 'F', band: 'red' }), 0, view())).toEqual({
      read: 'walk',
      limit: 10,
      more: false,
      window: { low: 0.8, high: 1 },
    });
    expect(
      planRankings(q({ region: 'R', sector: 'F', band: 'red' }), 0, view({ sector: 900 })),
    ).toEqual({ read: 'seek', source: 'sector' });
    // 15 red or blue: their window is every score; the band index holds 80 000 of them.
    const few = view({ filter: { red: 10, orange: 0, green: 0, blue: 5, total: 15 } });
    expect(planRankings(q({ band: 'red,blue' }), 0, few)).toEqual({
      read: 'seek',
      source: 'band',
    });
    expect(planRankings(q({ region: 'R', band: 'red,blue' }), 0, few)).toEqual({
      read: 'seek',
      source: 'region',
    });
    // A walk starts at the cursor: a deep page costs what the first does.
    const dense = view({
      filter: { red: 100, orange: 400, green: 1_500, blue: 8_000, total: 10_000 },
    });
    expect(planRankings(q({ region: 'R' }), 9_000, dense)).toMatchObject({ read: 'walk' });
  });

  it('seeks through the offence index when few are flagged for it', () => {
    // 34 persons flagged among a million: a walk would read the whole index for them.
    const rare = view({
      filter: { red: 29, orange: 5, green: 0, blue: 0, total: 34 },
      total: 1_000_000,
      region: null,
      sector: null,
      offence: 34,
    });
    expect(planRankings(q({ type: 'person', offence: 'benefit_fraud' }), 0, rare)).toEqual({
      read: 'seek',
      source: 'offence',
    });
  });

  it('reads nothing when the counts say no row is left, unless they may be stale', () => {
    expect(planRankings(q({ band: 'red' }), 10, view())).toEqual({ read: 'none' });
    expect(planRankings(q({}), 1000, view({ current: false }))).toEqual({
      read: 'walk',
      limit: 51,
      more: null,
      window: all,
    });
  });

  it('counts live when no cell fits: search, lowest score, a prefix finer than a level', () => {
    expect(planRankings(q({ q: 'abc', region: 'R' }), 0, view())).toEqual({
      read: 'seek',
      source: 'search',
    });
    expect(planRankings(q({ minScore: '0.5' }), 0, view())).toEqual({
      read: 'seek',
      source: 'score',
    });
    expect(planRankings(q({ sector: 'F4', region: 'R' }), 0, view({ sector: null }))).toEqual({
      read: 'seek',
      source: 'sector',
    });
    expect(planRankings(q({ region: 'R' }), 0, null)).toEqual({ read: 'seek', source: 'region' });
    expect(planRankings(q({ type: 'staff' }), 0, null)).toEqual({ read: 'staff' });
  });
});
