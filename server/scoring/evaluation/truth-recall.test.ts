import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTruth, truthRecall, type FlaggedEntity } from './truth-recall.js';

// A tiny hand-made truth folder: a phoenix ring (2 companies, a director, 2 bystander workers)
// hosting a fictitious-employment ring, a phoenix decoy, an identity ring (whose mule account
// is never scored) and an internal-fraud ring (the staff member; the family member is a
// bystander).
const TRUTH_CSV = `entity_type,entity_id,pattern,ring_id,decoy,role
employer,E1,phoenix,R-phx-0-0,false,bankrupt_company
employer,E2,phoenix,R-phx-0-0,false,successor
person,P1,phoenix,R-phx-0-0,false,director
person,P2,phoenix,R-phx-0-0,false,worker
person,P3,phoenix,R-phx-0-0,false,worker
employer,E3,phoenix,D-phx-0-0,true,acquirer
person,P4,phoenix,D-phx-0-0,true,director
employer,E9,fictitious_employment,R-phx-0-0-fic,false,employer
person,P5,fictitious_employment,R-phx-0-0-fic,false,fictitious_worker
person,P6,fictitious_employment,R-phx-0-0-fic,false,fictitious_worker
account,A1,identity_fraud,R-idf-0-0,false,mule_account
person,P7,identity_fraud,R-idf-0-0,false,claimant
staff,S1,internal_fraud,R-int-0-0,false,staff
person,P8,internal_fraud,R-int-0-0,false,family_member
`;
const RINGS_CSV = `ring_id,pattern,decoy,concealment,block,members,host_ring_id
R-phx-0-0,phoenix,false,0.3,0,5,
D-phx-0-0,phoenix,true,0.1,0,2,
R-phx-0-0-fic,fictitious_employment,false,0.5,0,3,R-phx-0-0
R-idf-0-0,identity_fraud,false,0.2,0,2,
R-int-0-0,internal_fraud,false,0.9,0,2,
`;

const FLAGGED: FlaggedEntity[] = [
  { entityType: 'employer', entityId: 'E1', band: 'red', offence: 'phoenix' },
  { entityType: 'person', entityId: 'P1', band: 'orange', offence: 'phoenix' },
  { entityType: 'person', entityId: 'P2', band: 'orange', offence: 'phoenix' }, // bystander
  { entityType: 'employer', entityId: 'E3', band: 'orange', offence: 'phoenix' }, // decoy
  { entityType: 'person', entityId: 'P5', band: 'red', offence: 'fictitious_employment' },
  { entityType: 'person', entityId: 'X1', band: 'red', offence: 'benefit_fraud' }, // not planted
  { entityType: 'staff', entityId: 'S1', band: 'orange', offence: 'internal_fraud' },
];

function truthFolder(truth = TRUTH_CSV, rings = RINGS_CSV): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rw-truth-'));
  writeFileSync(path.join(dir, 'truth.csv'), truth);
  writeFileSync(path.join(dir, 'rings.csv'), rings);
  return dir;
}

describe('truth recall on a tiny hand-made truth', () => {
  it('reads the truth folder with the generator schemas', async () => {
    const truth = await readTruth(truthFolder());
    expect(truth.entities).toHaveLength(14);
    expect(truth.rings).toHaveLength(5);
    expect(truth.entities[0]).toMatchObject({ entity_type: 'employer', decoy: false });
    expect(truth.rings[2]!.host_ring_id).toBe('R-phx-0-0');
  });

  it('recall, bystanders, rings hit, decoys and precision per pattern', async () => {
    const r = truthRecall(FLAGGED, await readTruth(truthFolder()));
    const by = (p: string) => r.patterns.find((x) => x.pattern === p)!;
    // phoenix: planted {E1, E2, P1}; flagged E1 (red), P1 (orange) → recall 2/3.
    //   bystanders {P2, P3}, P2 flagged. Decoy ring: {E3, P4}, E3 flagged.
    //   flagged for offence phoenix: {E1, P1, P2, E3}, planted among them 2 → precision ½.
    //   share of all 7 flagged entities: 2/7
    expect(by('phoenix')).toMatchObject({
      plantedRings: 1,
      ringsHit: 1,
      planted: 3,
      flaggedPlanted: 2,
      recall: { n: 3, hits: 2 },
      flaggedPlantedByBand: { red: 1, orange: 1, green: 0, blue: 0 },
      bystanders: 2,
      bystandersFlagged: 1,
      decoyRings: 1,
      decoyRingsFlagged: 1,
      decoyMembers: 2,
      decoysFlagged: 1,
      precision: { value: 0.5, reason: null },
    });
    expect(by('phoenix').shareOfFlags).toBeCloseTo(2 / 7, 12);
    // hosted fictitious ring: planted {E9, P5, P6}, P5 flagged → 1/3; its one flag is right
    expect(by('fictitious_employment')).toMatchObject({
      planted: 3,
      flaggedPlanted: 1,
      ringsHit: 1,
      precision: { value: 1 },
    });
    // identity: the account is left out → planted {P7}, none flagged, nothing flagged for it
    expect(by('identity_fraud')).toMatchObject({
      planted: 1,
      flaggedPlanted: 0,
      ringsHit: 0,
      recall: { rate: 0 },
      precision: { value: null, reason: 'nothing flagged for identity_fraud' },
    });
    // internal: S1 planted and flagged; the family member P8 is a bystander
    expect(by('internal_fraud')).toMatchObject({ planted: 1, flaggedPlanted: 1, bystanders: 1 });
    // a pattern with nothing planted: recall null with a reason, not NaN
    expect(by('subcontracting_chain').recall).toMatchObject({ n: 0, rate: null });
    // overall: 7 flagged, planted among them E1, P1, P5, S1 → 4/7; one decoy (E3)
    expect(r).toMatchObject({ flagged: 7, flaggedPlanted: 4, flaggedDecoys: 1 });
    expect(r.precision.rate).toBeCloseTo(4 / 7, 12);
  });

  it('without offences on the flags, per-pattern precision is null with the reason', async () => {
    const plain = FLAGGED.map(({ entityType, entityId, band }) => ({ entityType, entityId, band }));
    const r = truthRecall(plain, await readTruth(truthFolder()));
    expect(r.patterns[0]!.precision).toEqual({
      value: null,
      reason: 'the flags do not say which offence they are for',
    });
    // an entity flagged twice counts once, in its highest band
    const twice = truthRecall(
      [...plain, { entityType: 'person', entityId: 'P1', band: 'red' }],
      await readTruth(truthFolder()),
    );
    expect(twice.flagged).toBe(7);
    expect(twice.patterns[0]!.flaggedPlantedByBand).toMatchObject({ red: 2, orange: 0 });
  });

  it('says what is wrong with a folder that is not a truth folder', async () => {
    await expect(readTruth(tmpdir() + '/rw-no-such-truth')).rejects.toThrow(
      /evaluation: no truth.csv in .*DIR.truth folder/,
    );
    const bad = truthFolder(
      TRUTH_CSV.replace('phoenix,R-phx-0-0,false,director', 'piracy,R-x,false,d'),
    );
    await expect(readTruth(bad)).rejects.toThrow(/evaluation: truth.csv:4: pattern: not one of/);
  });
});
