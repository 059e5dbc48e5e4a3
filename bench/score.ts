// Benchmark of issue #6's speed target: train and score every person and employer (and
// official) of the database the configuration points at, with the default rules and
// configuration, timing each phase and the peak RSS. Target: 1 M persons within 3 minutes.
// The new versions are not activated; the score uses them, as `npm start`'s first run does.
// Train and score share the tables they read, as in `npm start`; `--separate` reads them in each
// step, as the separate `ringwatch train` and `ringwatch score` commands do.
//
//   RINGWATCH_INSTANCE=bench node --import tsx bench/score.ts [--separate]   (an analysed data set)
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
import type { TableCache } from '../server/scoring/entity-table.js';

const config = loadConfig();
const db = await Database.open(await connectionFor(config.neo4j));
try {
  const setup = await scoringSetup({});
  const asOf = await analysisDate(db, undefined, new Date());
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  let phase = { name: '', at: performance.now() };
  const onPhase = (name: string) => {
    const now = performance.now();
    if (phase.name) phases[phase.name] = Math.round(now - phase.at) / 1000;
    console.error(`${(now / 1000).toFixed(1)} s  ${name}`);
    phase = { name, at: now };
  };
  const separate = process.argv.includes('--separate');
  const tables: TableCache | undefined = separate ? undefined : new Map();
  const outcomes = await train(db, { ...setup, asOf, activate: false, onPhase, tables });
  const trainSeconds = (performance.now() - t0) / 1000;
  const models = new Map(
    outcomes.flatMap((o) => (o.trained ? [[`${o.area}/${o.offence}`, o.model] as const] : [])),
  );
  const t1 = performance.now();
  const summary = await score(db, {
    config: setup.config,
    rules: setup.rules.rules,
    asOf,
    models,
    tables,
    // Phases are the area and what it is doing; the reading progress is left out.
    onPhase: (area, detail) =>
      !detail?.startsWith('reading ') && onPhase(`score ${area} ${detail}`),
  });
  onPhase('');
  const scoreSeconds = (performance.now() - t1) / 1000;
  const result = {
    at: new Date().toISOString(),
    tables: separate ? 'read by each step' : 'shared by train and score',
    entities: Object.fromEntries(summary.areas.map((a) => [a.area, a.entities])),
    models: outcomes.map((o) => (o.trained ? o.model.version : `${o.area}: ${o.reason}`)),
    trainSeconds,
    scoreSeconds,
    scoreSecondsPerArea: summary.seconds,
    phaseSeconds: phases,
    totalSeconds: trainSeconds + scoreSeconds,
    targetSeconds: 180,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(
    `train ${trainSeconds.toFixed(1)} s + score ${scoreSeconds.toFixed(1)} s = ${result.totalSeconds.toFixed(1)} s (target 180 s) for ${JSON.stringify(result.entities)}; peak RSS ${(result.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
  );
  await writeFile(
    path.join(projectRoot, `bench/results/score${separate ? '-separate' : ''}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  await db.close();
}
