// The fixed hold-out on small hand-made label sets: the test set is decided on loaded
// inspections only, case outcomes train (never test) beside the entity's loaded label, and an
// entity of the test set never trains the hold-out model through a case outcome.
import { describe, expect, it } from 'vitest';
import { holdoutSplit, holdoutSplitDate, labelSets } from './holdout-split.js';
import { isoDay } from './intrinsic.js';
import type { Inspection } from './labels.js';

function inspection(
  id: string,
  subjectId: string,
  closedOn: string,
  confirmed: boolean,
  caseId: string | null = null,
): Inspection {
  return {
    id,
    area: 'employer',
    subjectId,
    closedOn,
    closedDay: isoDay(closedOn),
    offence: confirmed ? 'phoenix' : 'none',
    confirmed,
    origin: caseId === null ? 'complaint' : 'risk_model',
    caseId,
  };
}

/** Loaded inspections: E1–E4 closed in 2023, E5–E7 in 2024, E2 inspected again in 2024. */
const loaded: Inspection[] = [
  inspection('I1', 'E1', '2023-01-10', true),
  inspection('I2', 'E2', '2023-03-01', false),
  inspection('I3', 'E3', '2023-06-01', true),
  inspection('I4', 'E4', '2023-09-01', false),
  inspection('I5', 'E5', '2024-01-10', true),
  inspection('I6', 'E6', '2024-02-01', false),
  inspection('I7', 'E7', '2024-03-01', true),
  inspection('I8', 'E2', '2024-05-01', true),
];

/** Outcomes of closed cases: a new entity, a training entity, a test entity, another new one. */
const cases: Inspection[] = [
  inspection('I-K1-E8', 'E8', '2026-01-05', true, 'K00000001'),
  inspection('I-K2-E1', 'E1', '2026-01-06', false, 'K00000002'),
  inspection('I-K3-E5', 'E5', '2026-01-07', false, 'K00000003'),
  inspection('I-K4-E9', 'E9', '2026-01-08', false, 'K00000004'),
];

const config = { holdoutShare: 0.5 };
const ids = (labels: readonly { subjectId: string }[]) => labels.map((l) => l.subjectId);

function split(inspections: readonly Inspection[], fixed?: string) {
  const sets = labelSets(inspections, 'employer');
  const date = holdoutSplitDate(sets, { ...config, splitDate: fixed });
  if (date === null) throw new Error('no split date');
  return { sets, ...holdoutSplit(sets, date) };
}

describe('the fixed hold-out', () => {
  it('without case outcomes is the plain time split of the latest labels', () => {
    const s = split(loaded);
    // latest per entity: 2023-01-10, -06-01, -09-01, 2024-01-10, -02-01, -03-01, -05-01 (E2);
    // half held out: the cut is the 4th date
    expect(s.split).toBe('2024-01-10');
    expect(ids(s.train)).toEqual(['E1', 'E3', 'E4']);
    expect(ids(s.test)).toEqual(['E2', 'E5', 'E6', 'E7']);
    expect(s.test.map((l) => l.inspectionId)).toEqual(['I8', 'I5', 'I6', 'I7']);
    expect([s.caseLabelsTrained, s.caseLabelsWithheld]).toEqual([0, 0]);
  });

  it('adding case outcomes leaves the split date and the test set identical', () => {
    const before = split(loaded);
    const after = split([...loaded, ...cases]);
    expect(after.split).toBe(before.split);
    expect(after.test).toEqual(before.test);
    // one case at a time, too, and with a configured split date
    for (const c of cases) expect(split([...loaded, c]).test).toEqual(before.test);
    expect(split([...loaded, ...cases], '2023-07-01').test).toEqual(
      split(loaded, '2023-07-01').test,
    );
  });

  it('never puts a case outcome in the test set, even one closed inside the test window', () => {
    const early = inspection('I-K5-E10', 'E10', '2024-02-15', true, 'K00000005');
    const s = split([...loaded, ...cases, early]);
    expect(s.test.every((l) => l.caseId === null)).toBe(true);
    expect(ids(s.test)).not.toContain('E10');
    expect(s.train.find((l) => l.subjectId === 'E10')?.caseId).toBe('K00000005');
  });

  it('trains the hold-out model on case outcomes of entities outside the test set', () => {
    const s = split([...loaded, ...cases]);
    expect(ids(s.train)).toEqual(['E1', 'E1', 'E3', 'E4', 'E8', 'E9']);
    // E1 keeps its loaded confirmation beside its case outcome (unfounded): two inspections
    // chosen two ways, the loaded one first
    const e1 = s.train.filter((l) => l.subjectId === 'E1');
    expect(e1.map((l) => [l.caseId, l.label, l.inspectionId])).toEqual([
      [null, 1, 'I1'],
      ['K00000002', 0, 'I-K2-E1'],
    ]);
    expect(s.caseLabelsTrained).toBe(3);
  });

  it('keeps a test entity’s case outcome out of the hold-out model (no identity leakage)', () => {
    const s = split([...loaded, ...cases]);
    expect(ids(s.train)).not.toContain('E5');
    expect(s.train.some((l) => l.caseId === 'K00000003')).toBe(false);
    expect(s.caseLabelsWithheld).toBe(1);
    // E5 is tested on its loaded inspection (confirmed), not on its later case outcome
    expect(s.test.find((l) => l.subjectId === 'E5')).toMatchObject({ label: 1, caseId: null });
    // no entity is on both sides
    const tested = new Set(ids(s.test));
    expect(s.train.filter((l) => tested.has(l.subjectId))).toEqual([]);
  });

  it('leaves every label, case outcomes included, to the final model', () => {
    const { sets } = split([...loaded, ...cases]);
    // the latest loaded label of each entity and the latest case label: E1 and E5 have both
    expect(ids(sets.all)).toEqual([
      'E1',
      'E1',
      'E2',
      'E3',
      'E4',
      'E5',
      'E5',
      'E6',
      'E7',
      'E8',
      'E9',
    ]);
    expect(sets.all.filter((l) => l.subjectId === 'E2').map((l) => l.inspectionId)).toEqual(['I8']);
    expect(sets.all.filter((l) => l.caseId !== null).map((l) => l.subjectId)).toEqual([
      'E1',
      'E5',
      'E8',
      'E9',
    ]);
    expect(ids(sets.loaded)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7']);
  });
});
