import { describe, expect, it } from 'vitest';
import { fairnessTable, type FairnessInput } from './fairness.js';

/** n entities of `group`, the first `flagged` flagged, of which `labelled` labelled and `hits` confirmed. */
function group(
  name: string | null,
  n: number,
  flagged: number,
  labelled = 0,
  hits = 0,
): FairnessInput[] {
  return Array.from({ length: n }, (_, i) => ({
    group: name,
    flagged: i < flagged,
    label: i < labelled ? i < hits : null,
  }));
}

describe('fairness table', () => {
  it('flag rate, precision among labelled, and the ratio to the overall flag rate', () => {
    // F: 40 entities, 8 flagged (rate 0.2), 6 of them labelled, 3 confirmed → precision 0.5
    // M: 60 entities, 6 flagged (rate 0.1), 4 labelled, 3 confirmed → 0.75
    // overall: 14/100 = 0.14 → ratios 0.2/0.14 = 1.4286 (outside 4/5), 0.1/0.14 = 0.7143 (outside)
    const t = fairnessTable('sex', [...group('F', 40, 8, 6, 3), ...group('M', 60, 6, 4, 3)]);
    expect(t.rows.map((r) => [r.group, r.entities, r.flagged, r.precision])).toEqual([
      ['M', 60, 6, 0.75],
      ['F', 40, 8, 0.5],
    ]);
    expect(t.rows[1]!.flagRateRatio).toBeCloseTo(0.2 / 0.14, 12);
    expect(t.rows[1]!.outsideFourFifths).toBe(true);
    expect(t.overall).toMatchObject({ entities: 100, flagged: 14, labelledFlagged: 10, groups: 2 });
    expect(t.overall!.flagRate).toBeCloseTo(0.14, 12);
    expect(t.suppressedGroups).toBe(0);
  });

  it('pools small groups with the smallest shown one so none can be recovered', () => {
    // A 50, B 30, C 12, D 4 (< 10): D alone would be overall − (A + B + C), so C joins the pool
    const rows = [
      ...group('A', 50, 5),
      ...group('B', 30, 3),
      ...group('C', 12, 2),
      ...group('D', 4, 4, 4, 1),
    ];
    const t = fairnessTable('region', rows);
    expect(t.rows.map((r) => [r.group, r.kind, r.entities])).toEqual([
      ['A', 'group', 50],
      ['B', 'group', 30],
      ['2 groups pooled (small groups withheld)', 'pooled', 16],
    ]);
    expect(t.rows.some((r) => r.group === 'D' || r.group === 'C')).toBe(false);
    expect(t.suppressedGroups).toBe(2);
    expect(t.note).toMatch(/fewer than 10 entities are not shown/);
  });

  it('two small groups that together reach the minimum are pooled on their own', () => {
    const t = fairnessTable('nationality_group', [
      ...group('EU', 40, 4),
      ...group('X', 6, 1),
      ...group(null, 5, 0),
    ]);
    expect(t.rows.map((r) => [r.kind, r.entities, r.groups])).toEqual([
      ['group', 40, 1],
      ['pooled', 11, 2],
    ]);
  });

  it('a configurable minimum, missing values as a group, and nothing for a tiny population', () => {
    const t = fairnessTable('sex', [...group('F', 3, 1), ...group('', 3, 0)], { minCount: 3 });
    expect(t.rows.map((r) => r.group)).toEqual(['(missing)', 'F']);
    const tiny = fairnessTable('sex', group('F', 5, 1));
    expect(tiny.rows).toEqual([]);
    expect(tiny.overall).toBeNull();
    expect(tiny.note).toMatch(/nothing is shown/);
  });

  it('precision is null, not NaN, when no flagged entity was inspected', () => {
    const t = fairnessTable('sex', group('F', 20, 5));
    expect(t.rows[0]).toMatchObject({ precision: null, precisionInterval: null, flagRateRatio: 1 });
  });
});
