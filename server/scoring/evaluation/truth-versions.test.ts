import { describe, expect, it } from 'vitest';
import { versionsOnTruth, type VersionsOnTruthInput } from './truth-versions.js';

/** Eight employers; E1 has a label and is left out; E2 and E5 are culpable. */
function twoVersions(): VersionsOnTruthInput {
  return {
    area: 'employer',
    ids: ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8'],
    labelled: new Set(['E1']),
    culpable: new Set(['E2', 'E5', 'E1']),
    capacity: 2,
    // Given newest first: the result is oldest first.
    versions: [
      {
        version: 'employer-b',
        createdAt: '2026-02-02T00:00:00.000Z',
        active: true,
        trainingLabels: 118,
        scores: [0.1, 0.9, 0.2, 0.3, 0.8, 0.1, 0.4, 0.5],
      },
      {
        version: 'employer-a',
        createdAt: '2026-01-01T00:00:00.000Z',
        active: false,
        trainingLabels: 100,
        scores: [0.9, 0.5, 0.2, 0.6, 0.3, 0.1, 0.4, 0.7],
      },
    ],
  };
}

describe('model versions on the ground truth', () => {
  it('measures every version on the same unlabelled entities, oldest first, each against the one before', () => {
    const t = versionsOnTruth(twoVersions());
    expect([t.entities, t.culpable, t.labelled, t.capacity]).toEqual([7, 2, 1, 2]);
    const [a, b] = t.versions;
    expect(t.versions.map((v) => v.version)).toEqual(['employer-a', 'employer-b']);
    // a: E2 (0.5) outranks 3 of the 5 innocent, E5 (0.3) 2 of them: 5 of 10 pairs.
    expect(a?.rocAuc.value).toBeCloseTo(0.5, 12);
    expect(a?.atCapacity.hits).toBe(0); // E8 and E4 on top
    expect(a?.versusPrevious).toBeNull();
    expect(b?.rocAuc.value).toBe(1);
    expect(b?.averagePrecision.value).toBe(1);
    expect(b?.atCapacity.hits).toBe(2);
    expect(b?.versusPrevious?.difference).toBeCloseTo(0.5, 12);
    expect(b?.active).toBe(true);
  });

  it('says why an AUC is undefined when no unlabelled entity is culpable', () => {
    const t = versionsOnTruth({ ...twoVersions(), culpable: new Set(['E1']) });
    expect(t.culpable).toBe(0);
    expect(t.versions[0]?.rocAuc.value).toBeNull();
    expect(t.versions[0]?.rocAuc.reason).toMatch(/\w/);
  });
});
