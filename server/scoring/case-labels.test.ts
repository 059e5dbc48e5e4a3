// The feedback loop's measurement side against the real test Neo4j (issue #8), on 60 hand-made
// employers (ids `fbl-t-`, the scope of every call): 50 carry a loaded inspection, then closed
// cases add 17 outcomes written as the case queue writes them (case_id, snapshot_band,
// snapshot_model…). Retraining must take the outcomes in and change the model while the hold-out
// test set stays the same; `evaluate` must count the live hit rates exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { createLabelledEmployers } from '../../test/labelled-employers.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { readCaseOutcomes } from './case-outcomes.js';
import { evaluate } from './evaluate.js';
import type { EvaluationReport } from './evaluation/index.js';
import { readInspections } from './labels.js';
import type { TrainedModel } from './model.js';
import { parseScoringConfig } from './scoring-config.js';
import { train } from './train.js';

const P = 'fbl-t-';
const asOf = '2025-12-31';
const rules = { rules: [], source: 'test', hash: 'test' };
const config = parseScoringConfig(
  { areas: { employer: { minLabels: 10, capacity: { red: 6, orange: 6, green: 12 } } } },
  'test',
);
const id = (i: number) => `${P}E${String(i).padStart(2, '0')}`;
const risky = (i: number) => i % 3 === 0;

/** Every third employer is young, indebted and exposed; E00–E49 were inspected 2023–2024. */
function employers() {
  return Array.from({ length: 60 }, (_, i) => ({
    id: id(i),
    founded: risky(i) ? '2024-06-01' : `${2005 + (i % 12)}-01-01`,
    debt: risky(i) ? 8000 + 300 * i : i % 5 === 0 ? 4000 : 0,
    exposure: risky(i) ? 0.03 + (i % 4) * 0.01 : 0.002 + (i % 3) * 0.001,
    inspected: i < 50,
    // the loaded outcome follows the risk, with every 11th (from E05) flipped
    confirmed: risky(i) !== (i % 11 === 5),
    closed: new Date(Date.UTC(2023, 0, 1) + i * 10 * 86_400_000).toISOString().slice(0, 10),
    origin: i % 4 === 0 ? 'random_audit' : 'complaint',
  }));
}

/**
 * Closed cases: [employer, origin, band when opened, confirmed]. E50–E59 are new; E03, E10,
 * E12, E20 and E27 were trained on; E36 and E40 are in the hold-out's test set.
 */
const cases: [number, string, string, boolean][] = [
  [50, 'risk_model', 'green', false],
  [51, 'random_audit', 'red', true],
  [52, 'risk_model', 'green', false],
  [53, 'random_audit', 'green', false],
  [54, 'risk_model', 'red', true],
  [55, 'random_audit', 'green', false],
  [56, 'risk_model', 'orange', false],
  [57, 'random_audit', 'red', true],
  [58, 'risk_model', 'red', false],
  [59, 'random_audit', 'blue', false],
  [3, 'risk_model', 'red', true],
  [10, 'risk_model', 'orange', false],
  [20, 'risk_model', 'green', false],
  [27, 'risk_model', 'red', true],
  [36, 'random_audit', 'red', true],
  [40, 'random_audit', 'blue', false],
  [12, 'complaint', 'orange', true],
];

describe('feedback loop: closed cases as labels and live hit rates (real Neo4j)', () => {
  let db: Database;
  let before: TrainedModel;
  let after: TrainedModel;
  let report: EvaluationReport;
  const versions: string[] = [];

  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    await db.driver.executeQuery(cypher, params, { database: db.connection.database });
  };
  const trainEmployer = async (now: string) => {
    // activate: false, so that no other test's scoring meets these versions
    const outcomes = await train(db, {
      config,
      rules,
      asOf,
      scope: P,
      activate: false,
      now: new Date(now),
    });
    const o = outcomes.find((x) => x.area === 'employer' && x.offence === 'any');
    if (!o?.trained) throw new Error('feedback test: no employer model was trained');
    versions.push(o.model.version);
    return o.model;
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await createLabelledEmployers(db, employers());
    before = await trainEmployer('2026-01-01T00:00:00Z');
    // Close the cases as the case queue does: one inspection per entity, snapshot of the score.
    await run(
      `UNWIND $rows AS row
       MATCH (e:Employer {id: row.entity})
       CREATE (:Inspection {id: 'I-' + row.caseId + '-' + row.entity, case_id: row.caseId,
                            subject_type: 'employer', subject_id: row.entity,
                            opened_on: date('2026-01-05'), closed_on: date(row.closed),
                            offence: CASE WHEN row.confirmed THEN 'phoenix' ELSE 'none' END,
                            outcome: CASE WHEN row.confirmed THEN 'confirmed' ELSE 'unfounded' END,
                            origin: row.origin, recovered_eur: 0.0, snapshot_band: row.band,
                            snapshot_score: 0.5, snapshot_model: $model})-[:OF]->(e)`,
      {
        model: before.version,
        rows: cases.map(([i, origin, band, confirmed], k) => ({
          entity: id(i),
          caseId: `K${String(90_000_000 + k)}`,
          closed: `2026-02-${String(1 + k).padStart(2, '0')}`,
          origin,
          band,
          confirmed,
        })),
      },
    );
    // An open case's pending inspection is no label and no outcome; a person's closed case
    // scored by rules only ('rules', as scoring writes it) counts in the persons' live section.
    await run(
      `MATCH (e:Employer {id: $e})
       CREATE (:Inspection {id: 'I-K90000099-' + $e, case_id: 'K90000099', subject_type: 'employer',
                            opened_on: date('2026-02-20'), outcome: 'pending', origin: 'risk_model',
                            snapshot_band: 'red', snapshot_model: null})-[:OF]->(e)
       CREATE (p:Person {id: $p})
       CREATE (:Inspection {id: 'I-K90000098-' + $p, case_id: 'K90000098', subject_type: 'person',
                            opened_on: date('2026-01-10'), closed_on: date('2026-02-21'),
                            offence: 'benefit_fraud', outcome: 'confirmed', origin: 'risk_model',
                            snapshot_band: 'red', snapshot_model: 'rules'})-[:OF]->(p)`,
      { e: id(14), p: `${P}P01` },
    );
    after = await trainEmployer('2026-03-01T00:00:00Z');
    report = await evaluate(db, { config, rules: [], asOf, scope: P });
  });

  afterAll(async () => {
    await run('MATCH (i:Inspection)-[:OF]->(s) WHERE s.id STARTS WITH $p DETACH DELETE i', {
      p: P,
    });
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    await run('MATCH (m:Model) WHERE m.version IN $versions DELETE m', { versions });
    await db.close();
  });

  it('reads where each label comes from: the case id, or null for a loaded inspection', async () => {
    const inspections = await readInspections(db, P);
    const fromCases = inspections.filter((i) => i.caseId !== null);
    expect(inspections).toHaveLength(50 + 17 + 1);
    expect(fromCases).toHaveLength(18);
    expect(inspections.find((i) => i.id === `${id(3)}-I`)?.caseId).toBeNull();
    expect(inspections.find((i) => i.id === `I-K90000010-${id(3)}`)).toMatchObject({
      caseId: 'K90000010',
      origin: 'risk_model',
      confirmed: true,
    });
  });

  it('retrains on the case outcomes: every label counted, the model changed', () => {
    expect(before.training.labels).toBe(50);
    expect(before.training.fromCases).toBe(0);
    // 10 new entities; the other 7 outcomes sit beside their entity's loaded label
    expect(after.training.labels).toBe(67);
    expect(after.training.fromCases).toBe(17);
    expect(after.training.origins).toEqual({ random_audit: 20, complaint: 38, risk_model: 9 });
    // the 9 the model chose (label-treatment.ts) are set apart; the control group counts fully
    expect(after.training.caseLabels).toMatchObject({
      modelChosen: 9,
      byOrigin: {
        random_audit: { labels: 20, fromCases: 7 },
        risk_model: { labels: 9, fromCases: 9 },
      },
    });
    expect(after.training.caseLabels?.indicator).not.toBeNull();
    expect(after.training.dataHash).not.toBe(before.training.dataHash);
    expect(after.coefficients).not.toEqual(before.coefficients);
    expect(after.notes.join('\n')).toContain(
      'The hold-out is fixed to loaded inspections closed on or after 2023-12-17 (15 labels)',
    );
    expect(after.notes.join('\n')).toContain(
      '15 labels from closed cases were used for training only; 2 more were left out of the hold-out model',
    );
  });

  it('keeps the hold-out test set: same split, same labels; cases train, test entities’ do not', () => {
    const [b, a] = [before.holdout!, after.holdout!];
    // 50 loaded labels, 30 % held out: E35–E49 from E35's closing day on
    expect(a.splitDate).toBe('2023-12-17');
    expect(a.splitDate).toBe(b.splitDate);
    expect([a.full.labels, a.full.positives]).toEqual([15, 7]);
    expect([a.full.labels, a.full.positives, a.full.baseRate]).toEqual([
      b.full.labels,
      b.full.positives,
      b.full.baseRate,
    ]);
    expect(b.train.labels).toBe(35);
    expect(a.train.labels).toBe(50);
    expect(a.caseLabels).toEqual({ trained: 15, withheld: 2 });
    // on this data, outcomes that follow the signal do not make the hold-out worse
    expect(a.full.rocAuc!).toBeGreaterThanOrEqual(b.full.rocAuc!);
  });

  it('reports the same fixed hold-out in `evaluate`', () => {
    const employer = report.areas.find((x) => x.area === 'employer')!;
    expect(employer.holdout.splitDate).toBe('2023-12-17');
    expect(employer.holdout.test.labels).toBe(15);
    expect(employer.holdout.train.labels).toBe(50);
    expect(employer.holdout.caseLabels).toEqual({ trained: 15, withheld: 2 });
  });

  it('counts the live hit rates per version and band, next to the control group', () => {
    expect(report.schemaVersion).toBe(3);
    const employer = report.live.find((x) => x.area === 'employer')!;
    expect(employer.closed).toBe(17); // the pending one is not closed
    expect(employer.versions.map((v) => v.modelVersion)).toEqual([before.version]);
    const v = employer.versions[0]!;
    expect([v.firstClosed, v.lastClosed]).toEqual(['2026-02-01', '2026-02-17']);
    const cells = (g: typeof v.modelDriven) =>
      g.bands.map((b) => `${b.band} ${b.confirmed}/${b.closed}`);
    expect(cells(v.modelDriven)).toEqual(['red 3/4', 'orange 0/2', 'green 0/3', 'blue 0/0']);
    expect(cells(v.controlGroup)).toEqual(['red 3/3', 'orange 0/0', 'green 0/2', 'blue 0/2']);
    expect([v.modelDriven.overall.hits, v.modelDriven.overall.n]).toEqual([3, 9]);
    // the base rate free of selection bias: 3 of the 7 random audits confirmed
    expect([v.controlGroup.overall.hits, v.controlGroup.overall.n]).toEqual([3, 7]);
    // red chosen by the model: 3/4 = 0.75, over 3/7: a lift of 1.75
    const red = v.modelDriven.bands[0]!;
    expect(red.rate).toBe(0.75);
    expect(red.lift).toBeCloseTo(1.75, 12);
    expect(red.indicative).toBe(true);
    expect(v.otherOrigins).toBe(1); // the complaint
    const person = report.live.find((x) => x.area === 'person')!;
    expect(person.versions).toHaveLength(1);
    expect(person.versions[0]?.modelVersion).toBeNull(); // 'rules' = rules only
    expect(person.versions[0]?.modelDriven.bands[0]).toMatchObject({ closed: 1, confirmed: 1 });
    expect(report.live.find((x) => x.area === 'staff')?.versions).toEqual([]);
  });

  it('reads nothing outside its scope', async () => {
    expect(await readCaseOutcomes(db, `${P}nobody-`)).toEqual([]);
  });
});
