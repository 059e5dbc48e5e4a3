// `ringwatch evaluate`: the evaluation report (Markdown, JSON and SVG charts).
import path from 'node:path';
import type { Command } from 'commander';
import {
  latestLiveVersion,
  liveVersionName,
  writeEvaluationReport,
} from '../scoring/evaluation/index.js';
import { pValue } from '../scoring/evaluation/markdown-format.js';
import { evaluate } from '../scoring/evaluate.js';
import { scoringSetup } from '../scoring/setup.js';
import { analysisDate } from '../analytics/analysis-date.js';
import { config, withDatabase } from './context.js';
import { withScoringOptions } from './options.js';
import { ticker } from './progress.js';

interface EvaluateOptions {
  config?: string;
  rules?: string;
  asOf?: string;
  truth?: string;
  versions?: string;
  out: string;
}

export function registerEvaluateCommand(program: Command): void {
  withScoringOptions(program.command('evaluate'))
    .description(
      'evaluate the models on a time-based hold-out (AUC, precision at capacity, hit rate per band, control group, calibration, fairness), measure the live hit rates of closed cases, and write the report',
    )
    .option(
      '--truth <dir>',
      'ground truth of a synthetic data set (DIR.truth): recall and decoys per planted pattern, and the model versions side by side on the entities none learnt from',
    )
    .option(
      '--versions <list>',
      'the model versions to compare side by side, comma-separated (default: the latest five, always with the active one)',
    )
    .option('--out <dir>', 'where the report goes', 'reports/evaluation')
    .action(async (options: EvaluateOptions) => {
      const setup = await scoringSetup(options);
      const t = ticker('Evaluating:');
      const report = await withDatabase(config().neo4j, async (db) =>
        evaluate(db, {
          config: setup.config,
          rules: setup.rules.rules,
          asOf: await analysisDate(db, options.asOf, new Date()),
          ...(options.truth !== undefined && { truthDir: options.truth }),
          ...(options.versions !== undefined && {
            versions: options.versions
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          }),
          onPhase: (phase) => t.update(phase),
        }),
      );
      t.done('done');
      const files = await writeEvaluationReport(report, path.resolve(options.out));
      const f3 = (v: number | null | undefined) =>
        v === null || v === undefined ? '—' : v.toFixed(3);
      for (const a of report.areas) {
        const red = a.bands.bands.find((b) => b.band === 'red');
        console.log(
          `${a.area}: ROC AUC ${f3(a.full.auc.value)} (intrinsic only ${f3(a.intrinsic?.auc.value)}), PR AUC ${f3(a.full.averagePrecision.value)}, red-band hit rate ${f3(red?.hitRate)} (lift ${f3(red?.lift)}) vs base rate ${f3(a.bands.baseRate?.rate)} on ${a.holdout.test.labels} test labels`,
        );
      }
      for (const live of report.live) {
        const latest = latestLiveVersion(live);
        if (!latest) continue;
        const red = latest.modelDriven.bands.find((b) => b.band === 'red');
        const base = latest.controlGroup.overall;
        console.log(
          `${live.area} live (${liveVersionName(latest)}): red band ${red?.confirmed ?? 0} of ${red?.closed ?? 0} cases confirmed (lift ${f3(red?.lift)}) vs random-audit base rate ${f3(base.rate)} (${base.hits} of ${base.n})`,
        );
      }
      for (const c of report.versions) {
        const aucOf = (
          a: { value: number | null } | undefined,
          d: { pValue: number | null } | null | undefined,
        ) => `${f3(a?.value)}${d?.pValue == null ? '' : ` (p ${pValue(d.pValue)})`}`;
        const steps = c.versions.map((v) =>
          [
            `${v.version}${v.active ? ' (active)' : ''}: hold-out ${aucOf(v.holdout?.rocAuc, v.holdout?.versusPrevious)}`,
            ...(v.truth ? [`truth ${aucOf(v.truth.rocAuc, v.truth.versusPrevious)}`] : []),
          ].join(', '),
        );
        const on = [
          c.holdout && `hold-out ${c.holdout.labels} labels`,
          c.truth && `truth ${c.truth.entities} never labelled, ${c.truth.culpable} culpable`,
        ].filter(Boolean);
        console.log(`${c.area} versions, ROC AUC (${on.join('; ')}): ${steps.join(' → ')}`);
      }
      console.log(`Report: ${files.find((f) => f.endsWith('.md')) ?? path.resolve(options.out)}`);
    });
}
