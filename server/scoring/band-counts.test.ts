import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { migrate } from '../db/migrate.js';
import {
  bandCountCells,
  bandCountKey,
  isSectorLevel,
  sectorLevels,
  writeBandCounts,
} from './band-counts.js';

describe('band counts', () => {
  it('counts a NACE code under its section, division, group and class', () => {
    expect(sectorLevels('F41.20')).toEqual(['F', 'F41', 'F41.2', 'F41.20']);
    expect(sectorLevels('N81')).toEqual(['N', 'N81']);
    expect(['F', 'F41', 'F41.2', 'F41.20'].every(isSectorLevel)).toBe(true);
    expect(['F4', 'F41.', 'f41', 'F41.201'].some(isSectorLevel)).toBe(false);
  });

  it('rolls groups up into every cell of any/one sector level, region and offence', () => {
    const cells = bandCountCells('employer', [
      {
        sector: 'F41.20',
        region: 'R1',
        offences: ['phoenix'],
        band: 'red',
        entities: 2,
        low: 0.8,
        high: 0.9,
      },
      {
        sector: 'F43.10',
        region: 'R1',
        offences: [],
        band: 'blue',
        entities: 5,
        low: 0.1,
        high: 0.2,
      },
      {
        sector: null,
        region: null,
        offences: ['phoenix', 'undeclared_work'],
        band: 'orange',
        entities: 1,
        low: 0.5,
        high: 0.5,
      },
      {
        sector: 'F41.20',
        region: 'R2',
        offences: [],
        band: 'red',
        entities: 1,
        low: 0.7,
        high: 0.95,
      },
    ]);
    const cell = (sector: string | null, region: string | null, offence: string | null) => {
      const found = cells.find(
        (c) => c.key === bandCountKey({ type: 'employer', sector, region, offence }),
      );
      return found && [found.red, found.orange, found.green, found.blue, found.total];
    };
    expect(cell(null, null, null)).toEqual([3, 1, 0, 5, 9]);
    expect(cell('F', null, null)).toEqual([3, 0, 0, 5, 8]);
    expect(cell('F41', 'R1', null)).toEqual([2, 0, 0, 0, 2]);
    expect(cell('F41.20', 'R1', 'phoenix')).toEqual([2, 0, 0, 0, 2]);
    expect(cell(null, null, 'phoenix')).toEqual([2, 1, 0, 0, 3]);
    expect(cell('F41.20', 'R2', null)).toEqual([1, 0, 0, 0, 1]);
    expect(cell(null, null, 'undeclared_work')).toEqual([0, 1, 0, 0, 1]);
    expect(cell('F43', 'R1', 'phoenix')).toBeUndefined();
    // 1st group: 5 sectors × 2 regions × 2 offences; 2nd adds F43, F43.1, F43.10 × 2 regions
    // and its own region-any/section cells are shared; 3rd adds the undeclared_work cell; 4th
    // the five sector levels in R2.
    expect(cells).toHaveLength(20 + 6 + 1 + 5);
    // Each band's score window: red from both red groups, blue from the second.
    const all = cells.find(
      (c) =>
        c.key === bandCountKey({ type: 'employer', sector: null, region: null, offence: null }),
    )!;
    expect([all.red_low, all.red_high, all.blue_low, all.blue_high, all.green_low]).toEqual([
      0.7,
      0.95,
      0.1,
      0.2,
      null,
    ]);
    const r1 = cells.find(
      (c) => c.key === bandCountKey({ type: 'employer', sector: 'F', region: 'R1', offence: null }),
    )!;
    expect([r1.red_low, r1.red_high, r1.orange_low]).toEqual([0.8, 0.9, null]);
  });
});

describe('band counts (real Neo4j)', () => {
  it('counts the scored nodes into cells and drops the cells nothing counts in any more', async () => {
    const db = await openTestDatabase();
    const region = 'bc-t-R';
    const run = (cypher: string) =>
      db.driver.executeQuery(cypher, { region }, { database: db.connection.database });
    const cells = async () => {
      const keys = [null, 'Q', 'Q12', 'Q12.3', 'Q12.34'].map((sector) =>
        bandCountKey({ type: 'employer', sector, region, offence: null }),
      );
      const [row] = await db.read('views/band-counts', {
        keys: [
          ...keys,
          bandCountKey({ type: 'employer', sector: null, region, offence: 'phoenix' }),
        ],
      });
      return Object.fromEntries(
        row!.cells.map((c) => {
          const [, sector, cellRegion, offence] = JSON.parse(c.key) as (string | null)[];
          return [
            [sector, cellRegion, offence].map((v) => v ?? '').join('/'),
            [c.red, c.blue, c.total, c.run],
          ];
        }),
      ) as Record<string, unknown[]>;
    };
    try {
      await migrate(db);
      await run(`UNWIND range(1, 3) AS i
                 CREATE (:Employer {id: 'bc-t-E' + i, sector: 'Q12.34', region: $region,
                                    risk_score: 0.1 * i, risk_band: CASE i WHEN 3 THEN 'red' ELSE 'blue' END,
                                    risk_offences: CASE i WHEN 3 THEN ['phoenix'] ELSE [] END})
                 CREATE (:Employer {id: 'bc-t-U' + i, sector: 'Q12.34', region: $region})`);
      await writeBandCounts(db, 'employer', { run: 'bc-run-1', at: '2025-01-01T00:00:00.000Z' });
      expect(await cells()).toEqual({
        '/bc-t-R/': [1, 2, 3, 'bc-run-1'],
        'Q/bc-t-R/': [1, 2, 3, 'bc-run-1'],
        'Q12/bc-t-R/': [1, 2, 3, 'bc-run-1'],
        'Q12.3/bc-t-R/': [1, 2, 3, 'bc-run-1'],
        'Q12.34/bc-t-R/': [1, 2, 3, 'bc-run-1'],
        '/bc-t-R/phoenix': [1, 0, 1, 'bc-run-1'],
      });
      await run(`MATCH (e:Employer {id: 'bc-t-E3'}) DETACH DELETE e`);
      await writeBandCounts(db, 'employer', { run: 'bc-run-1', at: '2025-01-01T00:00:00.000Z' });
      const after = await cells();
      expect(after['/bc-t-R/']).toEqual([0, 2, 2, 'bc-run-1']);
      expect(after['/bc-t-R/phoenix']).toBeUndefined();
    } finally {
      await run(`MATCH (e:Employer) WHERE e.id STARTS WITH 'bc-t-' DETACH DELETE e`);
      await writeBandCounts(db, 'employer', { run: 'bc-run-2', at: '2025-01-01T00:00:00.000Z' });
      await db.close();
    }
  });
});
