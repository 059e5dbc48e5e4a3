// Benchmark of issue #8's "retraining on the new outcomes must measurably change the model and
// not make the hold-out metrics worse", over several generated data sets instead of one: a
// single demo's time hold-out has ~35 labels (AUC interval about ±0.2), so one run cannot tell
// a worse model from noise.
//
// For each seed, on a database of its own (wiped first): generate, load, analyse, train the
// employer model on the loaded inspections (A), score with it, open the red band as cases (the
// control group drawn alongside at the configured share), close them from the ground truth
// (`cases simulate`, 20 % missed), train again (B). Then, A next to B:
//   - the fixed time hold-out of the model card (the same loaded labels for both), ROC AUC with
//     the paired DeLong test;
//   - the ground truth over every employer neither model learnt from (no closed inspection, no
//     closed case): ROC AUC with the paired DeLong test, average precision, and the hits among
//     the red-band capacity of them, what next month's selection would find.
// Both as `ringwatch evaluate --truth DIR.truth --versions A,B` computes them (evaluation/versions.ts).
// Prints per seed and the medians and mean differences over seeds (bench/results/feedback-loop.json).
//
//   RINGWATCH_INSTANCE=loop RINGWATCH_NEO4J_BOLT_PORT=7751 \
//     node --import tsx bench/feedback-loop.ts [--seeds 11,12,13,14,15] [--persons 30000]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset, truthDirFor } from '../fixtures/generate.js';
import { loadDataset } from '../loaders/load-dataset.js';
import { runAnalysis } from '../server/analytics/run-analysis.js';
import type { Viewer } from '../server/auth/roles.js';
import { planCases } from '../server/cases/plan-cases.js';
import { simulateCases } from '../server/cases/simulate-cases.js';
import { loadConfig } from '../server/config.js';
import { connectionFor } from '../server/db/connection.js';
import { Database } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import { median } from '../server/analytics/hubs.js';
import { projectRoot } from '../server/paths.js';
import { readTruth } from '../server/scoring/evaluation/truth-recall.js';
import type { TrainedModel } from '../server/scoring/model.js';
import { evaluate } from '../server/scoring/evaluate.js';
import { score } from '../server/scoring/score.js';
import { scoringSetup } from '../server/scoring/setup.js';
import { train } from '../server/scoring/train.js';

const { values: args } = parseArgs({
  options: {
    seeds: { type: 'string', default: '11,12,13,14,15' },
    persons: { type: 'string', default: '30000' },
    'miss-rate': { type: 'string', default: '0.2' },
  },
});
const seeds = args.seeds.split(',').map(Number);
const persons = Number(args.persons);
const missRate = Number(args['miss-rate']);
const AS_OF = '2025-12-31';
const analyst: Viewer = { username: 'bench-loop', role: 'admin' };

const config = loadConfig();
const db = await Database.open(await connectionFor(config.neo4j));

async function wipe(): Promise<void> {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
  const session = db.driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS');
  } finally {
    await session.close();
  }
}

const employerModel = (outcomes: Awaited<ReturnType<typeof train>>) => {
  const models = new Map<string, TrainedModel>();
  for (const o of outcomes) if (o.trained) models.set(`${o.area}/${o.offence}`, o.model);
  const model = models.get('employer/any');
  if (!model) throw new Error('no employer model trained');
  return { models, model };
};

async function oneSeed(seed: number) {
  const t0 = performance.now();
  await wipe();
  await migrate(db);
  const dir = await mkdtemp(path.join(tmpdir(), 'ringwatch-loop-'));
  try {
    const out = path.join(dir, 'data');
    await generateDataset({ persons, seed, out });
    await loadDataset(out, db, { rejectsPath: path.join(dir, 'rejects.csv') });
    await runAnalysis(db, { asOf: AS_OF, run: `loop-${seed}` });
    const setup = await scoringSetup({});
    const day = (d: number) => new Date(Date.UTC(2026, 0, 5 + d, 9));
    const before = employerModel(
      await train(db, { ...setup, asOf: AS_OF, activate: false, now: day(0) }),
    );
    const scoredA = await score(db, {
      config: setup.config,
      rules: setup.rules.rules,
      asOf: AS_OF,
      models: before.models,
      now: day(0),
      evidence: false,
    });
    // The month's capacity: the red band (2 % of the employers by default).
    const capacity = scoredA.areas.find((a) => a.area === 'employer')?.bands.red ?? 0;
    const plan = await planCases(db, analyst, {
      filter: { type: 'employer', band: 'red' },
      limit: capacity,
      controlShare: config.cases.controlShare,
      randomInt: (
        (s) => (n: number) =>
          (s = (s * 48271) % 2147483647) % n
      )(seed),
    });
    const truth = await readTruth(truthDirFor(out));
    const sim = await simulateCases(db, analyst, { truth, missRate, seed, now: day(1) });
    const after = employerModel(
      await train(db, { ...setup, asOf: AS_OF, activate: false, now: day(2) }),
    );
    // A next to B as `ringwatch evaluate --truth --versions A,B` shows them.
    const report = await evaluate(db, {
      config: setup.config,
      rules: setup.rules.rules,
      asOf: AS_OF,
      truth,
      versions: [before.model.version, after.model.version],
    });
    const side = report.versions.find((v) => v.area === 'employer');
    if (!side?.truth || !side.holdout) throw new Error('no employer comparison');
    const [a, b] = side.versions;
    const figures = (v: typeof a) => ({
      holdoutRocAuc: v?.holdout?.rocAuc.value ?? null,
      truthRocAuc: v?.truth?.rocAuc.value ?? null,
      truthAveragePrecision: v?.truth?.averagePrecision.value ?? null,
      truthHitsAtCapacity: v?.truth?.atCapacity.hits ?? null,
    });
    const cards = (m: TrainedModel) => ({
      prAuc: m.holdout?.full.prAuc ?? null,
      brier: m.holdout?.full.brier ?? null,
    });
    return {
      seed,
      seconds: (performance.now() - t0) / 1000,
      cases: { opened: plan.opened.length, control: plan.controlCasesDrawn, ...sim },
      labels: { before: before.model.training.labels, after: after.model.training.labels },
      changed: before.model.training.dataHash !== after.model.training.dataHash,
      indicator: after.model.training.caseLabels?.indicator?.coefficient ?? null,
      weight: after.model.training.caseLabels?.modelChosenWeight?.chosen ?? null,
      holdout: {
        labels: side.holdout.labels,
        positives: side.holdout.positives,
        pairedDifference: b?.holdout?.versusPrevious ?? null,
      },
      truth: { ...side.truth, pairedDifference: b?.truth?.versusPrevious ?? null },
      before: { ...figures(a), ...cards(before.model) },
      after: { ...figures(b), ...cards(after.model) },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
const f = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(3));

const runs: Awaited<ReturnType<typeof oneSeed>>[] = [];
try {
  for (const seed of seeds) {
    const r = await oneSeed(seed);
    runs.push(r);
    const hp = r.holdout.pairedDifference?.pValue;
    const tp = r.truth.pairedDifference?.pValue;
    console.log(
      `seed ${seed} (${r.seconds.toFixed(0)} s): ${r.cases.opened} cases + ${r.cases.control} control, ${r.cases.confirmed} confirmed; ` +
        `hold-out (${r.holdout.labels} labels) AUC ${f(r.before.holdoutRocAuc)} → ${f(r.after.holdoutRocAuc)} (paired p ${f(hp)}), PR AUC ${f(r.before.prAuc)} → ${f(r.after.prAuc)}, Brier ${f(r.before.brier)} → ${f(r.after.brier)}; ` +
        `truth (${r.truth.entities} unlabelled, ${r.truth.culpable} culpable) AUC ${f(r.before.truthRocAuc)} → ${f(r.after.truthRocAuc)} (paired p ${f(tp)}), AP ${f(r.before.truthAveragePrecision)} → ${f(r.after.truthAveragePrecision)}, hits in top ${r.truth.capacity} ${f(r.before.truthHitsAtCapacity)} → ${f(r.after.truthHitsAtCapacity)}`,
    );
  }
} finally {
  await db.close();
}

type Run = (typeof runs)[number];
type Side = 'before' | 'after';
/** A figure before and after retraining, over the seeds that have it on both sides. */
const pair = (name: string, pick: (side: Run[Side]) => number | null | undefined) => {
  const pairs = runs
    .map((r) => [pick(r.before), pick(r.after)] as const)
    .filter(
      (p): p is readonly [number, number] => typeof p[0] === 'number' && typeof p[1] === 'number',
    );
  const diffs = pairs.map(([x, y]) => y - x);
  const summary = {
    medianBefore: median(pairs.map((p) => p[0])),
    medianAfter: median(pairs.map((p) => p[1])),
    meanDifference: mean(diffs),
    better: diffs.filter((d) => d > 0).length,
    worse: diffs.filter((d) => d < 0).length,
  };
  console.log(
    `${name}: median ${f(summary.medianBefore)} → ${f(summary.medianAfter)}, mean change ${summary.meanDifference >= 0 ? '+' : ''}${summary.meanDifference.toFixed(3)} (up in ${summary.better} of ${diffs.length} seeds, down in ${summary.worse})`,
  );
  return [name, summary] as const;
};
const summary = Object.fromEntries([
  pair('hold-out ROC AUC', (x) => x.holdoutRocAuc),
  pair('hold-out PR AUC', (x) => x.prAuc),
  pair('hold-out Brier (lower is better)', (x) => x.brier),
  pair('truth ROC AUC (unlabelled employers)', (x) => x.truthRocAuc),
  pair('truth average precision', (x) => x.truthAveragePrecision),
  pair('truth hits in the red capacity', (x) => x.truthHitsAtCapacity),
]);
await writeFile(
  path.join(projectRoot, 'bench/results/feedback-loop.json'),
  `${JSON.stringify({ at: new Date().toISOString(), persons, missRate, controlShare: config.cases.controlShare, summary, runs }, null, 1)}\n`,
);
