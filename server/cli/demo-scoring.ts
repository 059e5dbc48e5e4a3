// The scoring half of `ringwatch demo`: train (activating the new versions), score, and write the
// evaluation report with the demo's ground truth — after a fresh load, or when the database has
// no active model yet.
import path from 'node:path';
import type { Database } from '../db/database.js';
import { evaluate, NothingToEvaluateError } from '../scoring/evaluate.js';
import { writeEvaluationReport } from '../scoring/evaluation/index.js';
import { activeModels } from '../scoring/model-store.js';
import { score } from '../scoring/score.js';
import type { TableCache } from '../scoring/entity-table.js';
import { scoringSetup } from '../scoring/setup.js';
import { analysisDate } from '../analytics/analysis-date.js';
import { train } from '../scoring/train.js';
import { ticker } from './progress.js';
import { formatScoreSummary } from './score-command.js';
import { formatOutcome, writeCards } from './train-command.js';

export async function demoScoring(db: Database, truthDir: string, fresh: boolean): Promise<void> {
  if (!fresh && (await activeModels(db)).size > 0) {
    console.log('Scores ready (`ringwatch train`, `score` and `evaluate` run them again).');
    return;
  }
  const setup = await scoringSetup({});
  const asOf = await analysisDate(db, undefined, new Date());
  // Train, score and evaluate read each area's entities once between them.
  const tables: TableCache = new Map();
  const t = ticker('Training:');
  const outcomes = await train(db, {
    ...setup,
    asOf,
    tables,
    activate: true,
    onPhase: (phase) => t.update(phase),
  });
  t.done('done');
  const cards = await writeCards(outcomes, 'reports/models');
  console.log(outcomes.map((o) => formatOutcome(o, cards)).join('\n'));

  const s = ticker('Scoring:');
  const summary = await score(db, {
    config: setup.config,
    rules: setup.rules.rules,
    asOf,
    tables,
    onPhase: (phase, detail) => s.update(`${phase} ${detail ?? ''}`.trim()),
  });
  s.done('done');
  console.log(formatScoreSummary(summary));

  const e = ticker('Evaluating:');
  try {
    const report = await evaluate(db, {
      config: setup.config,
      rules: setup.rules.rules,
      asOf,
      tables,
      truthDir,
      onPhase: (phase) => e.update(phase),
    });
    e.done('done');
    const files = await writeEvaluationReport(report, path.resolve('reports/evaluation'));
    console.log(`Evaluation report: ${files.find((f) => f.endsWith('.md'))}`);
  } catch (error) {
    // A small demo population (`--persons`) may have too few closed inspections to evaluate;
    // the scores are written, so the demo goes on to serve them.
    if (!(error instanceof NothingToEvaluateError)) throw error;
    e.done('skipped');
    console.log(`No evaluation report: ${error.message}`);
  }
}
