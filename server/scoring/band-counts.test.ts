import { describe, expect, it } from 'vitest';
import { bandCountCells, bandCountKey, isSectorLevel, sectorLevels } from './band-counts.js';

describe('band counts', () => {
  it('counts a NACE code under its section, division, group and class', () => {
    expect(sectorLevels('F41.20')).toEqual(['F', 'F41', 'F41.2', 'F41.20']);
    expect(sectorLevels('N81')).toEqual(['N', 'N81']);
    expect(['F', 'F41', 'F41.2', 'F41.20'].every(isSectorLevel)).toBe(true);
    expect(['F4', 'F41.', 'f41', 'F41.201'].some(isSectorLevel)).toBe(false);
  });

  it('rolls groups up into every cell of any/one sector level, region and offence', () => {
    const cells = bandCountCells('employer', [
      { sector: 'F41.20', region: 'R1', offences: ['phoenix'], band: 'red', entities: 2 },
      { sector: 'F43.10', region: 'R1', offences: [], band: 'blue', entities: 5 },
      {
        sector: null,
        region: null,
        offences: ['phoenix', 'undeclared_work'],
        band: 'orange',
        entities: 1,
      },
    ]);
    const cell = (sector: string | null, region: string | null, offence: string | null) => {
      const found = cells.find(
        (c) => c.key === bandCountKey({ type: 'employer', sector, region, offence }),
      );
      return found && [found.red, found.orange, found.green, found.blue, found.total];
    };
    expect(cell(null, null, null)).toEqual([2, 1, 0, 5, 8]);
    expect(cell('F', null, null)).toEqual([2, 0, 0, 5, 7]);
    expect(cell('F41', 'R1', null)).toEqual([2, 0, 0, 0, 2]);
    expect(cell('F41.20', 'R1', 'phoenix')).toEqual([2, 0, 0, 0, 2]);
    expect(cell(null, null, 'phoenix')).toEqual([2, 1, 0, 0, 3]);
    expect(cell(null, null, 'undeclared_work')).toEqual([0, 1, 0, 0, 1]);
    expect(cell('F43', 'R1', 'phoenix')).toBeUndefined();
    // 1st group: 5 sectors × 2 regions × 2 offences; 2nd adds F43, F43.1, F43.10 × 2 regions
    // and its own region-any/section cells are shared; 3rd adds the undeclared_work cell.
    expect(cells).toHaveLength(20 + 6 + 1);
  });
});
