// Benchmark of issue #6's speed target: train and score every person and employer (and
// official) of the database the configuration points at, with the default rules and
// configuration, timing each phase and the peak RSS. Target: 1 M persons within 3 minutes.
//
//   RINGWATCH_INSTANCE=bench node --import tsx bench/score.ts      (an analysed data set)
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { Database } from '../server/db/database.js';
import { connectionFor } from '../server/db/connection.js';
import { projectRoot } from '../server/paths.js';
import { score } from '../server/scoring/score.js';
import { scoringSetup } from '../server/scoring/setup.js';
import { analysisDate } from '../server/analytics/analysis-date.js';
import { train } from '../server/scoring/train.js';

const config = loadConfig();
const db = await Database.open(await connectionFor(config.neo4j));
try {
  const setup = await scoringSetup({});
  const asOf = await analysisDate(db, undefined, new Date());
  const t0 = performance.now();
  const outcomes = await train(db, { ...setup, asOf, activate: false });
  const trainSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const summary = await score(db, { config: setup.config, rules: setup.rules.rules, asOf });
  const scoreSeconds = (performance.now() - t1) / 1000;
  const result = {
    at: new Date().toISOString(),
    entities: Object.fromEntries(summary.areas.map((a) => [a.area, a.entities])),
    models: outcomes.map((o) => (o.trained ? o.model.version : `${o.area}: ${o.reason}`)),
    trainSeconds,
    scoreSeconds,
    scoreSecondsPerArea: summary.seconds,
    totalSeconds: trainSeconds + scoreSeconds,
    targetSeconds: 180,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(
    `train ${trainSeconds.toFixed(1)} s + score ${scoreSeconds.toFixed(1)} s = ${result.totalSeconds.toFixed(1)} s (target 180 s) for ${JSON.stringify(result.entities)}; peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
  );
  await writeFile(
    path.join(projectRoot, 'bench/results/score.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  await db.close();
}
