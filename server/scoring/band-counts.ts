// The band counts rankings show first (MiningWatch: how many red, orange, green, blue for this
// sector, offence and region), precomputed once per scoring run instead of counted over hundreds
// of thousands of nodes per request. After an area's scores are written, one aggregate over its
// scored nodes gives the counts per (sector, region, offences, band); they are rolled up into
// (:BandCount) cells for every combination of "any" or one value of sector level, region and
// offence, so a filter is answered by one key lookup (server/views/rankings.ts). Each cell also
// keeps, per band, the lowest and highest score among its entities: the window of the score
// index a ranking walks. The counts are read from the graph, not from the run's table, so a
// scoped run (tests) still counts everyone.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { areaSubject, type Area } from './areas.js';
import { bands, type Band } from './bands.js';

export type BandCountType = (typeof areaSubject)[Area];

/** One cell's coordinates: null stands for "any". */
export interface BandCountCoordinates {
  type: BandCountType;
  sector: string | null;
  region: string | null;
  offence: string | null;
}

export const bandCountsSchema = z.object({
  red: z.number(),
  orange: z.number(),
  green: z.number(),
  blue: z.number(),
  total: z.number(),
});
export type BandCounts = z.infer<typeof bandCountsSchema>;

export function emptyCounts(): BandCounts {
  return { red: 0, orange: 0, green: 0, blue: 0, total: 0 };
}

/** The cell key: JSON, so no region or sector text can collide with another cell's. */
export function bandCountKey(c: BandCountCoordinates): string {
  return JSON.stringify([c.type, c.sector, c.region, c.offence]);
}

/** Keys of every cell of a type start with this (stale cells are deleted by it). */
export function bandCountTypePrefix(type: BandCountType): string {
  return `[${JSON.stringify(type)},`;
}

/**
 * The NACE levels a sector code is counted under: section letter (F), division (F41), group
 * (F41.2), class (F41.20), and the code itself when it is longer than that. A rankings filter
 * on any of these forms is answered from the cells; other prefixes are counted live.
 */
export function sectorLevels(code: string): string[] {
  const levels = new Set<string>();
  for (const length of [1, 3, 5, 6]) if (code.length >= length) levels.add(code.slice(0, length));
  levels.add(code);
  return [...levels];
}

/** Whether a sector filter is one of the levels every code is counted under. */
export function isSectorLevel(prefix: string): boolean {
  return /^[A-Z](\d\d(\.\d{1,2})?)?$/.test(prefix);
}

export interface BandCountGroup {
  sector: string | null;
  region: string | null;
  offences: string[];
  band: string;
  entities: number;
  /** Lowest and highest score in the group. */
  low: number;
  high: number;
}

/** Per band, the lowest and highest score among the cell's entities (null: none in the band). */
export type BandScoreBounds = {
  [K in `${Band}_low` | `${Band}_high`]: number | null;
};

export interface BandCountCell extends BandCountCoordinates, BandCounts, BandScoreBounds {
  key: string;
}

function emptyBounds(): BandScoreBounds {
  const bounds = {} as BandScoreBounds;
  for (const b of bands) {
    bounds[`${b}_low`] = null;
    bounds[`${b}_high`] = null;
  }
  return bounds;
}

/** Rolls the aggregate's groups up into every cell they count in. */
export function bandCountCells(type: BandCountType, groups: readonly BandCountGroup[]) {
  const cells = new Map<string, BandCountCell>();
  const isBand = (b: string): b is Band => (bands as readonly string[]).includes(b);
  for (const g of groups) {
    if (!isBand(g.band)) continue;
    const sectors = [null, ...(g.sector ? sectorLevels(g.sector) : [])];
    const regions = [null, ...(g.region !== null ? [g.region] : [])];
    const offences = [null, ...new Set(g.offences)];
    for (const sector of sectors) {
      for (const region of regions) {
        for (const offence of offences) {
          const coordinates = { type, sector, region, offence };
          const key = bandCountKey(coordinates);
          let cell = cells.get(key);
          if (!cell) {
            cell = { key, ...coordinates, ...emptyCounts(), ...emptyBounds() };
            cells.set(key, cell);
          }
          cell[g.band] += g.entities;
          cell.total += g.entities;
          const low = cell[`${g.band}_low`];
          const high = cell[`${g.band}_high`];
          cell[`${g.band}_low`] = low === null ? g.low : Math.min(low, g.low);
          cell[`${g.band}_high`] = high === null ? g.high : Math.max(high, g.high);
        }
      }
    }
  }
  return [...cells.values()];
}

const groupsQuery = {
  employer: 'scoring/band-count-groups-employer',
  person: 'scoring/band-count-groups-person',
  staff: 'scoring/band-count-groups-staff',
} as const satisfies Record<BandCountType, string>;

/**
 * Recounts the band cells of an area's entity type from the scores on its nodes, replacing the
 * previous run's cells in one write transaction. Returns the number of cells written.
 */
export async function writeBandCounts(
  db: Database,
  area: Area,
  stamp: { run: string; at: string },
  batchSize = 5000,
): Promise<number> {
  const type = areaSubject[area];
  const groups = await db.read(groupsQuery[type], {});
  const cells = bandCountCells(type, groups);
  // Every write has its own token, so a second write under the same run id still replaces all.
  const token = randomUUID();
  await db.transaction('WRITE', async (run) => {
    for (let start = 0; start < cells.length; start += batchSize) {
      await run('scoring/write-band-counts', {
        cells: cells.slice(start, start + batchSize),
        run: stamp.run,
        at: stamp.at,
        token,
      });
    }
    await run('scoring/delete-stale-band-counts', { prefix: bandCountTypePrefix(type), token });
  });
  return cells.length;
}
