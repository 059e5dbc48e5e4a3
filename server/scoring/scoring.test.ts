// Train → score → evaluate → export against the real test Neo4j, on a hand-made population of
// 80 employers (ids `sco-t-`, the scope of every call here): a quarter are young, indebted and
// exposed to known fraud, and inspections mostly confirm those. The network signal is set as a
// feature property directly: scoring reads features from the nodes, whoever wrote them.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import { createLabelledEmployers } from '../../test/labelled-employers.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { evaluate } from './evaluate.js';
import { exportScores } from './export-scores.js';
import { logit } from './logistic-regression.js';
import { activateModel, listModels } from './model-store.js';
import type { TableCache } from './entity-table.js';
import { readReasons } from './reasons.js';
import { parseRules } from './rules/load-rules.js';
import { parseScoringConfig } from './scoring-config.js';
import { score } from './score.js';
import { train, type TrainOutcome } from './train.js';

const P = 'sco-t-';
const asOf = '2025-12-31';
const N = 80;

const rulesText = JSON.stringify({
  version: 1,
  rules: [
    {
      id: 'young-indebted',
      area: 'employer',
      offences: ['phoenix'],
      pattern: 'phoenix',
      when: {
        all: [
          { field: 'i_age_years', op: '<', value: 2 },
          { field: 'i_contribution_debt_eur', op: '>=', value: 10000 },
        ],
      },
      weight: 1.5,
      reason: 'only {i_age_years} years old with {i_contribution_debt_eur} of unpaid contributions',
    },
  ],
});
const rules = { rules: parseRules(rulesText, 'test'), source: 'test', hash: 'test' };
const config = parseScoringConfig(
  {
    areas: {
      employer: { minLabels: 10, capacity: { red: 5, orange: 10, green: 20 } },
    },
  },
  'test',
);

function population() {
  const rows = [];
  for (let i = 0; i < N; i++) {
    const risky = i % 4 === 0;
    const noisy = i % 7 === 0;
    rows.push({
      id: `${P}E${String(i).padStart(3, '0')}`,
      founded: risky ? `2024-0${1 + (i % 9)}-15` : `20${10 + (i % 10)}-03-01`,
      debt: risky || noisy ? 12000 + i * 100 : 0,
      exposure: risky ? 0.04 + (i % 5) * 0.01 : 0.0005 + (i % 3) * 0.0005,
      inspected: i < 72,
      // Mostly right, with every 13th outcome flipped so the labels are not perfectly separable.
      confirmed: risky !== (i % 13 === 0),
      closed: new Date(Date.UTC(2023, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10),
      origin: i % 5 === 0 ? 'random_audit' : 'complaint',
    });
  }
  return rows;
}

describe('scoring (real Neo4j)', () => {
  let db: Database;
  let first: TrainOutcome[];
  const versions: string[] = [];

  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const result = await db.driver.executeQuery(cypher, params, {
      database: db.connection.database,
    });
    return result.records.map((r) => r.toObject() as Record<string, unknown>);
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await migrate(db);
    await createLabelledEmployers(db, population());
    first = await train(db, {
      config,
      rules,
      asOf,
      scope: P,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    for (const o of first) if (o.trained) versions.push(o.model.version);
  });

  afterAll(async () => {
    await run('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: P });
    await run('MATCH (m:Model) WHERE m.version IN $versions DELETE m', { versions });
    await db.close();
  });

  it('trains an employer model on the closed inspections, with a hold-out and a card’s facts', () => {
    const employer = first.find((o) => o.area === 'employer' && o.offence === 'any');
    expect(employer?.trained).toBe(true);
    if (!employer?.trained) return;
    const m = employer.model;
    expect(m.training.labels).toBe(72);
    expect(m.training.origins).toEqual({ random_audit: 15, complaint: 57 });
    expect(m.inputs.map((i) => i.name)).toContain('r_young-indebted');
    expect(m.inputs.map((i) => i.name)).not.toContain('nationality');
    const beta = (name: string) => m.coefficients[m.inputs.findIndex((i) => i.name === name)]!;
    expect(beta('f_exposure')).toBeGreaterThan(0);
    expect(m.holdout?.full.rocAuc).toBeGreaterThan(0.7);
    expect(m.protectedAttributes).toEqual(['sex', 'nationality', 'birth_year']);
    // Persons and officials have no labels in this scope: rules alone will score them.
    expect(first.find((o) => o.area === 'beneficiary')?.trained).toBe(false);
  });

  it('gives the same model for the same data and seed', async () => {
    const again = await train(db, {
      config,
      rules,
      asOf,
      scope: P,
      now: new Date('2026-01-02T00:00:00Z'),
    });
    const a = first.find((o) => o.trained && o.area === 'employer');
    const b = again.find((o) => o.trained && o.area === 'employer');
    for (const o of again) if (o.trained) versions.push(o.model.version);
    if (!a?.trained || !b?.trained) throw new Error('no employer model');
    expect(b.model.coefficients).toEqual(a.model.coefficients);
    expect(b.model.training.dataHash).toBe(a.model.training.dataHash);
    expect(b.activated).toBe(false); // the first version stays active until someone switches
  });

  it('scores every entity: bands from capacity, reasons that add up, the same scores twice', async () => {
    const summary = await score(db, {
      config,
      rules: rules.rules,
      asOf,
      scope: P,
      run: 'score-test-1',
    });
    const employer = summary.areas.find((a) => a.area === 'employer')!;
    expect(employer.entities).toBe(N);
    expect(employer.bands).toEqual({ red: 5, orange: 10, green: 20, blue: 45 });
    const rows = await run(
      `MATCH (e:Employer) WHERE e.id STARTS WITH $p
       RETURN e.id AS id, e.risk_score AS score, e.risk_band AS band, e.risk_reasons AS reasons,
              e.risk_model AS model, e.risk_offences AS offences ORDER BY e.id`,
      { p: P },
    );
    for (const row of rows) {
      // Stored without the descriptions, which reading gives back from the feature registry.
      expect(row.reasons).not.toContain('"description"');
      const reasons = readReasons(row.reasons as string, 'employer')!;
      expect(reasons.contributions.every((c) => c.description.length > 0)).toBe(true);
      const total =
        reasons.intercept +
        reasons.contributions.reduce((s, c) => s + c.contribution, 0) +
        reasons.otherContributions;
      expect(total).toBeCloseTo(logit(row.score as number), 9);
      expect(row.model).toBe(versions[0]);
    }
    const young = rows.find((r) => r.id === `${P}E004`)!;
    const reasons = readReasons(young.reasons as string, 'employer')!;
    expect(reasons.contributions.find((c) => c.input === 'f_exposure')?.description).toBe(
      'time-decayed fraud exposure',
    );
    expect(reasons.rules[0]?.reason).toMatch(
      /^only 1\.\d+ years old with €12,400 of unpaid contributions$/,
    );
    expect(young.offences).toEqual(['phoenix']);

    // A pipeline that shares its tables between steps reads each area once, to the same scores.
    const tables: TableCache = new Map();
    await score(db, { config, rules: rules.rules, asOf, scope: P, run: 'score-test-2', tables });
    const read = tables.get('employer');
    await score(db, { config, rules: rules.rules, asOf, scope: P, run: 'score-test-3', tables });
    expect(tables.get('employer')).toBe(read);
    const again = await run(
      'MATCH (e:Employer) WHERE e.id STARTS WITH $p RETURN e.risk_score AS score ORDER BY e.id',
      { p: P },
    );
    expect(again.map((r) => r.score)).toEqual(rows.map((r) => r.score));
  });

  it('switches the active version with one call, keeping the others', async () => {
    await activateModel(db, versions[1]!);
    const stored = (await listModels(db)).filter((m) => versions.includes(m.model.version));
    expect(stored.map((m) => [m.model.version, m.active])).toEqual(
      expect.arrayContaining([
        [versions[0], false],
        [versions[1], true],
      ]),
    );
    await score(db, { config, rules: rules.rules, asOf, scope: P, evidence: false });
    const [row] = await run('MATCH (e:Employer {id: $id}) RETURN e.risk_model AS model', {
      id: `${P}E000`,
    });
    expect(row?.model).toBe(versions[1]);
  });

  it('evaluates on the time hold-out and exports the scores as CSV', async () => {
    const report = await evaluate(db, { config, rules: rules.rules, asOf, scope: P });
    const employer = report.areas.find((a) => a.area === 'employer')!;
    expect(employer.holdout.test.labels + employer.holdout.train.labels).toBe(72);
    expect(employer.full.auc.value).toBeGreaterThan(0.7);
    expect(employer.controlGroup.n).toBeGreaterThan(0);

    const file = path.join(await mkdtemp(path.join(tmpdir(), 'rw-export-')), 'scores.csv');
    await exportScores(db, file);
    const lines = (await readFile(file, 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith(`employer,${P}`));
    expect(lines).toHaveLength(N);
  });
});
