import { describe, expect, it } from 'vitest';
import { compareVersions, type CompareInput } from './versions.js';

const ids = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8'];

/** Eight employers; E1 has a label and is left out of the truth; E2 and E5 are culpable. */
function twoVersions(): CompareInput {
  return {
    area: 'employer',
    truth: { ids, labelled: new Set(['E1']), culpable: new Set(['E2', 'E5', 'E1']), capacity: 2 },
    // Given newest first: the result is oldest first.
    versions: [
      {
        version: 'employer-b',
        createdAt: '2026-02-02T00:00:00.000Z',
        active: true,
        trainingLabels: 118,
        holdout: [
          { id: 'H1', confirmed: true, probability: 0.6 },
          { id: 'H2', confirmed: false, probability: 0.5 },
          { id: 'H3', confirmed: true, probability: 0.4 },
          { id: 'H4', confirmed: false, probability: 0.1 },
          { id: 'H5', confirmed: false, probability: 0.9 }, // tested only by b
        ],
        scores: [0.1, 0.9, 0.2, 0.3, 0.8, 0.1, 0.4, 0.5],
      },
      {
        version: 'employer-a',
        createdAt: '2026-01-01T00:00:00.000Z',
        active: false,
        trainingLabels: 100,
        holdout: [
          { id: 'H1', confirmed: true, probability: 0.9 },
          { id: 'H2', confirmed: false, probability: 0.3 },
          { id: 'H3', confirmed: true, probability: 0.2 },
          { id: 'H4', confirmed: false, probability: 0.1 },
        ],
        scores: [0.9, 0.5, 0.2, 0.6, 0.3, 0.1, 0.4, 0.7],
      },
    ],
  };
}

describe('model versions side by side', () => {
  it('measures every version on the same unlabelled entities, oldest first, each against the one before', () => {
    const c = compareVersions(twoVersions());
    expect(c.truth).toEqual({ entities: 7, culpable: 2, labelled: 1, capacity: 2 });
    expect(c.versions.map((v) => v.version)).toEqual(['employer-a', 'employer-b']);
    const [a, b] = c.versions.map((v) => v.truth);
    // a: E2 (0.5) outranks 3 of the 5 innocent, E5 (0.3) 2 of them: 5 of 10 pairs.
    expect(a?.rocAuc.value).toBeCloseTo(0.5, 12);
    expect(a?.atCapacity.hits).toBe(0); // E8 and E4 on top
    expect(a?.versusPrevious).toBeNull();
    expect(b?.rocAuc.value).toBe(1);
    expect(b?.averagePrecision.value).toBe(1);
    expect(b?.atCapacity.hits).toBe(2);
    expect(b?.versusPrevious?.difference).toBeCloseTo(0.5, 12);
    expect(c.versions[1]?.active).toBe(true);
  });

  it('compares the hold-out on the test entities both were tested on', () => {
    const c = compareVersions(twoVersions());
    expect(c.holdout).toEqual({ labels: 4, positives: 2 });
    const [a, b] = c.versions.map((v) => v.holdout);
    // a: H1 and H3 above H4; H3 below H2: 3 of 4 pairs. b: H1 above both, H3 above H4: 3 of 4.
    expect(a?.rocAuc.value).toBeCloseTo(0.75, 12);
    expect(b?.rocAuc.value).toBeCloseTo(0.75, 12);
    expect(a?.versusPrevious).toBeNull();
    expect(b?.versusPrevious?.difference).toBeCloseTo(0, 12);
  });

  it('leaves a version without hold-out predictions out of the hold-out, and needs no truth', () => {
    const input = twoVersions();
    const [b, a] = input.versions;
    const c = compareVersions({ area: 'employer', versions: [b!, { ...a!, holdout: [] }] });
    expect(c.truth).toBeNull();
    expect(c.holdout).toEqual({ labels: 5, positives: 2 });
    expect(c.versions.map((v) => [v.version, v.holdout?.rocAuc.value ?? null, v.truth])).toEqual([
      ['employer-a', null, null],
      ['employer-b', 0.5, null], // H1 above H2 and H4, H3 above H4: 3 of 6 pairs
    ]);
    expect(c.versions[1]?.holdout?.versusPrevious).toBeNull();
  });

  it('says why an AUC is undefined when no unlabelled entity is culpable', () => {
    const input = twoVersions();
    const c = compareVersions({ ...input, truth: { ...input.truth!, culpable: new Set(['E1']) } });
    expect(c.truth?.culpable).toBe(0);
    expect(c.versions[0]?.truth?.rocAuc.value).toBeNull();
    expect(c.versions[0]?.truth?.rocAuc.reason).toMatch(/\w/);
  });
});
